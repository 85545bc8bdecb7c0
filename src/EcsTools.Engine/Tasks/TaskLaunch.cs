using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using EcsTools.Engine.Model;

namespace EcsTools.Engine.Tasks;

/// <summary>The calls that start the tasks of one input (see <see cref="TaskLauncher"/>), ready to send.</summary>
public sealed class TaskLaunch
{
    public const string RunTask = "RunTask";
    public const string StartTask = "StartTask";

    private readonly IReadOnlyList<ITaskLaunchRequest> _calls;

    internal TaskLaunch(string operation, string taskDefinition, string? cluster, int taskCount, IReadOnlyList<ITaskLaunchRequest> calls)
    {
        Operation = operation;
        TaskDefinition = taskDefinition;
        Cluster = cluster;
        TaskCount = taskCount;
        _calls = calls;
    }

    /// <summary>RunTask or StartTask.</summary>
    public string Operation { get; }

    public string TaskDefinition { get; }

    public string? Cluster { get; }

    /// <summary>How many tasks are asked for in all.</summary>
    public int TaskCount { get; }

    /// <summary>How many calls are made.</summary>
    public int Calls => _calls.Count;

    internal IReadOnlyList<ITaskLaunchRequest> Requests => _calls;

    /// <summary>
    /// Sends the calls one after the other and yields each one's tasks and failures as its answer arrives. A call that
    /// fails is yielded with its <see cref="TaskLaunchBatch.Error"/> and ends the launch (the calls after it are not
    /// sent). Ambiguous failures are settled by the connection: RunTask is resent with the same client token, StartTask
    /// never (its tasks are looked for), so no retry starts a task twice.
    /// </summary>
    public async IAsyncEnumerable<TaskLaunchBatch> SendAsync(EcsConnection connection, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        for (var call = 0; call < _calls.Count; call++)
        {
            var request = _calls[call];
            var asked = request switch
            {
                RunTaskRequest { Count: { } count } => count,
                StartTaskRequest { ContainerInstances: { } on } => on.Count,
                _ => 1,
            };
            TaskLaunchBatch batch;
            try
            {
                var (tasks, failures) = request is RunTaskRequest run
                    ? Answer(await connection.RunTaskAsync(run, cancellationToken).ConfigureAwait(false))
                    : Answer(await connection.StartTaskAsync((StartTaskRequest)request, cancellationToken).ConfigureAwait(false));
                batch = new TaskLaunchBatch(this, call + 1, asked, TaskInfo.Of(tasks), TaskFailure.Of(failures), null);
            }
            catch (EcsServiceException e)
            {
                batch = new TaskLaunchBatch(this, call + 1, asked, [], [], e);
            }

            yield return batch;
            if (batch.Error is not null)
            {
                yield break;
            }
        }
    }

    private static (List<TaskData>?, List<Failure>?) Answer(RunTaskResponse response) => (response.Tasks, response.Failures);

    private static (List<TaskData>?, List<Failure>?) Answer(StartTaskResponse response) => (response.Tasks, response.Failures);
}
