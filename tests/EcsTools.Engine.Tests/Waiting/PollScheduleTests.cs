using System;
using System.Collections.Generic;
using EcsTools.Engine.Waiting;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace EcsTools.Engine.Tests.Waiting;

/// <summary>The poll schedule on a fake clock: the interval for the first 30 s (start to start, no jitter), then 1.5 times a poll to the ceiling; jitter only shortens.</summary>
public sealed class PollScheduleTests
{
    // The delays handed out, the clock moved by each, until the deadline (or a count) is reached.
    private static List<TimeSpan> Delays(PollSchedule schedule, FakeTimeProvider clock, int most = 1000)
    {
        var delays = new List<TimeSpan>();
        while (delays.Count < most && schedule.TryGetNextDelay(out var delay))
        {
            delays.Add(delay);
            clock.Advance(delay);
        }

        return delays;
    }

    [Fact]
    public void Polls_every_second_for_30_seconds_then_backs_off_to_15_seconds_by_default()
    {
        var clock = new FakeTimeProvider();
        var schedule = new PollSchedule(PollSchedule.DefaultInterval, timeout: null, clock, new FixedRandom(0));
        var delays = Delays(schedule, clock, most: 40);

        Assert.Equal(TimeSpan.FromSeconds(1), PollSchedule.DefaultInterval);
        Assert.All(delays.GetRange(0, 30), d => Assert.Equal(TimeSpan.FromSeconds(1), d));
        double[] expected = [1.5, 2.25, 3.375, 5.0625, 7.59375, 11.390625, 15, 15, 15, 15];
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], delays[30 + i].TotalSeconds, 3);
        }

        Assert.Equal(TimeSpan.FromSeconds(15), schedule.Ceiling);
    }

    [Fact]
    public void Jitter_shortens_a_wait_after_the_first_30_seconds_by_at_most_a_fifth_and_never_lengthens_it()
    {
        var clock = new FakeTimeProvider();
        var most = new PollSchedule(TimeSpan.FromSeconds(1), null, clock, new FixedRandom(0.999999));
        var delays = Delays(most, clock, most: 31);
        Assert.All(delays.GetRange(0, 30), d => Assert.Equal(TimeSpan.FromSeconds(1), d));
        Assert.InRange(delays[30].TotalMilliseconds, 1199.9, 1200.1);

        var random = new PollSchedule(TimeSpan.FromSeconds(1), null, clock, new Random(12345));
        var randomDelays = Delays(random, clock, most: 200);
        Assert.All(randomDelays.GetRange(0, 30), d => Assert.Equal(TimeSpan.FromSeconds(1), d));
        Assert.All(randomDelays, d => Assert.InRange(d, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(15)));
        Assert.Contains(randomDelays.GetRange(30, 170), d => d < TimeSpan.FromSeconds(15));
    }

    [Fact]
    public void During_the_first_30_seconds_a_poll_starts_one_interval_after_the_previous_one_started()
    {
        var clock = new FakeTimeProvider();
        var schedule = new PollSchedule(TimeSpan.FromSeconds(1), null, clock, new FixedRandom(0.999999));

        // What the poll loop does: mark the poll's start, poll (the clock moves by what it takes), ask for the next wait.
        TimeSpan After(TimeSpan pollTook)
        {
            schedule.PollStarted();
            clock.Advance(pollTook);
            Assert.True(schedule.TryGetNextDelay(out var delay));
            clock.Advance(delay);
            return delay;
        }

        Assert.Equal(TimeSpan.FromMilliseconds(700), After(TimeSpan.FromMilliseconds(300)));
        Assert.Equal(TimeSpan.FromMilliseconds(998), After(TimeSpan.FromMilliseconds(2)));

        // A poll that takes more than half the interval is followed by half the interval, never by a poll at once.
        Assert.Equal(TimeSpan.FromMilliseconds(500), After(TimeSpan.FromMilliseconds(800)));
        Assert.Equal(TimeSpan.FromMilliseconds(500), After(TimeSpan.FromSeconds(5)));

        // After 30 s the wait grows from the end of the poll, as before (here with the most jitter: a fifth shorter).
        clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(1200, After(TimeSpan.FromMilliseconds(300)).TotalMilliseconds, 3);
    }

    [Fact]
    public void The_interval_given_holds_for_the_first_30_seconds_and_sets_the_ceiling()
    {
        var clock = new FakeTimeProvider();
        var schedule = new PollSchedule(TimeSpan.FromSeconds(5), null, clock, new FixedRandom(0));
        var delays = Delays(schedule, clock, most: 12);
        Assert.All(delays.GetRange(0, 6), d => Assert.Equal(TimeSpan.FromSeconds(5), d));
        Assert.Equal(TimeSpan.FromSeconds(7.5), delays[6]);
        Assert.Equal(TimeSpan.FromSeconds(30), delays[^1]);
        Assert.Equal(TimeSpan.FromSeconds(30), PollSchedule.CeilingFor(TimeSpan.FromSeconds(5)));
        Assert.Equal(TimeSpan.FromSeconds(1.5), PollSchedule.CeilingFor(TimeSpan.FromMilliseconds(100)));
        Assert.Equal(TimeSpan.FromMinutes(5), PollSchedule.CeilingFor(TimeSpan.FromMinutes(5)));
    }

    [Fact]
    public void The_last_wait_ends_on_the_deadline_and_then_there_is_none()
    {
        var clock = new FakeTimeProvider();
        var schedule = new PollSchedule(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2.5), clock, new FixedRandom(0));
        var delays = Delays(schedule, clock);
        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(0.5)], delays);
        Assert.Equal(TimeSpan.Zero, schedule.Remaining);
        Assert.False(schedule.TryGetNextDelay(out _));
        Assert.Equal(3, schedule.Waits);
    }

    [Fact]
    public void Refuses_an_interval_or_timeout_that_is_not_positive()
    {
        var clock = new FakeTimeProvider();
        Assert.Throws<ArgumentOutOfRangeException>(() => new PollSchedule(TimeSpan.Zero, null, clock));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PollSchedule(TimeSpan.FromSeconds(1), TimeSpan.Zero, clock));
        Assert.Null(new PollSchedule(TimeSpan.FromSeconds(1), null, clock).Remaining);
    }
}
