using System;
using System.Linq;
using System.Text.Json.Nodes;
using EcsTools.LocalEcs.State;

namespace EcsTools.LocalEcs.Serialization;

/// <summary>Writes the Service, Deployment and TaskSet shapes.</summary>
internal static class ServiceWriter
{
    public static JsonObject Service(RegionState region, ServiceState service, DateTimeOffset now, bool includeTags)
    {
        var fleets = service.IsExternal
            ? service.TaskSets.Values.Select(s => s.Fleet).ToList()
            : service.Deployment is { } d ? [d.Fleet] : [];
        var json = new JsonObject
        {
            ["serviceArn"] = service.Arn,
            ["serviceName"] = service.Name,
            ["clusterArn"] = service.Cluster.Arn,
            ["loadBalancers"] = service.LoadBalancers?.DeepClone() ?? new JsonArray(),
            ["serviceRegistries"] = service.ServiceRegistries?.DeepClone() ?? new JsonArray(),
            ["status"] = Status(service, now),
            ["desiredCount"] = service.DesiredCount,
            ["runningCount"] = fleets.Sum(f => f.RunningCount(now)),
            ["pendingCount"] = fleets.Sum(f => f.PendingCount(now)),
        };
        json.Set("launchType", service.LaunchType);
        if (service.Strategy is { } strategy)
        {
            json["capacityProviderStrategy"] = StrategyItem.ToJson(strategy);
        }

        json.Set("platformVersion", service.PlatformVersion);
        json.Set("platformFamily", service.PlatformVersion is null ? null : "Linux");
        json.Set("taskDefinition", service.TaskDefinition?.Arn);
        json["deploymentConfiguration"] = service.DeploymentConfiguration?.DeepClone() ?? new JsonObject
        {
            ["maximumPercent"] = 200,
            ["minimumHealthyPercent"] = 100,
        };
        if (service.IsExternal)
        {
            json["taskSets"] = new JsonArray(service.TaskSets.Values.Select(s => (JsonNode)TaskSet(s, now, includeTags: false)).ToArray());
        }

        json["deployments"] = service.Deployment is { } deployment
            ? new JsonArray(Deployment(service, deployment, now))
            : new JsonArray();
        json.Set("roleArn", service.RoleArn);
        json["events"] = new JsonArray();
        json["createdAt"] = WireJson.Time(service.CreatedAt);
        json["placementConstraints"] = service.PlacementConstraints?.DeepClone() ?? new JsonArray();
        json["placementStrategy"] = service.PlacementStrategy?.DeepClone() ?? new JsonArray();
        json.Set("networkConfiguration", service.NetworkConfiguration);
        json.Set("healthCheckGracePeriodSeconds", service.HealthCheckGracePeriodSeconds);
        json["schedulingStrategy"] = service.SchedulingStrategy;
        json["deploymentController"] = new JsonObject { ["type"] = service.ControllerType };
        if (includeTags)
        {
            json["tags"] = Tag.ToJson(service.Tags);
        }

        json["createdBy"] = $"arn:{region.Partition}:iam::{region.AccountId}:root";
        json["enableECSManagedTags"] = service.EnableEcsManagedTags;
        json["propagateTags"] = service.PropagateTags ?? "NONE";
        json["enableExecuteCommand"] = service.EnableExecuteCommand;
        return json;
    }

    /// <summary>DRAINING after DeleteService, INACTIVE one step later.</summary>
    public static string Status(ServiceState service, DateTimeOffset now) => service.DeletedAt is null
        ? service.Status
        : now >= service.InactiveAt ? "INACTIVE" : "DRAINING";

    public static JsonObject TaskSet(TaskSetState set, DateTimeOffset now, bool includeTags)
    {
        Fleet fleet = set.Fleet;
        bool steady = fleet.IsSteady(now);
        var json = new JsonObject
        {
            ["id"] = set.Id,
            ["taskSetArn"] = set.Arn,
            ["serviceArn"] = set.Service.Arn,
            ["clusterArn"] = set.Service.Cluster.Arn,
        };
        json.Set("externalId", set.ExternalId);
        json["status"] = set.Status;
        json["taskDefinition"] = fleet.TaskDefinition.Arn;
        json["computedDesiredCount"] = set.ComputedDesiredCount;
        json["pendingCount"] = fleet.PendingCount(now);
        json["runningCount"] = fleet.RunningCount(now);
        json["createdAt"] = WireJson.Time(set.CreatedAt);
        json["updatedAt"] = WireJson.Time(set.UpdatedAt);
        json.Set("launchType", fleet.LaunchType);
        if (fleet.Strategy is { } strategy)
        {
            json["capacityProviderStrategy"] = StrategyItem.ToJson(strategy);
        }

        json.Set("platformVersion", fleet.PlatformVersion);
        json.Set("platformFamily", fleet.PlatformVersion is null ? null : "Linux");
        json.Set("networkConfiguration", fleet.NetworkConfiguration);
        json["loadBalancers"] = set.LoadBalancers?.DeepClone() ?? new JsonArray();
        json["serviceRegistries"] = set.ServiceRegistries?.DeepClone() ?? new JsonArray();
        json["scale"] = new JsonObject { ["value"] = set.ScaleValue, ["unit"] = set.ScaleUnit };
        json["stabilityStatus"] = steady ? "STEADY_STATE" : "STABILIZING";
        json["stabilityStatusAt"] = WireJson.Time(fleet.StabilityStatusAt(now));
        if (includeTags)
        {
            json["tags"] = Tag.ToJson(set.Tags);
        }

        return json;
    }

    private static JsonObject Deployment(ServiceState service, DeploymentState deployment, DateTimeOffset now)
    {
        Fleet fleet = deployment.Fleet;
        bool steady = fleet.IsSteady(now);
        var json = new JsonObject
        {
            ["id"] = deployment.Id,
            ["status"] = "PRIMARY",
            ["taskDefinition"] = fleet.TaskDefinition.Arn,
            ["desiredCount"] = service.DesiredCount,
            ["pendingCount"] = fleet.PendingCount(now),
            ["runningCount"] = fleet.RunningCount(now),
            ["failedTasks"] = fleet.Tasks.Count(t => t.Timeline.Stop?.StopCode == TaskStatuses.TaskFailedToStart && t.Timeline.Stop.At <= now),
            ["createdAt"] = WireJson.Time(deployment.CreatedAt),
            ["updatedAt"] = WireJson.Time(fleet.DisturbedAt),
        };
        if (fleet.Strategy is { } strategy)
        {
            json["capacityProviderStrategy"] = StrategyItem.ToJson(strategy);
        }

        json.Set("launchType", fleet.LaunchType);
        json.Set("platformVersion", fleet.PlatformVersion);
        json.Set("platformFamily", fleet.PlatformVersion is null ? null : "Linux");
        json.Set("networkConfiguration", fleet.NetworkConfiguration);
        json["rolloutState"] = steady ? "COMPLETED" : "IN_PROGRESS";
        json["rolloutStateReason"] = steady
            ? "ECS deployment " + deployment.Id + " completed."
            : "ECS deployment " + deployment.Id + " in progress.";
        return json;
    }
}
