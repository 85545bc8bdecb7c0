using System;
using System.Threading;
using System.Threading.Tasks;

namespace EcsTools.Engine.Waiting;

/// <summary>
/// What a wait tells its caller besides the polls themselves. The callbacks run on the loop's thread (a thread-pool
/// thread): a cmdlet hands them to its pipeline thread (see the module's PipelineQueue) rather than writing from them.
/// </summary>
public sealed class PollObserver
{
    /// <summary>Before each sleep between polls, and every <see cref="PollLoopOptions.WaitingTick"/> during it (progress).</summary>
    public Action<PollContext>? Waiting { get; init; }

    /// <summary>A poll met a transient error; the count is of failed polls in a row.</summary>
    public Action<PollContext, EcsServiceException, int>? PollFailed { get; init; }

    /// <summary>The deadline passed with a request in flight: it was cancelled, and the wait times out.</summary>
    public Action<PollContext>? DeadlineCancelled { get; init; }

    /// <summary>
    /// Extra work once per poll, after the poll and under the same deadline and cancellation (for example reading what
    /// the waited-for tasks logged). Runs after every poll, the last one included. An exception from it ends the wait.
    /// </summary>
    public Func<PollContext, CancellationToken, Task>? AfterPoll { get; init; }
}
