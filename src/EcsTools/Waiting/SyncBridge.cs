using System;
using System.Threading;
using System.Threading.Tasks;

namespace EcsTools.Waiting;

/// <summary>
/// The one bridge from a synchronous PowerShell thread (a cmdlet's pipeline thread, a completer) to the engine's async
/// calls. The call starts on the calling thread (the engine awaits with ConfigureAwait(false), so nothing comes back to
/// it) and the thread sleeps on the task's wait handle, a kernel wait: no spinning, and no thread-pool thread is taken to
/// start the call or to wait for it, so a busy pool cannot stall it.
/// </summary>
internal static class SyncBridge
{
    /// <summary>Starts the call; where a host runs the caller under a synchronization context, off it.</summary>
    public static Task<T> Start<T>(Func<CancellationToken, Task<T>> operation, CancellationToken token) =>
        // Under a synchronization context the call starts off it, so that no continuation of code that does not use
        // ConfigureAwait(false) waits for the blocked thread.
        SynchronizationContext.Current is null ? operation(token) : Task.Run(() => operation(token), token);

    /// <summary>Blocks until the task ends and returns its result (or rethrows its exception as it was thrown).</summary>
    public static T Block<T>(Task<T> task)
    {
        Wait(task, Timeout.InfiniteTimeSpan);
        return task.GetAwaiter().GetResult();
    }

    /// <summary>Blocks until the task ends and rethrows its exception, if any.</summary>
    public static void Block(Task task)
    {
        Wait(task, Timeout.InfiniteTimeSpan);
        task.GetAwaiter().GetResult();
    }

    /// <summary>Blocks until the task ends or <paramref name="timeout"/> passes; true if it ended.</summary>
    public static bool Wait(Task task, TimeSpan timeout) =>
        task.IsCompleted || ((IAsyncResult)task).AsyncWaitHandle.WaitOne(timeout);
}
