using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using EcsTools.Engine;
using EcsTools.Engine.Logs;
using EcsTools.Waiting;

namespace EcsTools.Logs;

/// <summary>
/// -FollowLog of Start-EcsTask -Wait and Wait-EcsTask: once per poll of the wait's loop (its AfterPoll hook), the new
/// log lines of the tasks waited for, written to the Information stream through the pipeline queue. A task is read
/// from the poll that first describes it; the poll that finds it settled reads its streams to the end. A task that
/// reached RUNNING (-WaitUntil Running) is then dropped. CloudWatch gets awslogs lines late, so a task that stopped is
/// read on, by Get-EcsTaskLog -Follow's rule (<see cref="TaskLogFollow"/>), until a read finds nothing new for it and
/// 3 seconds have passed since it was seen stopped (at most 30); when no task is left to wait for, those reads follow
/// each other here, a second apart, before the wait ends. A task that stopped more than 30 seconds before is read once.
/// The wait writes a settled task after its logs are done (<see cref="Reading"/>), so its last lines come first.
/// A log that cannot be read is a warning, once; a read that fails is retried by the next poll from where it stopped,
/// and an error a retry cannot fix (AccessDenied) stops the following with one warning, never the wait.
/// </summary>
internal sealed class WaitLogFollower
{
    /// <summary>The tag every line carries, besides PSHOST (shown like Write-Host) and Task:/Container: tags.</summary>
    public const string Tag = "EcsTools.TaskLog";

    /// <summary>How long apart the reads for a stopped task's late lines are, when the wait has no other task left.</summary>
    private static readonly TimeSpan s_readOnInterval = TimeSpan.FromSeconds(1);

    private readonly TaskLogLocator _locator;
    private readonly TaskLogReader _reader;

    // Changed on the loop's thread; Reading is asked on the pipeline thread: both under its lock.
    private readonly Dictionary<string, IReadOnlyList<TaskLogSource>> _followed = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _stoppedAt = new(StringComparer.Ordinal);
    private readonly HashSet<string> _located = new(StringComparer.Ordinal);
    private readonly HashSet<string> _warned = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private bool _stopped;

    public WaitLogFollower(EcsConnection connection, TimeProvider time)
    {
        _locator = new TaskLogLocator(connection);
        _reader = new TaskLogReader(connection);
        _time = time;
    }

    /// <summary>True while the task's logs are still read: what the wait writes for it waits until they are done.</summary>
    public bool Reading(string? taskArn)
    {
        lock (_followed)
        {
            return taskArn is not null && !_stopped && _followed.ContainsKey(taskArn);
        }
    }

    /// <summary>One read after a poll. <paramref name="write"/>, <paramref name="warn"/> and <paramref name="verbose"/> run on the pipeline thread.</summary>
    public async Task AfterPollAsync(
        PipelineQueue queue,
        Func<List<WaitedTask>> unwritten,
        TaskWaitSet tasks,
        Action<InformationRecord> write,
        Action<string> warn,
        Action<string> verbose,
        CancellationToken token)
    {
        if (_stopped)
        {
            return;
        }

        // What the pipeline thread knows now (it settles tasks between polls): the tasks not written yet, those still
        // waited for and those settled and held for their last lines (a task already settled at the first poll included).
        var (known, waitedFor) = await queue.InvokeAsync(() => (
            unwritten().Select(t => (Arn: t.Last?.TaskArn, Definition: t.Last?.TaskDefinitionArn, Stopped: Stopping(t.Last))).ToList(),
            tasks.PendingSnapshot().Select(t => t.Last?.TaskArn).OfType<string>().ToList())).ConfigureAwait(false);
        foreach (var (arn, definition, _) in known)
        {
            if (arn is null || definition is null || !_located.Add(arn))
            {
                continue;
            }

            IReadOnlyList<ContainerLogLocation> locations;
            try
            {
                locations = await _locator.LocateAsync(arn, definition, token).ConfigureAwait(false);
            }
            catch (EcsServiceException e)
            {
                _located.Remove(arn);
                queue.Post(() => verbose($"-FollowLog: DescribeTaskDefinition failed ({e.ErrorCode}); the next poll tries again."));
                continue;
            }

            var sources = new List<TaskLogSource>();
            foreach (var location in locations)
            {
                if (location.Source is { } source)
                {
                    sources.Add(source);
                    _reader.Add(source);
                }
                else if (_warned.Add(definition + "|" + location.Container))
                {
                    queue.Post(() => warn(LogErrors.CannotRead(location.Problem!)));
                }
            }

            lock (_followed)
            {
                _followed[arn] = sources;
            }
        }

        var pending = new HashSet<string>(waitedFor, StringComparer.Ordinal);
        var now = _time.GetUtcNow();
        foreach (var (arn, _, stopped) in known)
        {
            // A task seen stopped is read on from now; one that stopped long before, or that has no log, not at all.
            if (arn is not null && stopped.Stopping && !pending.Contains(arn) && _followed.TryGetValue(arn, out var streams) && streams.Count > 0)
            {
                _stoppedAt.TryAdd(arn, TaskLogFollow.StoppedRecently(stopped.At) ? now : now - TaskLogFollow.EndLimit);
            }
        }

        while (true)
        {
            var settled = _followed.Keys.Where(arn => !pending.Contains(arn)).ToList();
            var read = await _reader.ReadAsync(toTheEnd: settled.Count > 0, token).ConfigureAwait(false);
            foreach (var line in read.Lines)
            {
                var record = Record(line);
                queue.Post(() => write(record));
            }

            foreach (var failure in read.Failures)
            {
                if (failure.Kind is EcsErrorKind.Throttled or EcsErrorKind.Server or EcsErrorKind.Network or EcsErrorKind.Timeout)
                {
                    queue.Post(() => verbose($"-FollowLog: {failure.Operation} failed ({failure.ErrorCode}); the next read goes on from there."));
                    continue;
                }

                lock (_followed)
                {
                    _stopped = true;
                }

                queue.Post(() => warn($"-FollowLog stopped: the logs cannot be read ({failure.ErrorCode}: {failure.Message}). The wait goes on."));
                return;
            }

            // After a failed read only the limit ends a stopped task's reading: what it did not read comes next time.
            now = _time.GetUtcNow();
            foreach (var arn in settled.Where(arn => read.Failures.Count == 0 ? LogsDone(arn, read, now) : PastLimit(arn, now)))
            {
                Drop(arn);
            }

            // Tasks are still waited for (the next poll reads on), or no stopped task is left to read on (each has a limit).
            if (pending.Count > 0 || _stoppedAt.Count == 0)
            {
                return;
            }

            // The wait ends with this poll: the stopped tasks' late lines are read for here.
            await Task.Delay(s_readOnInterval, _time, token).ConfigureAwait(false);
        }
    }

    // A settled task's logs are done: it did not stop (it reached RUNNING), or this was a stopped task's last read.
    private bool LogsDone(string arn, TaskLogReadResult read, DateTimeOffset now) =>
        !_stoppedAt.TryGetValue(arn, out var stoppedAt) || TaskLogFollow.LastReadDone(arn, read, now - stoppedAt);

    private bool PastLimit(string arn, DateTimeOffset now) =>
        _stoppedAt.TryGetValue(arn, out var stoppedAt) && now - stoppedAt >= TaskLogFollow.EndLimit;

    // When a settled task stopped (null: not yet, as a -WaitUntil Running task that failed is settled while it is still
    // STOPPING), or null for one that reached RUNNING or is not known.
    private static (bool Stopping, DateTimeOffset? At) Stopping(EcsTask? task) =>
        task?.LastStatus is { } status && status != "RUNNING"
            ? (true, task.StoppedAt is { } at ? new DateTimeOffset(at) : null)
            : (false, null);

    private void Drop(string arn)
    {
        lock (_followed)
        {
            foreach (var source in _followed[arn])
            {
                _reader.Remove(source);
            }

            _followed.Remove(arn);
        }

        _stoppedAt.Remove(arn);
    }

    /// <summary>
    /// The line as the console and a transcript show it, "[task-id container] message", tagged PSHOST (so it is shown
    /// unless -InformationAction Ignore, as Write-Host is), EcsTools.TaskLog, Task:id and Container:name.
    /// </summary>
    internal static InformationRecord Record(TaskLogLine line)
    {
        var shortId = line.Source.TaskId.Length > 8 ? line.Source.TaskId[..8] : line.Source.TaskId;
        var record = new InformationRecord(new HostInformationMessage { Message = $"[{shortId} {line.Source.Container}] {line.Message}" }, "EcsTools")
        {
            TimeGenerated = line.Timestamp.LocalDateTime,
        };
        record.Tags.Add("PSHOST");
        record.Tags.Add(Tag);
        record.Tags.Add("Task:" + line.Source.TaskId);
        record.Tags.Add("Container:" + line.Source.Container);
        return record;
    }
}
