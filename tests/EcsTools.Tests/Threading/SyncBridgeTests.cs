using System;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using EcsTools.Tests.Host;
using Xunit;

namespace EcsTools.Tests.Threading;

/// <summary>
/// The one bridge from PowerShell's synchronous threads to the engine (EcsTools.Waiting.SyncBridge, behind EcsCmdlet.Await,
/// EcsCmdlet.ForEach and the completers) needs no thread-pool thread: a pool whose every thread is busy cannot stall a
/// call through it. This is why the test host leaves the pool's minimum at its default.
/// </summary>
[Collection(ThreadPoolCollection.Name)]
public sealed class SyncBridgeTests
{
    private static readonly TimeSpan s_bound = TimeSpan.FromSeconds(20);

    [Fact]
    public void The_test_host_leaves_the_thread_pool_minimum_at_its_default()
    {
        ThreadPool.GetMinThreads(out var worker, out _);
        Assert.Equal(Environment.ProcessorCount, worker);
    }

    [Fact]
    public void A_call_through_the_bridge_starts_and_ends_while_every_pool_thread_is_busy()
    {
        var bridge = Bridge();
        var start = bridge.GetMethod("Start")!.MakeGenericMethod(typeof(int));
        var block = bridge.GetMethods().Single(m => m.Name == "Block" && m.IsGenericMethod).MakeGenericMethod(typeof(int));

        // Not disposed: blockers still queued when the test ends wait on it, and pass at once.
        var release = new ManualResetEventSlim();
        try
        {
            Saturate(release);
            var probe = Task.Run(() => { });

            var answer = new TaskCompletionSource<int>();
            using var started = new ManualResetEventSlim();
            var startedOn = 0;
            Func<CancellationToken, Task<int>> operation = _ =>
            {
                startedOn = Environment.CurrentManagedThreadId;
                started.Set();
                return answer.Task;
            };
            var result = 0;
            var callerId = 0;
            var caller = new Thread(() =>
            {
                callerId = Environment.CurrentManagedThreadId;
                var task = start.Invoke(null, [operation, CancellationToken.None]);
                result = (int)block.Invoke(null, [task])!;
            }) { IsBackground = true };
            caller.Start();

            Assert.True(started.Wait(s_bound), "The call did not start: it waited for a pool thread.");
            answer.SetResult(42);
            Assert.True(caller.Join(s_bound), "The caller did not wake: it waited for a pool thread.");

            Assert.Equal(42, result);
            Assert.Equal(callerId, startedOn);
            // The pool was full all along: work queued to it (as a Task.Run bridge would queue the call) has not run.
            Assert.False(probe.IsCompleted);
        }
        finally
        {
            release.Set();
        }
    }

    [Fact]
    public void A_wait_with_a_budget_wakes_at_its_budget_while_every_pool_thread_is_busy()
    {
        var wait = Bridge().GetMethod("Wait")!;
        // Not disposed: blockers still queued when the test ends wait on it, and pass at once.
        var release = new ManualResetEventSlim();
        try
        {
            Saturate(release);
            var probe = Task.Run(() => { });
            var never = new TaskCompletionSource<int>().Task;
            var done = new TaskCompletionSource<int>();
            done.SetResult(1);
            bool? ended = null;
            bool? endedDone = null;
            var caller = new Thread(() =>
            {
                ended = (bool)wait.Invoke(null, [never, TimeSpan.FromMilliseconds(50)])!;
                endedDone = (bool)wait.Invoke(null, [done.Task, TimeSpan.FromMilliseconds(50)])!;
            }) { IsBackground = true };
            caller.Start();

            Assert.True(caller.Join(s_bound), "The budgeted wait did not wake.");
            Assert.False(ended);
            Assert.True(endedDone);
            Assert.False(probe.IsCompleted);
        }
        finally
        {
            release.Set();
        }
    }

    /// <summary>Occupies every pool thread, with far more work queued behind than the pool adds threads in a test's time.</summary>
    private static void Saturate(ManualResetEventSlim release)
    {
        ThreadPool.GetMaxThreads(out var max, out _);
        var blockers = Math.Min(max, 1024);
        for (var i = 0; i < blockers; i++)
        {
            ThreadPool.UnsafeQueueUserWorkItem(_ => release.Wait(), null);
        }

        Assert.True(ThreadPool.PendingWorkItemCount > 0, "The pool took every blocker at once: it is not saturated.");
    }

    private static Type Bridge()
    {
        using (PsSession.Create())
        {
            // Importing the module loads EcsTools.dll into the default load context.
        }

        var module = AppDomain.CurrentDomain.GetAssemblies().First(a => a.GetName().Name == "EcsTools");
        return module.GetType("EcsTools.Waiting.SyncBridge", throwOnError: true)!;
    }
}
