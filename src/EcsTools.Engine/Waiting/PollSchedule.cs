using System;

namespace EcsTools.Engine.Waiting;

/// <summary>
/// When to poll while waiting for ECS to settle. For the first 30 seconds of the wait a poll starts every poll interval
/// (default 1 s), counted from the start of the previous poll, so that a change is noticed at once and the time a poll
/// takes does not push the next one later (a poll that takes more than half the interval is followed by a rest of half
/// the interval, so a slow service is not polled back to back). After that each wait is 1.5 times the previous one, up
/// to a ceiling of 15 times the poll interval or 30 seconds, whichever is smaller (never below the interval: 1 s gives
/// 1, 1, ... for 30 s, then 1.5, 2.25, 3.4, 5.1, 7.6, 11.4, 15, 15... seconds), and each of those waits is shortened at
/// random by up to 20 percent, never lengthened, so that many long waits do not poll in lockstep. The first 30 seconds
/// have no jitter: it would only make a change be seen later, and waits started together are spread out by the SDK's
/// retry backoff (which has jitter) should ECS throttle them. No wait goes past the deadline: the last one ends on it,
/// for a final poll.
/// </summary>
/// <remarks>Not thread-safe: one schedule per wait.</remarks>
public sealed class PollSchedule
{
    /// <summary>The -PollInterval default.</summary>
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(1);

    /// <summary>The shortest -PollInterval accepted.</summary>
    public static readonly TimeSpan MinimumInterval = TimeSpan.FromMilliseconds(10);

    /// <summary>The longest -PollInterval accepted.</summary>
    public static readonly TimeSpan MaximumInterval = TimeSpan.FromMinutes(5);

    /// <summary>How long from the start of a wait polls come every interval, before they back off.</summary>
    public static readonly TimeSpan SteadyPhase = TimeSpan.FromSeconds(30);

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
    private long? _pollStartedAt;

    /// <param name="interval">The interval between polls during the first 30 seconds.</param>
    /// <param name="timeout">The wait's limit; null: none.</param>
    /// <param name="time">The clock.</param>
    /// <param name="random">The jitter's source (tests pass a seeded one).</param>
    public PollSchedule(TimeSpan interval, TimeSpan? timeout, TimeProvider time, Random? random = null)
    {
        ArgumentNullException.ThrowIfNull(time);
        if (interval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(interval), interval, "The poll interval must be positive.");
        }

        if (timeout is { } t && t <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "The timeout must be positive.");
        }

        _time = time;
        _random = random ?? Random.Shared;
        Interval = interval;
        Timeout = timeout;
        Ceiling = CeilingFor(interval);
        _next = interval;
        _startedAt = _time.GetTimestamp();
    }

    /// <summary>The interval between polls for the first <see cref="SteadyPhase"/> of the wait.</summary>
    public TimeSpan Interval { get; }

    /// <summary>The longest wait between two polls.</summary>
    public TimeSpan Ceiling { get; }

    /// <summary>The wait's limit; null: none.</summary>
    public TimeSpan? Timeout { get; }

    /// <summary>How long the wait has run.</summary>
    public TimeSpan Elapsed => _time.GetElapsedTime(_startedAt);

    /// <summary>The time left before the deadline (zero once it has passed); null without a timeout.</summary>
    public TimeSpan? Remaining
    {
        get
        {
            if (Timeout is not { } timeout)
            {
                return null;
            }

            var left = timeout - Elapsed;
            return left > TimeSpan.Zero ? left : TimeSpan.Zero;
        }
    }

    /// <summary>How many waits <see cref="TryGetNextDelay"/> has handed out.</summary>
    public int Waits { get; private set; }

    /// <summary>min(30 s, 15 × the interval), and at least the interval.</summary>
    public static TimeSpan CeilingFor(TimeSpan interval)
    {
        var multiple = TimeSpan.FromTicks(Math.Min(interval.Ticks * CeilingMultiple, s_maximumCeiling.Ticks));
        return multiple > interval ? multiple : interval;
    }

    /// <summary>Marks the start of a poll: during the first 30 seconds the next poll starts one interval after it.</summary>
    public void PollStarted() => _pollStartedAt = _time.GetTimestamp();

    /// <summary>The next wait before polling again; false when the deadline has passed (the caller has timed out).</summary>
    public bool TryGetNextDelay(out TimeSpan delay)
    {
        var remaining = Remaining;
        if (remaining < s_resolution)
        {
            delay = TimeSpan.Zero;
            return false;
        }

        TimeSpan wait;
        if (Elapsed < SteadyPhase)
        {
            // Fixed rate: the interval less what the last poll took, but a rest of at least half the interval.
            var took = _pollStartedAt is { } started ? _time.GetElapsedTime(started) : TimeSpan.Zero;
            var rest = _next - took;
            var least = _next / 2;
            wait = rest > least ? rest : least;
        }
        else
        {
            _next = TimeSpan.FromTicks(Math.Min((long)(_next.Ticks * GrowthFactor), Ceiling.Ticks));
            wait = TimeSpan.FromTicks((long)(_next.Ticks * (1 - (MaxJitter * _random.NextDouble()))));
        }

        delay = remaining is { } left && left < wait ? left : wait;
        Waits++;
        return true;
    }
}
