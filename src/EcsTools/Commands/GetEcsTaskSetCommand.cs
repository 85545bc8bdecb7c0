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
[Cmdlet(VerbsCommon.Get, "EcsTaskSet")]
[OutputType(typeof(EcsTaskSet))]
public sealed class GetEcsTaskSetCommand : EcsCmdlet
{
    /// <summary>Task set ids (ecs-svc/...) or ARNs; all the service's task sets when omitted.</summary>
    [TextInput(typeof(GetEcsTaskSetCommand), nameof(TaskSet))]
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("TaskSetArn", "Id")]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(TaskSetCompleter))]
    public string[]? TaskSet { get; set; }

    /// <summary>The cluster of the service: name or ARN.</summary>
    [TextInput(typeof(GetEcsTaskSetCommand), nameof(Cluster))]
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Alias("ClusterArn", "ClusterName")]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ClusterCompleter))]
    public string Cluster { get; set; } = "";

    /// <summary>The service: name or ARN.</summary>
    [TextInput(typeof(GetEcsTaskSetCommand), nameof(Service))]
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Alias("ServiceArn", "ServiceName")]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ServiceCompleter))]
    public string Service { get; set; } = "";

    protected override void ProcessRecord()
    {
        if (RefuseInputObjects())
        {
            return;
        }

        var requested = TaskSet?.Where(t => !string.IsNullOrWhiteSpace(t)).Distinct(StringComparer.Ordinal).ToList();
        var request = new DescribeTaskSetsRequest
        {
            Cluster = Cluster,
            Service = Service,
            TaskSets = requested is { Count: > 0 } ? requested : null,
            Include = ["TAGS"],
        };
        DescribeTaskSetsResponse response;
        try
        {
            response = Await(ct => Connection.DescribeTaskSetsAsync(request, ct));
        }
        catch (EcsServiceException e)
        {
            WriteServiceError(e, requested is { Count: 1 } ? requested[0] : Service);
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

            WriteError(TaskSetErrors.NotFound(value, Cluster, Service, "DescribeTaskSets", failure?.Detail));
        }

        foreach (var failure in failures.Where(f => !request.TaskSets.Any(v => Names(f, v))))
        {
            WriteFailure(failure, "DescribeTaskSets");
        }
    }

    private static bool Names(Failure failure, string value) =>
        failure.Arn is { } arn && (arn == value || arn.EndsWith("/" + value, StringComparison.Ordinal));
}
