using System;

namespace EcsTools.Internal;

/// <summary>
/// When to poll while waiting for ECS to settle: the first wait is the initial interval, each next one 1.5 times the
/// previous, up to a ceiling of 15 times the initial interval or 30 seconds, whichever is smaller (2 s gives 2, 3, 4.5,
/// 6.75, 10.1, 15.2, 22.8, 30, 30... seconds). Each wait is shortened at random by up to 20 percent, so that many
/// waiters do not poll in lockstep. No wait goes past the deadline: the last one ends on it, for a final poll.
/// </summary>
/// <remarks>Not thread-safe: one schedule per wait, used on the pipeline thread.</remarks>
internal sealed class PollSchedule
{
    /// <summary>The -PollInterval default: the RunTask documentation suggests polling ECS from a couple of seconds on.</summary>
    public static readonly TimeSpan DefaultInitialInterval = TimeSpan.FromSeconds(2);

    /// <summary>The shortest -PollInterval accepted.</summary>
    public static readonly TimeSpan MinimumInitialInterval = TimeSpan.FromMilliseconds(10);

    /// <summary>The longest -PollInterval accepted.</summary>
    public static readonly TimeSpan MaximumInitialInterval = TimeSpan.FromMinutes(5);

    public const double GrowthFactor = 1.5;
    public const int CeilingMultiple = 15;
    public const double MaxJitter = 0.2;

    private static readonly TimeSpan s_maximumCeiling = TimeSpan.FromSeconds(30);

    // Less time than this left is no time left: a timer may fire a little before the deadline.
    private static readonly TimeSpan s_resolution = TimeSpan.FromMilliseconds(2);

    private readonly TimeProvider _time;
    private readonly Random _random;
    private readonly long _startedAt;
    private TimeSpan _next;

    public PollSchedule(TimeSpan initialInterval, TimeSpan timeout, TimeProvider? time = null, Random? random = null)
    {
        if (initialInterval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(initialInterval), initialInterval, "The poll interval must be positive.");
        }

        if (timeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "The timeout must be positive.");
        }

        _time = time ?? TimeProvider.System;
        _random = random ?? Random.Shared;
        InitialInterval = initialInterval;
        Timeout = timeout;
        Ceiling = CeilingFor(initialInterval);
        _next = initialInterval;
        _startedAt = _time.GetTimestamp();
    }

    public TimeSpan InitialInterval { get; }

    /// <summary>The longest wait between two polls.</summary>
    public TimeSpan Ceiling { get; }

    public TimeSpan Timeout { get; }

    /// <summary>How long the wait has run.</summary>
    public TimeSpan Elapsed => _time.GetElapsedTime(_startedAt);

    /// <summary>The time left before the deadline (zero once it has passed).</summary>
    public TimeSpan Remaining
    {
        get
        {
            var left = Timeout - Elapsed;
            return left > TimeSpan.Zero ? left : TimeSpan.Zero;
        }
    }

    /// <summary>How many waits <see cref="TryGetNextDelay"/> has handed out.</summary>
    public int Waits { get; private set; }

    /// <summary>min(30 s, 15 × the initial interval).</summary>
    public static TimeSpan CeilingFor(TimeSpan initialInterval)
    {
        var multiple = TimeSpan.FromTicks(Math.Min(initialInterval.Ticks * CeilingMultiple, s_maximumCeiling.Ticks));
        return multiple > initialInterval ? multiple : initialInterval;
    }

    /// <summary>The next wait before polling again; false when the deadline has passed (the caller has timed out).</summary>
    public bool TryGetNextDelay(out TimeSpan delay)
    {
        var remaining = Remaining;
        if (remaining < s_resolution)
        {
            delay = TimeSpan.Zero;
            return false;
        }

        var jittered = TimeSpan.FromTicks((long)(_next.Ticks * (1 - (MaxJitter * _random.NextDouble()))));
        delay = jittered < remaining ? jittered : remaining;
        _next = TimeSpan.FromTicks(Math.Min((long)(_next.Ticks * GrowthFactor), Ceiling.Ticks));
        Waits++;
        return true;
    }
}
