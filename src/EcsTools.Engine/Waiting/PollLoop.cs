using System;
using System.Threading;
using System.Threading.Tasks;

namespace EcsTools.Engine.Waiting;

/// <summary>
/// The one poll loop of every wait (task waits and task-set waits): poll, and unless everything has settled, sleep for
/// the <see cref="PollSchedule"/>'s next interval and poll again, until everything has settled, the deadline passes (a
/// request in flight then is cancelled), too many polls in a row meet a transient error, or the caller cancels.
/// </summary>
public static class PollLoop
{
    // Less than this left of a sleep is no sleep.
    private static readonly TimeSpan s_resolution = TimeSpan.FromMilliseconds(1);

    // CancellationTokenSource and Task.Delay take at most uint.MaxValue - 1 milliseconds (about 49 days).
    private static readonly TimeSpan s_longestTimer = TimeSpan.FromMilliseconds(uint.MaxValue - 1.0);

    /// <summary>Runs the wait; see <see cref="PollLoop"/>.</summary>
    /// <param name="options">The settings and rules.</param>
    /// <param name="poll">One poll: the requests for everything still waited for; returns whether all has settled and the transient error met, if any. Its token is cancelled at the deadline.</param>
    /// <param name="observer">Progress and per-poll hooks, or null.</param>
    /// <param name="time">The clock (tests inject a fake one).</param>
    /// <param name="cancellationToken">Ends the wait (Ctrl+C): <see cref="OperationCanceledException"/>.</param>
    public static async Task<PollResult> RunAsync(
        PollLoopOptions options,
        Func<PollContext, CancellationToken, Task<PollReport>> poll,
        PollObserver? observer,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(poll);
        ArgumentNullException.ThrowIfNull(time);
        var schedule = new PollSchedule(options.Settings.PollInterval, options.Settings.Timeout, time, options.Random);
        var attempt = 0;
        var failed = 0;
        EcsServiceException? lastError = null;
        PollResult Result(PollOutcome outcome) => new(outcome, attempt, schedule.Elapsed, failed, lastError);

        for (var first = true; ; first = false)
        {
            if (!(first && options.PollFirst))
            {
                if (!schedule.TryGetNextDelay(out var delay))
                {
                    return Result(PollOutcome.TimedOut);
                }

                await SleepAsync(delay, schedule, attempt, options.WaitingTick, observer, time, cancellationToken).ConfigureAwait(false);
            }

            schedule.PollStarted();
            attempt++;
            var context = Context(schedule, attempt);
            PollReport report;
            using (var deadline = DeadlineFor(schedule, options.DeadlineGrace, time))
            using (var linked = deadline is null ? null : CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token))
            {
                var token = linked?.Token ?? cancellationToken;
                try
                {
                    report = await poll(context, token).ConfigureAwait(false);
                    if (observer?.AfterPoll is { } afterPoll)
                    {
                        await afterPoll(context, token).ConfigureAwait(false);
                    }
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && deadline is { IsCancellationRequested: true })
                {
                    observer?.DeadlineCancelled?.Invoke(Context(schedule, attempt));
                    return Result(PollOutcome.TimedOut);
                }
            }

            if (report.TransientError is { } error)
            {
                failed++;
                lastError = error;
                observer?.PollFailed?.Invoke(context, error, failed);
            }
            else
            {
                failed = 0;
            }

            if (report.Settled)
            {
                return Result(PollOutcome.Settled);
            }

            if (failed >= options.MaxFailedPolls)
            {
                return Result(PollOutcome.PollsFailed);
            }
        }
    }

    private static PollContext Context(PollSchedule schedule, int attempt) =>
        new(attempt, schedule.Elapsed, schedule.Remaining, schedule.Timeout);

    // Cancels the poll's requests once the deadline (plus a grace for the last poll, which happens on it) has passed.
    private static CancellationTokenSource? DeadlineFor(PollSchedule schedule, TimeSpan grace, TimeProvider time)
    {
        if (schedule.Remaining is not { } remaining)
        {
            return null;
        }

        var limit = remaining + grace;
        return new CancellationTokenSource(limit < s_longestTimer ? limit : s_longestTimer, time);
    }

    private static async Task SleepAsync(
        TimeSpan delay, PollSchedule schedule, int attempt, TimeSpan? tick, PollObserver? observer, TimeProvider time, CancellationToken cancellationToken)
    {
        var end = schedule.Elapsed + delay;
        while (true)
        {
            observer?.Waiting?.Invoke(Context(schedule, attempt));
            var left = end - schedule.Elapsed;
            if (left < s_resolution)
            {
                return;
            }

            var slice = tick is { } t && t < left ? t : left;
            await Task.Delay(slice < s_longestTimer ? slice : s_longestTimer, time, cancellationToken).ConfigureAwait(false);
        }
    }
}
