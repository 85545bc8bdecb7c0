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
/// that stopped are read to their end. CloudWatch ingests awslogs lines with a delay, so a line written in the task's
/// last second can arrive after the read that follows STOPPED: a stopped task is read on until a read (to the end)
/// returns nothing new for it and <see cref="EndSettle"/> has passed since it was seen stopped, or at most
/// <see cref="EndLimit"/>; only then are its streams dropped.
/// </summary>
public sealed class TaskLogFollow
{
    /// <summary>How long a stopped task's streams are read on, at least, for lines CloudWatch ingests late.</summary>
    public static readonly TimeSpan EndSettle = TimeSpan.FromSeconds(3);

    /// <summary>The most a stopped task's streams are read on, even if lines keep arriving.</summary>
    public static readonly TimeSpan EndLimit = TimeSpan.FromSeconds(30);

    private readonly EcsConnection _connection;
    private readonly TaskLogReader _reader;
    private readonly TimeProvider _time;
    private readonly Dictionary<string, Followed> _tasks = new(StringComparer.Ordinal);

    public TaskLogFollow(EcsConnection connection, TaskLogReader reader, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(reader);
        _connection = connection;
        _reader = reader;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>True when every followed task has stopped and had its last read.</summary>
    public bool Done => _tasks.Count == 0;

    /// <summary>The tasks still followed.</summary>
    public IReadOnlyCollection<string> Tasks => _tasks.Keys;

    /// <summary>
    /// Follows a task's streams (already added to the reader) until the task stops; a task that has
    /// <paramref name="stopped"/> already is read on from now as one seen stopping now (its last lines may still be on
    /// their way to CloudWatch).
    /// </summary>
    public void Track(string taskArn, string? cluster, IReadOnlyList<TaskLogSource> sources, bool stopped = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(taskArn);
        ArgumentNullException.ThrowIfNull(sources);
        _tasks[taskArn] = new Followed(cluster, sources) { StoppedAt = stopped ? _time.GetUtcNow() : null };
    }

    /// <summary>
    /// One poll: the status of the tasks still running, then one read. Returns the lines and failures of the read, the
    /// tasks whose last read this was (see <see cref="TaskLogFollow"/>), and the ECS failures of the status check (a task
    /// ECS no longer knows is treated as stopped).
    /// </summary>
    public async Task<TaskLogStep> StepAsync(CancellationToken cancellationToken = default)
    {
        var stopped = new List<string>();
        var errors = new List<EcsServiceException>();
        foreach (var cluster in _tasks.Where(t => t.Value.StoppedAt is null).GroupBy(t => t.Value.Cluster ?? "", StringComparer.Ordinal).ToList())
        {
            var arns = cluster.Select(t => t.Key).ToList();
            var described = await _connection.DescribeTasksInBatchesAsync(cluster.Key.Length == 0 ? null : cluster.Key, arns, includeTags: false, cancellationToken)
                .ConfigureAwait(false);
            stopped.AddRange(described.Tasks.Where(t => t.LastStatus == "STOPPED" && t.TaskArn is not null).Select(t => t.TaskArn!));
            stopped.AddRange(described.Failures.Where(f => f.Reason == "MISSING" && f.Arn is not null).Select(f => f.Arn!));
            errors.AddRange(described.Errors.Select(e => e.Exception));
        }

        var now = _time.GetUtcNow();
        foreach (var arn in stopped)
        {
            if (_tasks.TryGetValue(arn, out var followed))
            {
                followed.StoppedAt ??= now;
            }
        }

        var ending = _tasks.Values.Any(t => t.StoppedAt is not null);
        var read = await _reader.ReadAsync(toTheEnd: ending, cancellationToken).ConfigureAwait(false);
        var ended = new List<string>();
        foreach (var (arn, followed) in _tasks.Where(t => t.Value.StoppedAt is not null).ToList())
        {
            // A stream whose read failed is kept until a read succeeds: nothing written at the end is lost.
            if (read.Failures.Count > 0)
            {
                continue;
            }

            if (!LastReadDone(arn, read, now - followed.StoppedAt!.Value))
            {
                continue;
            }

            _tasks.Remove(arn);
            foreach (var source in followed.Sources)
            {
                _reader.Remove(source);
            }

            ended.Add(arn);
        }

        return new TaskLogStep(read, ended, errors);
    }

    /// <summary>
    /// Whether a task that stopped at <paramref name="stoppedAt"/> (ECS's stoppedAt; none counts as now) may still have
    /// lines on their way to CloudWatch: it stopped less than <see cref="EndLimit"/> ago by this machine's clock.
    /// </summary>
    public static bool StoppedRecently(DateTimeOffset? stoppedAt) =>
        stoppedAt is not { } at || DateTimeOffset.UtcNow - at < EndLimit;

    /// <summary>
    /// Whether the read just made was a stopped task's last: it found nothing new for the task and <see cref="EndSettle"/>
    /// has passed since the task was seen stopped, or <see cref="EndLimit"/> has.
    /// </summary>
    public static bool LastReadDone(string taskArn, TaskLogReadResult read, TimeSpan sinceStopped)
    {
        ArgumentNullException.ThrowIfNull(read);
        var quiet = !read.Lines.Any(l => string.Equals(l.Source.TaskArn, taskArn, StringComparison.Ordinal));
        return (quiet && sinceStopped >= EndSettle) || sinceStopped >= EndLimit;
    }

    private sealed class Followed(string? cluster, IReadOnlyList<TaskLogSource> sources)
    {
        public string? Cluster { get; } = cluster;

        public IReadOnlyList<TaskLogSource> Sources { get; } = sources;

        /// <summary>When the task was first seen stopped; null while it runs.</summary>
        public DateTimeOffset? StoppedAt { get; set; }
    }
}

/// <summary>What one poll of <see cref="TaskLogFollow"/> found: the read, the tasks that stopped and had their last read, and DescribeTasks errors.</summary>
public sealed record TaskLogStep(TaskLogReadResult Read, IReadOnlyList<string> Stopped, IReadOnlyList<EcsServiceException> StatusErrors);
