using System;
using System.Diagnostics;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;

namespace EcsTools.Tests.Host;

/// <summary>
/// Puts the module's waits against one endpoint on a test's clock (EcsTools.Waiting.WaitClock, reached by reflection:
/// this project does not reference the module), and moves that clock until a condition holds.
/// </summary>
internal static class WaitClocks
{
    private static readonly TimeSpan s_bound = TimeSpan.FromSeconds(20);

    private static readonly Lazy<MethodInfo> s_use = new(() =>
        AppDomain.CurrentDomain.GetAssemblies().First(a => a.GetName().Name == "EcsTools")
            .GetType("EcsTools.Waiting.WaitClock", throwOnError: true)!.GetMethod("Use")!);

    /// <summary>Waits against <paramref name="endpoint"/> run on <paramref name="time"/>; null: on the system clock again. The module must be imported.</summary>
    public static void Use(Uri endpoint, TimeProvider? time) => Use(endpoint.ToString(), time);

    /// <summary>The same for an endpoint as typed on a command line (which need not be a URL).</summary>
    public static void Use(string endpoint, TimeProvider? time) => s_use.Value.Invoke(null, [endpoint.TrimEnd('/'), time]);

    /// <summary>The time a real bound allows for something the test waits for (fails, not measures).</summary>
    public static TimeSpan Bound => s_bound;

    /// <summary>Waits until <paramref name="condition"/> holds (an event the test observes, e.g. a request in LocalEcs's log); fails after 20 s.</summary>
    public static async Task Until(Func<bool> condition)
    {
        var bound = Stopwatch.StartNew();
        while (!condition())
        {
            if (bound.Elapsed > s_bound)
            {
                throw new TimeoutException($"The condition did not come true in {s_bound.TotalSeconds} s.");
            }

            await Task.Delay(10);
        }
    }

    /// <summary>
    /// Moves <paramref name="time"/> by <paramref name="step"/> until <paramref name="done"/> holds (at most 20 s of real
    /// time, then fails). Small steps, not one jump: the poll loop sets its timers from other threads, and a jump made
    /// before a timer exists would not fire it.
    /// </summary>
    public static async Task AdvanceUntil(FakeTimeProvider time, TimeSpan step, Func<bool> done)
    {
        var bound = Stopwatch.StartNew();
        while (!done())
        {
            if (bound.Elapsed > s_bound)
            {
                throw new TimeoutException($"The condition did not come true in {s_bound.TotalSeconds} s of real time ({time.GetUtcNow() - time.Start} on the test's clock).");
            }

            time.Advance(step);
            await Task.Delay(10);
        }
    }
}
