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
            if (TaskSetTargets.TryResolve(Cluster, Service, null, out var cluster, out var service))
            {
                Describe(cluster, service, null);
            }
            else
            {
                WriteError(TaskSetTargets.Unresolved(null, Cluster, Service));
            }

            return;
        }

        // Task set ARNs may name different services: one DescribeTaskSets per service, in the order first named.
        var byService = new List<(string Cluster, string Service, List<string> TaskSets)>();
        foreach (var value in requested)
        {
            if (!TaskSetTargets.TryResolve(Cluster, Service, value, out var cluster, out var service))
            {
                WriteError(TaskSetTargets.Unresolved(value, Cluster, Service));
                continue;
            }

            var group = byService.FindIndex(g => g.Cluster == cluster && g.Service == service);
            if (group < 0)
            {
                byService.Add((cluster, service, [value]));
            }
            else
            {
                byService[group].TaskSets.Add(value);
            }
        }

        foreach (var (cluster, service, taskSets) in byService)
        {
            Describe(cluster, service, taskSets);
        }
    }

    private void Describe(string cluster, string service, List<string>? requested)
    {
        var request = new DescribeTaskSetsRequest
        {
            Cluster = cluster,
            Service = service,
            TaskSets = requested,
            Include = ["TAGS"],
        };
        DescribeTaskSetsResponse response;
        try
        {
            response = Await(ct => Connection.DescribeTaskSetsAsync(request, ct));
        }
        catch (EcsServiceException e)
        {
            WriteServiceError(e, requested is { Count: 1 } ? requested[0] : service, cluster);
            return;
        }

        var sets = response.TaskSets ?? [];
        foreach (var set in sets)
        {
            WriteObject(EcsTaskSetObjects.ToTaskSet(set));
        }

        if (request.TaskSets is null)
        {
            return;
        }

        var failures = response.Failures ?? [];
        foreach (var value in request.TaskSets.Where(v => !sets.Any(s => s.TaskSetArn == v || s.Id == v)))
        {
            var failure = failures.FirstOrDefault(f => Names(f, value));
            if (failure is not null && failure.Reason != "MISSING")
            {
                WriteFailure(failure, "DescribeTaskSets");
                continue;
            }

            WriteError(TaskSetErrors.NotFound(value, cluster, service, "DescribeTaskSets", failure?.Detail));
        }

        foreach (var failure in failures.Where(f => !request.TaskSets.Any(v => Names(f, v))))
        {
            WriteFailure(failure, "DescribeTaskSets");
        }
    }

    private static bool Names(Failure failure, string value) =>
        failure.Arn is { } arn && (arn == value || arn.EndsWith("/" + value, StringComparison.Ordinal));
}
