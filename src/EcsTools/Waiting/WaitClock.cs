using System;
using System.Collections.Concurrent;

namespace EcsTools.Waiting;

/// <summary>
/// The clock of the waits' poll loop and of completion's budget: the system's, except for an endpoint that a test has
/// given a clock of its own (LocalEcs on an injected clock), so that a wait's schedule, deadline and Ctrl+C, and the
/// point where completion gives up, are tested without sleeping.
/// </summary>
internal static class WaitClock
{
    private static readonly ConcurrentDictionary<string, TimeProvider> s_byEndpoint = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The clock for waits against <paramref name="endpoint"/>.</summary>
    public static TimeProvider For(string endpoint) =>
        !s_byEndpoint.IsEmpty && s_byEndpoint.TryGetValue(Key(endpoint), out var time) ? time : TimeProvider.System;

    /// <summary>Tests only (by reflection): waits against <paramref name="endpoint"/> use <paramref name="time"/>; null: the system clock again.</summary>
    public static void Use(string endpoint, TimeProvider? time)
    {
        if (time is null)
        {
            s_byEndpoint.TryRemove(Key(endpoint), out _);
            return;
        }

        s_byEndpoint[Key(endpoint)] = time;
    }

    private static string Key(string endpoint) => endpoint.TrimEnd('/');
}
