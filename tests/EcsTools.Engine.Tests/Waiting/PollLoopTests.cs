using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using EcsTools.Engine.Waiting;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace EcsTools.Engine.Tests.Waiting;

/// <summary>The one poll loop on a fake clock: schedule, deadline (cancelling the request in flight), transient-error budget, hooks, cancellation.</summary>
public sealed class PollLoopTests
{
    private static readonly TimeSpan s_step = TimeSpan.FromMilliseconds(10);

    private static EcsServiceException Throttled() =>
        new(EcsErrorKind.Throttled, "ThrottlingException", "DescribeTasks", "Rate exceeded", "req-1", 400, null, null);

    private static PollLoopOptions Options(TimeSpan? timeout = null, double interval = 1, bool pollFirst = false, Random? random = null) =>
        new(WaitSettings.Create(timeout, TimeSpan.FromSeconds(interval), null)) { PollFirst = pollFirst, Random = random ?? new FixedRandom(0) };

    // Moves the fake clock in small steps until the loop ends: no sleeps, no wall clock. After a step that fires a timer,
    // time stands still until the loop has acted on it (armed its next timer, or ended), however late a loaded machine
    // runs the continuation: otherwise the clock runs on while the loop is not yet listening.
    private static async Task<PollResult> Drive(SteppingClock clock, Task<PollResult> run, TimeSpan? limit = null)
    {
        var end = clock.GetUtcNow() + (limit ?? TimeSpan.FromHours(1));
        while (!run.IsCompleted && clock.GetUtcNow() < end)
        {
            var created = clock.TimersCreated;
            var fired = clock.TimersFired;
            clock.Advance(s_step);
            if (clock.TimersFired != fired)
            {
                await clock.SettledAsync(run, created);
            }

            await Task.Yield();
        }

        Assert.True(run.IsCompleted, "the loop did not end");
        return await run;
    }

    /// <summary>A fake clock that counts the timers made on it and those that fired.</summary>
    private sealed class SteppingClock : FakeTimeProvider
    {
        private static readonly TimeSpan s_settleLimit = TimeSpan.FromSeconds(10);
        private int _created;
        private int _fired;

        public int TimersCreated => Volatile.Read(ref _created);

        public int TimersFired => Volatile.Read(ref _fired);

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            Interlocked.Increment(ref _created);
            return base.CreateTimer(s =>
            {
                Interlocked.Increment(ref _fired);
                callback(s);
            }, state, dueTime, period);
        }

        // Waits (in real time, bounded) until the run ends or makes a timer after the count given.
        public async Task SettledAsync(Task run, int createdBefore)
        {
            var waited = Stopwatch.StartNew();
            while (!run.IsCompleted && TimersCreated == createdBefore && waited.Elapsed < s_settleLimit)
            {
                await Task.Delay(1);
            }
        }
    }

    [Fact]
    public async Task Polls_at_once_when_asked_and_ends_when_a_poll_says_all_settled()
    {
        var clock = new SteppingClock();
        var polls = new List<(int Attempt, TimeSpan At)>();
        var start = clock.GetUtcNow();
        var run = PollLoop.RunAsync(Options(pollFirst: true), (context, _) =>
        {
            polls.Add((context.Attempt, clock.GetUtcNow() - start));
            return Task.FromResult(context.Attempt == 3 ? PollReport.Done : PollReport.Pending);
        }, null, clock, CancellationToken.None);
        var result = await Drive(clock, run);

        Assert.Equal(PollOutcome.Settled, result.Outcome);
        Assert.Equal(3, result.Polls);
        Assert.Equal([1, 2, 3], polls.ConvertAll(p => p.Attempt));
        Assert.Equal(TimeSpan.Zero, polls[0].At);
        Assert.Equal(TimeSpan.FromSeconds(1), polls[1].At);
        Assert.Equal(TimeSpan.FromSeconds(2), polls[2].At);
    }

    [Fact]
    public async Task The_time_a_poll_takes_does_not_push_the_next_poll_later()
    {
        // Each poll takes 250 ms on the clock (slow DescribeTasks calls); polls still start every second, as a poller at a
        // fixed rate would, instead of drifting 250 ms later each time.
        var clock = new SteppingClock();
        var start = clock.GetUtcNow();
        var polls = new List<TimeSpan>();
        var run = PollLoop.RunAsync(Options(pollFirst: true), (context, _) =>
        {
            polls.Add(clock.GetUtcNow() - start);
            clock.Advance(TimeSpan.FromMilliseconds(250));
            return Task.FromResult(context.Attempt == 4 ? PollReport.Done : PollReport.Pending);
        }, null, clock, CancellationToken.None);
        await Drive(clock, run);
        Assert.Equal([TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(3)], polls);
    }

    [Fact]
    public async Task Without_poll_first_the_first_poll_comes_after_one_interval()
    {
        var clock = new SteppingClock();
        var start = clock.GetUtcNow();
        TimeSpan? first = null;
        var run = PollLoop.RunAsync(Options(interval: 0.5), (_, _) =>
        {
            first ??= clock.GetUtcNow() - start;
            return Task.FromResult(PollReport.Done);
        }, null, clock, CancellationToken.None);
        await Drive(clock, run);
        Assert.Equal(TimeSpan.FromSeconds(0.5), first);
    }

    [Theory]
    [InlineData(0.05)]
    [InlineData(0.95)]
    [InlineData(2.3)]
    [InlineData(7.31)]
    [InlineData(12.9)]
    [InlineData(21.07)]
    [InlineData(29.5)]
    public async Task A_change_during_the_first_30_seconds_is_seen_within_1_2_seconds(double changeAt)
    {
        // What a task set wait does: no poll at once, then DescribeTaskSets until STEADY_STATE (random jitter, which only applies after 30 s).
        var clock = new SteppingClock();
        var start = clock.GetUtcNow();
        var change = TimeSpan.FromSeconds(changeAt);
        TimeSpan seenAt = default;
        var run = PollLoop.RunAsync(Options(random: new Random(7)), (_, _) =>
        {
            var now = clock.GetUtcNow() - start;
            seenAt = now;
            return Task.FromResult(now >= change ? PollReport.Done : PollReport.Pending);
        }, null, clock, CancellationToken.None);
        var result = await Drive(clock, run);

        Assert.Equal(PollOutcome.Settled, result.Outcome);
        Assert.InRange(seenAt - change, TimeSpan.Zero, TimeSpan.FromSeconds(1.2));
    }

    [Fact]
    public async Task Times_out_with_the_last_poll_on_the_deadline()
    {
        var clock = new SteppingClock();
        var start = clock.GetUtcNow();
        var polls = new List<TimeSpan>();
        var run = PollLoop.RunAsync(Options(timeout: TimeSpan.FromSeconds(3.5)), (_, _) =>
        {
            polls.Add(clock.GetUtcNow() - start);
            return Task.FromResult(PollReport.Pending);
        }, null, clock, CancellationToken.None);
        var result = await Drive(clock, run);

        Assert.Equal(PollOutcome.TimedOut, result.Outcome);
        Assert.Equal(4, result.Polls);
        Assert.Equal(TimeSpan.FromSeconds(3.5), polls[^1]);
        Assert.Equal(TimeSpan.FromSeconds(3.5), result.Elapsed);
    }

    [Fact]
    public async Task The_deadline_cancels_a_request_in_flight_and_the_wait_times_out()
    {
        var clock = new SteppingClock();
        var start = clock.GetUtcNow();
        var cancelledAt = TimeSpan.Zero;
        var deadlineNoticed = 0;
        var observer = new PollObserver { DeadlineCancelled = _ => deadlineNoticed++ };
        var run = PollLoop.RunAsync(Options(timeout: TimeSpan.FromSeconds(2), pollFirst: true), async (context, token) =>
        {
            if (context.Attempt < 2)
            {
                return PollReport.Pending;
            }

            try
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, clock, token);
            }
            catch (OperationCanceledException)
            {
                cancelledAt = clock.GetUtcNow() - start;
                throw;
            }

            return PollReport.Done;
        }, observer, clock, CancellationToken.None);
        var result = await Drive(clock, run);

        Assert.Equal(PollOutcome.TimedOut, result.Outcome);
        Assert.Equal(1, deadlineNoticed);
        // The request of poll 2 (at 1 s) is cancelled at the deadline plus the grace for a last poll on it.
        Assert.InRange(cancelledAt, TimeSpan.FromSeconds(2.25), TimeSpan.FromSeconds(2.25) + s_step);
    }

    [Fact]
    public async Task Five_polls_in_a_row_with_a_transient_error_end_the_wait()
    {
        var clock = new SteppingClock();
        var failures = new List<int>();
        var error = Throttled();
        var observer = new PollObserver { PollFailed = (_, _, inARow) => failures.Add(inARow) };
        var run = PollLoop.RunAsync(Options(pollFirst: true), (_, _) => Task.FromResult(PollReport.Failed(error)), observer, clock, CancellationToken.None);
        var result = await Drive(clock, run);

        Assert.Equal(PollOutcome.PollsFailed, result.Outcome);
        Assert.Equal(PollLoopOptions.DefaultMaxFailedPolls, result.Polls);
        Assert.Equal(5, result.FailedPolls);
        Assert.Same(error, result.LastError);
        Assert.Equal([1, 2, 3, 4, 5], failures);
    }

    [Fact]
    public async Task A_poll_that_succeeds_resets_the_budget()
    {
        var clock = new SteppingClock();
        var error = Throttled();
        // Four failures, one success, four failures, then settled: never five in a row.
        var run = PollLoop.RunAsync(Options(pollFirst: true), (context, _) => Task.FromResult(context.Attempt switch
        {
            5 => PollReport.Pending,
            10 => PollReport.Done,
            _ => PollReport.Failed(error),
        }), null, clock, CancellationToken.None);
        var result = await Drive(clock, run);

        Assert.Equal(PollOutcome.Settled, result.Outcome);
        Assert.Equal(10, result.Polls);
    }

    [Fact]
    public async Task After_poll_runs_once_per_poll_under_the_polls_token_and_waiting_ticks_between()
    {
        var clock = new SteppingClock();
        var after = new List<int>();
        var ticks = 0;
        var tokens = new List<(CancellationToken Poll, CancellationToken After)>();
        CancellationToken pollToken = default;
        var observer = new PollObserver
        {
            AfterPoll = (context, token) =>
            {
                after.Add(context.Attempt);
                tokens.Add((pollToken, token));
                return Task.CompletedTask;
            },
            Waiting = _ => ticks++,
        };
        var options = Options(timeout: TimeSpan.FromMinutes(1), interval: 2, pollFirst: true) with { WaitingTick = TimeSpan.FromSeconds(0.5) };
        var run = PollLoop.RunAsync(options, (context, token) =>
        {
            pollToken = token;
            return Task.FromResult(context.Attempt == 3 ? PollReport.Done : PollReport.Pending);
        }, observer, clock, CancellationToken.None);
        await Drive(clock, run);

        Assert.Equal([1, 2, 3], after);
        Assert.All(tokens, t => Assert.Equal(t.Poll, t.After));
        // Two sleeps of 2 s, a tick at the start of each and every 0.5 s, and one at the end of each.
        Assert.Equal(10, ticks);
    }

    [Fact]
    public async Task Cancellation_by_the_caller_ends_the_wait_with_OperationCanceledException()
    {
        var clock = new SteppingClock();
        using var stop = new CancellationTokenSource();
        var run = PollLoop.RunAsync(Options(), (context, _) =>
        {
            if (context.Attempt == 2)
            {
                stop.Cancel();
            }

            return Task.FromResult(PollReport.Pending);
        }, null, clock, stop.Token);
        for (var i = 0; i < 1000 && !run.IsCompleted; i++)
        {
            clock.Advance(s_step);
            await Task.Yield();
        }

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
    }

    [Fact]
    public void Wait_settings_are_checked_in_one_place()
    {
        Assert.Null(WaitSettings.Create(TimeSpan.FromSeconds(-1), null, TimeSpan.FromMinutes(10)).Timeout);
        Assert.Equal(TimeSpan.FromMinutes(10), WaitSettings.Create(null, null, TimeSpan.FromMinutes(10)).Timeout);
        Assert.Null(WaitSettings.Create(null, null, null).Timeout);
        Assert.Equal(PollSchedule.DefaultInterval, WaitSettings.Create(null, null, null).PollInterval);
        Assert.Equal("InvalidTimeout", Assert.Throws<WaitSettingsException>(() => WaitSettings.Create(TimeSpan.Zero, null, null)).ErrorId);
        Assert.Equal("InvalidTimeout", Assert.Throws<WaitSettingsException>(() => WaitSettings.Create(TimeSpan.FromSeconds(-2), null, null)).ErrorId);
        var tooShort = Assert.Throws<WaitSettingsException>(() => WaitSettings.Create(null, TimeSpan.FromMilliseconds(9), null));
        Assert.Equal("InvalidPollInterval", tooShort.ErrorId);
        Assert.Equal(TimeSpan.FromMilliseconds(9), tooShort.Value);
        Assert.Equal("InvalidPollInterval", Assert.Throws<WaitSettingsException>(() => WaitSettings.Create(null, TimeSpan.FromMinutes(5.01), null)).ErrorId);
    }
}
