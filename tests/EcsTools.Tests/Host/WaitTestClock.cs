using System;
using System.Threading;
using Microsoft.Extensions.Time.Testing;

namespace EcsTools.Tests.Host;

/// <summary>
/// The clock of a session's waits in a test: it moves only when the test moves it, and it counts the timers the wait
/// sets (its first one marks the start of the poll loop, when the wait's schedule starts counting).
/// </summary>
public sealed class WaitTestClock : FakeTimeProvider
{
    private int _timers;

    public WaitTestClock()
        : base(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero))
    {
    }

    /// <summary>How many timers (delays, deadlines) the waits have set so far.</summary>
    public int TimersCreated => Volatile.Read(ref _timers);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        Interlocked.Increment(ref _timers);
        return base.CreateTimer(callback, state, dueTime, period);
    }
}
