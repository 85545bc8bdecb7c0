using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using EcsTools.Completion;
using EcsTools.Engine;
using EcsTools.Engine.Logs;
using EcsTools.Engine.Model;
using EcsTools.Input;
using EcsTools.Engine.Tasks;
using EcsTools.Errors;
using EcsTools.Logs;
using EcsTools.Waiting;
using EcsTools.Engine.Waiting;

namespace EcsTools.Commands;

/// <summary>
/// Gets what the containers of ECS tasks wrote to CloudWatch Logs (the awslogs driver: the group, region and stream prefix
/// of the task definition), as EcsLogEvent objects in time order; with -Follow, until the tasks stop.
/// </summary>
[Cmdlet(VerbsCommon.Get, "EcsTaskLog")]
[OutputType(typeof(EcsLogEvent))]
public sealed class GetEcsTaskLogCommand : EcsCmdlet
{
    /// <summary>How long -Follow waits between reads.</summary>
    internal static readonly TimeSpan DefaultPollInterval = TimeSpan.FromSeconds(2);

    private readonly HashSet<string> _warned = new(StringComparer.Ordinal);
    private TaskLogLocator? _locator;
    private TaskLogReader? _reader;
    private TaskLogFollow? _follow;
    private WaitSettings? _settings;

    /// <summary>Task ids or ARNs; tasks piped from Start-, Get- or Wait-EcsTask bind by their TaskArn.</summary>
    [TextInput(typeof(GetEcsTaskLogCommand), nameof(Task))]
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("TaskArn", "TaskId", "Tasks")]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(TaskCompleter))]
    public string[] Task { get; set; } = [];

    /// <summary>The cluster name or ARN; the default cluster when omitted (for task ARNs, the cluster in the ARN).</summary>
    [TextInput(typeof(GetEcsTaskLogCommand), nameof(Cluster))]
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("ClusterArn", "ClusterName")]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ClusterCompleter))]
    public string? Cluster { get; set; }

    /// <summary>Only these containers (names from the task definition); every container when omitted.</summary>
    [TextInput(typeof(GetEcsTaskLogCommand), nameof(Container))]
    [Parameter]
    [Alias("ContainerName")]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ContainerCompleter))]
    public string[]? Container { get; set; }

    /// <summary>Only lines written at or after this time (a DateTime; local unless it says otherwise).</summary>
    [Parameter]
    public DateTime? Since { get; set; }

    /// <summary>
    /// Only the last N lines of each container (then, with -Follow, every new line): read from the end of each stream, in
    /// one or two requests a container however long its log.
    /// </summary>
    [Parameter]
    [ValidateRange(0, int.MaxValue)]
    public int? Tail { get; set; }

    /// <summary>
    /// Keeps reading until the tasks stop, then reads on until a read finds nothing new and a few seconds have passed
    /// (CloudWatch receives the last lines late), so that nothing written at the end is lost; a task that stopped less than 30
    /// seconds before is read on the same way.
    /// </summary>
    [Parameter]
    public SwitchParameter Follow { get; set; }

    /// <summary>
    /// With -Follow: how long to wait between reads for the first 30 seconds (then longer, as Wait-EcsTask's polls), in seconds
    /// or as a TimeSpan (default 2 seconds), from 0.01 seconds to 5 minutes as for the waits (InvalidPollInterval).
    /// </summary>
    [Parameter]
    [TimeSpanArgument]
    public TimeSpan? PollInterval { get; set; }

    protected override void ValidateInput()
    {
        // The waits' one check: 0.01 seconds to 5 minutes.
        _settings = CheckWaitSettings(null, PollInterval ?? DefaultPollInterval, null);
        if (PollInterval is not null && !Follow)
        {
            ThrowInvalidArgument(ErrorIds.PollIntervalWithoutFollow, InputMessages.PollIntervalWithoutFollow, PollInterval,
                InputMessages.PollIntervalWithoutFollowAction);
        }
    }

    protected override void BeginProcessing()
    {
        base.BeginProcessing();
        _locator = new TaskLogLocator(Connection);
        _reader = new TaskLogReader(Connection);
        _follow = new TaskLogFollow(Connection, _reader, WaitTime);
        var (endpoint, source) = Connection.LogsEndpoint(null);
        WriteVerbose($"CloudWatch Logs endpoint: {endpoint} (from {source}).");
    }

    protected override void ProcessRecord()
    {
        if (RefuseInputObjects())
        {
            return;
        }

        foreach (var group in Task.Where(t => !string.IsNullOrWhiteSpace(t)).GroupBy(t => TaskTargets.ClusterKey(ClusterOfTask(Cluster, t))))
        {
            var cluster = ClusterOfTask(Cluster, group.First());
            var described = Await(ct => Connection.DescribeTasksInBatchesAsync(cluster, group.ToList(), includeTags: false, ct));
            WriteDescribeProblems(described, group.ToList(), cluster);

            foreach (var task in described.Tasks)
            {
                Read(task, cluster);
            }
        }
    }

    protected override void EndProcessing()
    {
        if (!Follow || _follow is null || _follow.Done)
        {
            return;
        }

        // The engine's poll loop (the one the waits use): its schedule from -PollInterval, no deadline, its transient-error
        // budget and Ctrl+C; what each read found is written on the pipeline thread.
        using var queue = new PipelineQueue();
        var result = RunWait(queue, ct => PollLoop.RunAsync(new PollLoopOptions(_settings!), (context, token) => StepAsync(queue, token), null, WaitTime, ct));
        if (result.Outcome == PollOutcome.PollsFailed && result.LastError is { } last)
        {
            WriteServiceError(last, last.Operation, Cluster);
        }
    }

    /// <summary>One poll of the follow, on the loop's thread; the lines and errors are written on the pipeline thread.</summary>
    private async System.Threading.Tasks.Task<PollReport> StepAsync(PipelineQueue queue, System.Threading.CancellationToken token)
    {
        var step = await _follow!.StepAsync(token).ConfigureAwait(false);
        return await queue.InvokeAsync(() => Absorb(step)).ConfigureAwait(false);
    }

    private PollReport Absorb(TaskLogStep step)
    {
        WriteLines(step.Read.Lines);
        EcsServiceException? transient = null;
        foreach (var failure in step.Read.Failures.Concat(step.StatusErrors))
        {
            if (!PollReport.IsTransient(failure))
            {
                WriteServiceError(failure, failure.Operation, Cluster);
                return PollReport.Done;
            }

            transient = failure;
            WriteVerbose($"{failure.Operation} failed ({failure.ErrorCode}); the next read resumes where this one stopped.");
        }

        foreach (var stopped in step.Stopped)
        {
            WriteVerbose($"Task {TaskIds.IdOf(stopped)} stopped: its last lines are read.");
        }

        return new PollReport(_follow!.Done, transient);
    }

    private void Read(TaskInfo task, string? cluster)
    {
        var taskArn = task.TaskArn ?? "";
        if (string.IsNullOrEmpty(task.TaskDefinitionArn))
        {
            WriteError(LogErrors.NoTaskDefinition(taskArn));
            return;
        }

        IReadOnlyList<ContainerLogLocation> locations;
        try
        {
            locations = Await(ct => _locator!.LocateAsync(taskArn, task.TaskDefinitionArn, ct));
        }
        catch (EcsServiceException e)
        {
            WriteServiceError(e, taskArn, cluster, task.TaskDefinitionArn);
            return;
        }

        if (Container is { Length: > 0 } chosen)
        {
            var unknown = chosen.Where(c => !locations.Any(l => string.Equals(l.Container, c, StringComparison.Ordinal))).ToList();
            if (unknown.Count > 0)
            {
                WriteError(LogErrors.ContainerNotFound(taskArn, unknown, locations.Select(l => l.Container).ToList()));
                return;
            }

            locations = locations.Where(l => chosen.Contains(l.Container, StringComparer.Ordinal)).ToList();
        }

        var sources = new List<TaskLogSource>();
        foreach (var location in locations)
        {
            if (location.Source is { } source)
            {
                sources.Add(source);
            }
            else if (_warned.Add(task.TaskDefinitionArn + "|" + location.Container))
            {
                WriteWarning(LogErrors.CannotRead(location.Problem!));
            }
        }

        if (sources.Count == 0)
        {
            return;
        }

        // Read this task's streams to their end now; with -Follow, the same cursors go on from there. A task that stopped
        // less than TaskLogFollow.EndLimit ago may still have lines on their way to CloudWatch: it is read on as one seen
        // stopping now. One that stopped longer ago is read once.
        var stopped = task.LastStatus == "STOPPED";
        var follow = Follow && (!stopped || TaskLogFollow.StoppedRecently(task.StoppedAt));
        var reader = follow ? _reader! : new TaskLogReader(Connection);
        var since = Since is { } from ? new DateTimeOffset(from.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(from, DateTimeKind.Local) : from) : (DateTimeOffset?)null;
        foreach (var source in sources)
        {
            reader.Add(source, since, Tail);
        }

        var read = Await(ct => reader.ReadAsync(sources, toTheEnd: true, ct));
        WriteDebug($"Task {TaskIds.IdOf(taskArn)}: {read.Lines.Count} line(s) in {read.Requests} CloudWatch Logs request(s).");
        WriteLines(read.Lines);
        foreach (var failure in read.Failures)
        {
            if (follow && IsTransient(failure))
            {
                // Following: the next read resumes where this one stopped.
                WriteVerbose($"{failure.Operation} failed ({failure.ErrorCode}); the next read resumes where this one stopped.");
                continue;
            }

            WriteServiceError(failure, taskArn, cluster);
        }

        if (follow)
        {
            _follow!.Track(taskArn, cluster, sources, stopped);
        }
    }

    private void WriteLines(IReadOnlyList<TaskLogLine> lines)
    {
        foreach (var line in lines)
        {
            WriteObject(ToEvent(line));
        }
    }

    internal static EcsLogEvent ToEvent(TaskLogLine line) => new(
        line.Timestamp.UtcDateTime, line.Source.TaskArn, line.Source.TaskId, line.Source.Container, line.Message, line.Source.Group, line.Source.Stream);

    private static bool IsTransient(EcsServiceException e) => PollReport.IsTransient(e);
}
