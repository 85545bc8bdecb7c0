using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using EcsTools.Completion;
using EcsTools.Engine;
using EcsTools.Engine.Model;
using EcsTools.Input;
using EcsTools.Internal;

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
    private const int ListPageSize = 100;

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

    /// <summary>Lists the tasks of this task definition family.</summary>
    [TextInput(typeof(GetEcsTaskCommand), nameof(Family))]
    [Parameter(ParameterSetName = ByListing)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(TaskDefinitionCompleter))]
    public string? Family { get; set; }

    /// <summary>Lists the tasks of this service.</summary>
    [TextInput(typeof(GetEcsTaskCommand), nameof(ServiceName))]
    [Parameter(ParameterSetName = ByListing)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ServiceCompleter))]
    public string? ServiceName { get; set; }

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
        if (ParameterSetName != ByListing || StartedBy is null)
        {
            return;
        }

        var others = new (string Name, object? Value)[]
        {
            ("-Family", Family), ("-ServiceName", ServiceName), ("-ContainerInstance", ContainerInstance),
            ("-LaunchType", LaunchType), ("-DesiredStatus", DesiredStatus),
        }.Where(f => f.Value is not null).Select(f => f.Name).ToArray();
        if (others.Length > 0)
        {
            ThrowInvalidArgument("StartedByNotAlone",
                $"-StartedBy cannot be combined with {string.Join(", ", others)}: ECS's ListTasks takes startedBy only as its one filter.",
                StartedBy,
                "List by -StartedBy alone and filter the output (for example with Where-Object), or drop -StartedBy.");
        }
    }

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
            var cluster = TaskTargets.ClusterFor(Cluster, task);
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
        var request = new ListTasksRequest
        {
            Cluster = Cluster,
            Family = Family,
            ServiceName = ServiceName,
            StartedBy = StartedBy,
            ContainerInstance = ContainerInstance,
            LaunchType = LaunchType?.ToUpperInvariant(),
            // ECS filters on RUNNING by default; say so on the wire (some emulators list every task otherwise), except with
            // startedBy, which ECS takes only on its own.
            DesiredStatus = DesiredStatus?.ToUpperInvariant() ?? (StartedBy is null ? "RUNNING" : null),
            MaxResults = ListPageSize,
        };
        var page = 0;
        do
        {
            ListTasksResponse response;
            try
            {
                response = Await(ct => Connection.ListTasksAsync(request, ct));
            }
            catch (EcsServiceException e)
            {
                WriteServiceError(e, Cluster);
                return;
            }

            var arns = response.TaskArns ?? [];
            WriteVerbose($"ListTasks page {++page}: {arns.Count} task(s).");
            if (arns.Count > 0)
            {
                // Tasks listed a moment ago may be gone: say so only when asked for by name.
                Describe(Cluster, arns, reportMissing: false);
            }

            request.NextToken = string.IsNullOrEmpty(response.NextToken) ? null : response.NextToken;
        }
        while (request.NextToken is not null);
    }

    private void Describe(string? cluster, IReadOnlyCollection<string> tasks, bool reportMissing = true)
    {
        var result = Await(ct => Connection.DescribeTasksInBatchesAsync(cluster, tasks, IncludeTags, ct));
        WriteDebug($"DescribeTasks: {tasks.Count} task(s) of cluster {TaskTargets.Show(cluster)} in {result.Requests} request(s).");
        foreach (var task in result.Tasks)
        {
            WriteObject(EcsObjects.ToTask(task));
        }

        foreach (var failure in result.Failures)
        {
            if (failure.Reason == "MISSING")
            {
                if (reportMissing)
                {
                    var asked = tasks.FirstOrDefault(t => failure.Arn is not null && TaskIds.Matches(t, failure.Arn)) ?? failure.Arn ?? "";
                    WriteError(TaskErrors.NotFound(asked, cluster, "DescribeTasks"));
                }

                continue;
            }

            WriteFailure(failure, "DescribeTasks");
        }

        foreach (var error in result.Errors)
        {
            WriteServiceError(error.Exception, error.Tasks.Count == 1 ? error.Tasks[0] : error.Tasks.ToArray(), cluster);
        }
    }
}
