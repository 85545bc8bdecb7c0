using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EcsTools.Engine.Model;
using EcsTools.Engine.TaskSets;
using EcsTools.Engine.Tasks;

namespace EcsTools.Engine;

/// <summary>
/// The task set operations in ECS terms: records in, <see cref="TaskSetState"/> out. Each change goes through the
/// retry/outcome policy of EcsConnection.Outcomes.cs, so a retry never creates a task set twice.
/// </summary>
public sealed partial class EcsConnection
{
    /// <summary>CreateTaskSet. Null when ECS answered without a task set.</summary>
    public async Task<TaskSetState?> CreateTaskSetAsync(TaskSetCreation creation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(creation);
        var response = await NamingServiceAsync(creation.Cluster, creation.Service, CreateTaskSetAsync(ToWire(creation), cancellationToken)).ConfigureAwait(false);
        return response.TaskSet is { } set ? TaskSetState.From(set) : null;
    }

    /// <summary>DescribeTaskSets with the task sets' tags; what was asked for and not returned is a <see cref="TaskSetProblem"/>.</summary>
    public async Task<TaskSetDescription> DescribeTaskSetsAsync(TaskSetQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var requested = query.TaskSets?.ToList();
        var response = await NamingServiceAsync(query.Cluster, query.Service, DescribeTaskSetsAsync(
            new DescribeTaskSetsRequest { Cluster = query.Cluster, Service = query.Service, TaskSets = requested, Include = ["TAGS"] },
            cancellationToken)).ConfigureAwait(false);
        return Describe(requested, response);
    }

    /// <summary>UpdateTaskSet: sets the task set's scale (a percentage of the service's desired count). Null when ECS answered without the task set.</summary>
    public async Task<TaskSetState?> ScaleTaskSetAsync(TaskSetTarget target, double scale, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        var request = new UpdateTaskSetRequest
        {
            Cluster = target.Cluster,
            Service = target.Service,
            TaskSet = target.TaskSet,
            Scale = new Scale { Value = scale, Unit = TaskSetRules.ScaleUnit },
        };
        var response = await NamingServiceAsync(target.Cluster, target.Service, UpdateTaskSetAsync(request, cancellationToken)).ConfigureAwait(false);
        return response.TaskSet is { } set ? TaskSetState.From(set) : null;
    }

    /// <summary>UpdateServicePrimaryTaskSet: makes the task set the service's primary one. Null when ECS answered without the task set.</summary>
    public async Task<TaskSetState?> MakeTaskSetPrimaryAsync(TaskSetTarget target, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        var request = new UpdateServicePrimaryTaskSetRequest { Cluster = target.Cluster, Service = target.Service, PrimaryTaskSet = target.TaskSet };
        var response = await NamingServiceAsync(target.Cluster, target.Service, UpdateServicePrimaryTaskSetAsync(request, cancellationToken)).ConfigureAwait(false);
        return response.TaskSet is { } set ? TaskSetState.From(set) : null;
    }

    /// <summary>DeleteTaskSet; <paramref name="force"/> deletes it even if it has not been scaled down to zero. Null when ECS answered without the task set.</summary>
    public async Task<TaskSetState?> DeleteTaskSetAsync(TaskSetTarget target, bool force, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        var request = new DeleteTaskSetRequest { Cluster = target.Cluster, Service = target.Service, TaskSet = target.TaskSet, Force = force ? true : null };
        var response = await NamingServiceAsync(target.Cluster, target.Service, DeleteTaskSetAsync(request, cancellationToken)).ConfigureAwait(false);
        return response.TaskSet is { } set ? TaskSetState.From(set) : null;
    }

    /// <summary>
    /// ECS's ServiceNotFoundException says only "Service not found.": the same error (kind, code, request id, inner
    /// exception) with a message that names the service, its cluster and the region.
    /// </summary>
    private async Task<T> NamingServiceAsync<T>(string? cluster, string? service, Task<T> call)
    {
        try
        {
            return await call.ConfigureAwait(false);
        }
        catch (EcsServiceException e) when (e.Kind == EcsErrorKind.ServiceNotFound && !string.IsNullOrEmpty(service))
        {
            var where = string.IsNullOrEmpty(cluster) ? "the cluster 'default' (no cluster was given)" : $"cluster '{cluster}'";
            throw new EcsServiceException(
                e.Kind, e.ErrorCode, e.Operation, $"The service '{service}' was not found in {where} in region {Region}. {e.Message}",
                e.RequestId, e.StatusCode, e.ResourceIds, e.InnerException)
            {
                MayHaveBeenProcessed = e.MayHaveBeenProcessed,
                Check = e.Check,
            };
        }
    }

    internal static CreateTaskSetRequest ToWire(TaskSetCreation creation) => new()
    {
        Cluster = creation.Cluster,
        Service = creation.Service,
        TaskDefinition = creation.TaskDefinition,
        ExternalId = creation.ExternalId,
        LaunchType = creation.LaunchType,
        CapacityProviderStrategy = creation.CapacityProviderStrategy?
            .Select(s => new CapacityProviderStrategyItem { CapacityProvider = s.CapacityProvider, Weight = s.Weight, Base = s.Base }).ToList(),
        PlatformVersion = creation.PlatformVersion,
        Scale = creation.Scale is { } percent ? new Scale { Value = percent, Unit = TaskSetRules.ScaleUnit } : null,
        LoadBalancers = creation.LoadBalancers?.Select(b => new LoadBalancer
        {
            TargetGroupArn = b.TargetGroupArn,
            LoadBalancerName = b.LoadBalancerName,
            ContainerName = b.ContainerName,
            ContainerPort = b.ContainerPort,
            AdvancedConfiguration = b.Advanced is { } a
                ? new AdvancedConfiguration
                {
                    AlternateTargetGroupArn = a.AlternateTargetGroupArn,
                    ProductionListenerRule = a.ProductionListenerRule,
                    TestListenerRule = a.TestListenerRule,
                    RoleArn = a.RoleArn,
                }
                : null,
        }).ToList(),
        ServiceRegistries = creation.ServiceRegistries?.Select(r => new ServiceRegistry
        {
            RegistryArn = r.RegistryArn,
            Port = r.Port,
            ContainerName = r.ContainerName,
            ContainerPort = r.ContainerPort,
        }).ToList(),
        NetworkConfiguration = ToWire(creation.Network),
        Tags = creation.Tags?.Select(t => new Tag { Key = t.Key, Value = t.Value }).ToList(),
        ClientToken = creation.ClientToken ?? EcsClientTokens.New(),
    };

    internal static NetworkConfiguration? ToWire(AwsVpcNetwork? network) => network is null ? null : new NetworkConfiguration
    {
        AwsvpcConfiguration = new AwsVpcConfiguration
        {
            Subnets = [.. network.Subnets],
            SecurityGroups = network.SecurityGroups is { Count: > 0 } groups ? [.. groups] : null,
            AssignPublicIp = network.AssignPublicIp ? "ENABLED" : "DISABLED",
        },
    };

    // What was asked for and not returned: a MISSING failure or none at all (moto) is not found; another failure is
    // that failure. Failures that name nothing asked for come last.
    internal static TaskSetDescription Describe(List<string>? requested, DescribeTaskSetsResponse response)
    {
        var sets = response.TaskSets ?? [];
        var found = sets.Select(TaskSetState.From).ToList();
        if (requested is null)
        {
            return new TaskSetDescription(found, []);
        }

        var failures = response.Failures ?? [];
        var problems = new List<TaskSetProblem>();
        foreach (var value in requested.Where(v => !sets.Any(s => s.TaskSetArn == v || s.Id == v)))
        {
            var failure = failures.FirstOrDefault(f => Names(f, value));
            problems.Add(new TaskSetProblem(value, failure is null || failure.Reason == "MISSING", failure?.Arn, failure?.Reason, failure?.Detail));
        }

        problems.AddRange(failures.Where(f => !requested.Any(v => Names(f, v)))
            .Select(f => new TaskSetProblem(null, false, f.Arn, f.Reason, f.Detail)));
        return new TaskSetDescription(found, problems);
    }

    private static bool Names(Failure failure, string value) =>
        failure.Arn is { } arn && (arn == value || arn.EndsWith("/" + value, StringComparison.Ordinal));
}
