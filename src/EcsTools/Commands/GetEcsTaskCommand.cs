using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using EcsTools.Completion;
using EcsTools.Engine;
using EcsTools.Engine.Tasks;
using EcsTools.Errors;
using EcsTools.Input;
using EcsTools.Mapping;

namespace EcsTools.Commands;

/// <summary>
/// Gets ECS tasks: the tasks named (ids or ARNs, DescribeTasks with up to 100 a request however many come down the
/// pipeline), or the tasks of a cluster that match filters (every page of ListTasks, then DescribeTasks in batches of 100).
/// </summary>
[Cmdlet(VerbsCommon.Get, "EcsTask", DefaultParameterSetName = ByListing)]
[OutputType(typeof(EcsTask))]
public sealed class GetEcsTaskCommand : EcsCmdlet
{
    private const string ByTask = "Task";
    private const string ByListing = "List";

    // Pipeline input waits here, per cluster, until 100 tasks of a cluster are there or the input ends.
    private readonly Dictionary<string, (string? Cluster, List<string> Tasks)> _pending = new(StringComparer.Ordinal);

    /// <summary>Task ids or ARNs.</summary>
    [TextInput(typeof(GetEcsTaskCommand), nameof(Task))]
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByTask, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("TaskArn", "TaskId", "Tasks")]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(TaskCompleter))]
    public string[] Task { get; set; } = [];

    /// <summary>The cluster name or ARN; the default cluster when omitted (for task ARNs, the cluster in the ARN).</summary>
    /// <remarks>
    /// Bound from the pipeline in the Task set only: the binder tries the default (List) set first, and a ClusterArn bound
    /// there would leave the TaskArn of the same object to be bound as the whole object turned into a string.
    /// </remarks>
    [TextInput(typeof(GetEcsTaskCommand), nameof(Cluster))]
    [Parameter(ParameterSetName = ByTask, ValueFromPipelineByPropertyName = true)]
    [Parameter(ParameterSetName = ByListing)]
    [Alias("ClusterArn", "ClusterName")]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ClusterCompleter))]
    public string? Cluster { get; set; }

    /// <summary>Lists the tasks of this task definition family: its name alone, without a revision (a name:revision or an ARN is refused before any request).</summary>
    [TextInput(typeof(GetEcsTaskCommand), nameof(Family))]
    [Parameter(ParameterSetName = ByListing)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(TaskDefinitionCompleter))]
    public string? Family { get; set; }

    /// <summary>Lists the tasks of this service (its name), as -Service does on the task-set cmdlets; -ServiceName, its earlier name, is an alias.</summary>
    [TextInput(typeof(GetEcsTaskCommand), nameof(Service))]
    [Parameter(ParameterSetName = ByListing)]
    [Alias("ServiceArn", "ServiceName")]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ServiceCompleter))]
    public string? Service { get; set; }

    /// <summary>Lists the tasks started with this startedBy value. ECS takes it only on its own, without the other filters.</summary>
    [TextInput(typeof(GetEcsTaskCommand), nameof(StartedBy))]
    [Parameter(ParameterSetName = ByListing)]
    [ValidateNotNullOrEmpty]
    public string? StartedBy { get; set; }

    /// <summary>Lists the tasks on this container instance (id or ARN).</summary>
    [TextInput(typeof(GetEcsTaskCommand), nameof(ContainerInstance))]
    [Parameter(ParameterSetName = ByListing)]
    [ValidateNotNullOrEmpty]
    [Alias("ContainerInstanceArn", "ContainerInstanceId")]
    [ArgumentCompleter(typeof(ContainerInstanceCompleter))]
    public string? ContainerInstance { get; set; }

    /// <summary>Lists the tasks of this launch type.</summary>
    [Parameter(ParameterSetName = ByListing)]
    [ValidateSet("EC2", "FARGATE", "EXTERNAL", "MANAGED_INSTANCES", IgnoreCase = true)]
    public string? LaunchType { get; set; }

    /// <summary>Lists the tasks with this desired status: RUNNING (the default, as in ECS) or STOPPED (stopped in about the last hour). PENDING never matches.</summary>
    [Parameter(ParameterSetName = ByListing)]
    [ValidateSet("RUNNING", "PENDING", "STOPPED", IgnoreCase = true)]
    public string? DesiredStatus { get; set; }

    /// <summary>Tags: also return the tasks' tags.</summary>
    [Parameter]
    [ValidateSet("Tags", IgnoreCase = true)]
    public string[]? Include { get; set; }

    private bool IncludeTags => Include is { Length: > 0 };

    protected override void ValidateInput()
    {
        if (Family is not null && !IsFamilyName(Family))
        {
            ThrowInvalidArgument(ErrorIds.InvalidFamily, InputMessages.InvalidFamily(Family), Family, InputMessages.InvalidFamilyAction);
        }

        if (ParameterSetName != ByListing || StartedBy is null)
        {
            return;
        }

        var others = new (string Name, object? Value)[]
        {
            ("-Family", Family), ("-Service", Service), ("-ContainerInstance", ContainerInstance),
            ("-LaunchType", LaunchType), ("-DesiredStatus", DesiredStatus),
        }.Where(f => f.Value is not null).Select(f => f.Name).ToArray();
        if (others.Length > 0)
        {
            ThrowInvalidArgument(ErrorIds.StartedByNotAlone,
                InputMessages.StartedByNotAlone(string.Join(", ", others)),
                StartedBy,
                InputMessages.StartedByNotAloneAction);
        }
    }

    // A family name as ECS takes it: up to 255 letters, digits, hyphens and underscores.
    private static bool IsFamilyName(string family) =>
        family.Length <= 255 && family.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    protected override void ProcessRecord()
    {
        if (RefuseInputObjects())
        {
            return;
        }

        if (ParameterSetName == ByListing)
        {
            ListTasks();
            return;
        }

        foreach (var task in Task.Where(t => !string.IsNullOrWhiteSpace(t)))
        {
            var cluster = ClusterOfTask(Cluster, task);
            var key = TaskTargets.ClusterKey(cluster);
            if (!_pending.TryGetValue(key, out var entry))
            {
                entry = (cluster, []);
                _pending[key] = entry;
            }

            entry.Tasks.Add(task);
            if (entry.Tasks.Count == TaskBatches.MaxTasksPerDescribe)
            {
                _pending.Remove(key);
                Describe(entry.Cluster, entry.Tasks);
            }
        }
    }

    protected override void EndProcessing()
    {
        foreach (var (cluster, tasks) in _pending.Values.ToList())
        {
            Describe(cluster, tasks);
        }

        _pending.Clear();
    }

    private void ListTasks()
    {
        var query = new TaskQuery
        {
            Cluster = Cluster,
            Family = Family,
            Service = Service,
            StartedBy = StartedBy,
            ContainerInstance = ContainerInstance,
            LaunchType = LaunchType,
            DesiredStatus = DesiredStatus,
            IncludeTags = IncludeTags,
        };
        try
        {
            ForEach(Connection.ListTasksAsync(query), page =>
            {
                WriteVerbose($"ListTasks page {page.Page}: {page.Listed} task(s).");
                if (page.Listed > 0)
                {
                    // Tasks listed a moment ago may be gone: say so only when asked for by name.
                    Write(Cluster, page.Listed, page.Described, []);
                }
            });
        }
        catch (EcsServiceException e)
        {
            WriteServiceError(e, Cluster);
        }
    }

    private void Describe(string? cluster, IReadOnlyCollection<string> tasks) =>
        Write(cluster, tasks.Count, Await(ct => Connection.DescribeTasksInBatchesAsync(cluster, tasks, IncludeTags, ct)), tasks);

    /// <summary>The tasks described, and errors for the failures; MISSING only for tasks asked for by name (<paramref name="named"/>).</summary>
    private void Write(string? cluster, int count, TaskBatchResult result, IReadOnlyCollection<string> named)
    {
        WriteDebug($"DescribeTasks: {count} task(s) of cluster {TaskTargets.Show(cluster)} in {result.Requests} request(s).");
        foreach (var task in result.Tasks)
        {
            WriteObject(EcsObjects.ToTask(task));
        }

        WriteDescribeProblems(result, named, cluster);
    }
}
