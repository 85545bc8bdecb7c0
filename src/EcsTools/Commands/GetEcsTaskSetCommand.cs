using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using EcsTools.Completion;
using EcsTools.Engine.TaskSets;
using EcsTools.Errors;
using EcsTools.Input;

namespace EcsTools.Commands;

/// <summary>
/// Gets the task sets of a service with the EXTERNAL deployment controller (DescribeTaskSets): all of them, or those
/// named by id or ARN. A task set that is not found is an error (TaskSetNotFound), whether ECS reports it as a MISSING
/// failure or simply leaves it out.
/// </summary>
[Cmdlet(VerbsCommon.Get, "EcsTaskSet", DefaultParameterSetName = ByService)]
[OutputType(typeof(EcsTaskSet))]
public sealed class GetEcsTaskSetCommand : EcsCmdlet
{
    private const string ByService = "Service";
    private const string ByValue = "TaskSetValue";

    /// <summary>Task set ids (ecs-svc/...) or ARNs; all the service's task sets when omitted. An ARN names its cluster and service.</summary>
    /// <remarks>
    /// Strings bind by value in a set of their own, where nothing binds by property name: in one set, an object that binds
    /// -Cluster and -Service by property name (a service) would also have itself bound to -TaskSet as a string.
    /// </remarks>
    [TextInput(typeof(GetEcsTaskSetCommand), nameof(TaskSet))]
    [Parameter(Position = 0, ParameterSetName = ByService, ValueFromPipelineByPropertyName = true)]
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByValue, ValueFromPipeline = true)]
    [Alias("TaskSetArn", "Id", "TaskSetId")]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(TaskSetCompleter))]
    public string[]? TaskSet { get; set; }

    /// <summary>The cluster of the service: name or ARN; the one in the task set ARNs when omitted.</summary>
    [TextInput(typeof(GetEcsTaskSetCommand), nameof(Cluster))]
    [Parameter(ParameterSetName = ByService, ValueFromPipelineByPropertyName = true)]
    [Parameter(ParameterSetName = ByValue)]
    [Alias("ClusterArn", "ClusterName")]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ClusterCompleter))]
    public string? Cluster { get; set; }

    /// <summary>The service: name or ARN; the one in the task set ARNs when omitted.</summary>
    [TextInput(typeof(GetEcsTaskSetCommand), nameof(Service))]
    [Parameter(ParameterSetName = ByService, ValueFromPipelineByPropertyName = true)]
    [Parameter(ParameterSetName = ByValue)]
    [Alias("ServiceArn", "ServiceName")]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ServiceCompleter))]
    public string? Service { get; set; }

    protected override void ProcessRecord()
    {
        if (RefuseInputObjects())
        {
            return;
        }

        var requested = TaskSet?.Where(t => !string.IsNullOrWhiteSpace(t)).Distinct(StringComparer.Ordinal).ToList();
        if (requested is not { Count: > 0 })
        {
            if (string.IsNullOrWhiteSpace(Cluster) || string.IsNullOrWhiteSpace(Service))
            {
                WriteError(TaskSetTargets.Unresolved(null, Cluster, Service));
                return;
            }

            Describe(new TaskSetQuery(Cluster, Service));
            return;
        }

        // Task set ARNs may name different services: one DescribeTaskSets per service, in the order first named.
        var byService = new List<(string Cluster, string Service, List<string> TaskSets)>();
        foreach (var value in requested)
        {
            if (TaskSetArns.Resolve(Cluster, Service, value) is not { } target)
            {
                WriteError(TaskSetTargets.Unresolved(value, Cluster, Service));
                continue;
            }

            var group = byService.FindIndex(g => g.Cluster == target.Cluster && g.Service == target.Service);
            if (group < 0)
            {
                byService.Add((target.Cluster, target.Service, [value]));
            }
            else
            {
                byService[group].TaskSets.Add(value);
            }
        }

        foreach (var (cluster, service, taskSets) in byService)
        {
            Describe(new TaskSetQuery(cluster, service, taskSets));
        }
    }

    private void Describe(TaskSetQuery query)
    {
        var target = query.TaskSets is { Count: 1 } one ? one[0] : query.Service;
        if (!TryAwait(ct => Connection.DescribeTaskSetsAsync(query, ct), target, query.Cluster, null, out var description))
        {
            return;
        }

        foreach (var set in description.TaskSets)
        {
            WriteObject(new EcsTaskSet(set));
        }

        foreach (var problem in description.Problems)
        {
            if (problem.IsNotFound)
            {
                WriteError(TaskSetErrors.NotFound(problem.TaskSet!, query.Cluster, query.Service, "DescribeTaskSets", problem.Detail));
            }
            else
            {
                WriteFailure(new EcsFailure(problem.Arn, problem.Reason, problem.Detail), "DescribeTaskSets");
            }
        }
    }
}
