using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EcsTools.Engine.Tasks;

namespace EcsTools.Engine.Logs;

/// <summary>
/// Follows the logs of tasks until they stop: each <see cref="StepAsync"/> (one poll) first asks ECS which of the
/// followed tasks have stopped (DescribeTasks, 100 a request), then reads every stream once; the streams of the tasks
/// that stopped are read to their end and then dropped. Because the status is read before the logs, a stopped task's
/// last read comes after everything it wrote.
/// </summary>
public sealed class TaskLogFollow
{
    private readonly EcsConnection _connection;
    private readonly TaskLogReader _reader;
    private readonly Dictionary<string, Followed> _tasks = new(StringComparer.Ordinal);

    public TaskLogFollow(EcsConnection connection, TaskLogReader reader)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(reader);
        _connection = connection;
        _reader = reader;
    }

    /// <summary>True when every followed task has stopped and had its last read.</summary>
    public bool Done => _tasks.Count == 0;

    /// <summary>The tasks still followed.</summary>
    public IReadOnlyCollection<string> Tasks => _tasks.Keys;

    /// <summary>Follows a task's streams (already added to the reader) until the task stops.</summary>
    public void Track(string taskArn, string? cluster, IReadOnlyList<TaskLogSource> sources)
    {
        ArgumentException.ThrowIfNullOrEmpty(taskArn);
        ArgumentNullException.ThrowIfNull(sources);
        _tasks[taskArn] = new Followed(cluster, sources);
    }

    /// <summary>
    /// One poll: the tasks' status, then one read. Returns the lines and failures of the read, the tasks found stopped
    /// in this step, and the ECS failures of the status check (a task ECS no longer knows is dropped after a last read).
    /// </summary>
    public async Task<TaskLogStep> StepAsync(CancellationToken cancellationToken = default)
    {
        var stopped = new List<string>();
        var errors = new List<EcsServiceException>();
        foreach (var cluster in _tasks.GroupBy(t => t.Value.Cluster ?? "", StringComparer.Ordinal).ToList())
        {
            var arns = cluster.Select(t => t.Key).ToList();
            var described = await _connection.DescribeTasksInBatchesAsync(cluster.Key.Length == 0 ? null : cluster.Key, arns, includeTags: false, cancellationToken)
                .ConfigureAwait(false);
            stopped.AddRange(described.Tasks.Where(t => t.LastStatus == "STOPPED" && t.TaskArn is not null).Select(t => t.TaskArn!));
            stopped.AddRange(described.Failures.Where(f => f.Reason == "MISSING" && f.Arn is not null).Select(f => f.Arn!));
            errors.AddRange(described.Errors.Select(e => e.Exception));
        }

        var read = await _reader.ReadAsync(toTheEnd: stopped.Count > 0, cancellationToken).ConfigureAwait(false);
        var ended = new List<string>();
        foreach (var arn in stopped.Distinct(StringComparer.Ordinal))
        {
            // A stream whose read failed is kept until a read succeeds: nothing written at the end is lost.
            if (read.Failures.Count > 0)
            {
                continue;
            }

            if (_tasks.Remove(arn, out var followed))
            {
                foreach (var source in followed.Sources)
                {
                    _reader.Remove(source);
                }

                ended.Add(arn);
            }
        }

        return new TaskLogStep(read, ended, errors);
    }

    private sealed record Followed(string? Cluster, IReadOnlyList<TaskLogSource> Sources);
}

/// <summary>What one poll of <see cref="TaskLogFollow"/> found: the read, the tasks that stopped (and had their last read), and DescribeTasks errors.</summary>
public sealed record TaskLogStep(TaskLogReadResult Read, IReadOnlyList<string> Stopped, IReadOnlyList<EcsServiceException> StatusErrors);
