using System;
using System.Linq;
using System.Text.Json.Nodes;
using EcsTools.LocalEcs.Operations;
using EcsTools.LocalEcs.State;

namespace EcsTools.LocalEcs.Serialization;

/// <summary>Writes the Cluster, ContainerInstance and CapacityProvider shapes.</summary>
internal static class ResourceWriter
{
    public static JsonObject Cluster(ClusterState cluster, DateTimeOffset now, Func<string, bool> includes)
    {
        var tasks = cluster.Tasks.Values.Where(t => t.IsVisible(now)).Select(t => t.LastStatus(now)).ToList();
        var json = new JsonObject
        {
            ["clusterArn"] = cluster.Arn,
            ["clusterName"] = cluster.Name,
            ["status"] = cluster.Status,
            ["registeredContainerInstancesCount"] = cluster.ContainerInstances.Count(i => i.Value.Status == "ACTIVE"),
            ["runningTasksCount"] = tasks.Count(s => s == TaskStatuses.Running),
            ["pendingTasksCount"] = tasks.Count(TaskStatuses.IsBeforeRunning),
            ["activeServicesCount"] = cluster.Services.Count(s => s.Value.Status == "ACTIVE"),
            ["statistics"] = new JsonArray(),
            ["capacityProviders"] = new JsonArray(cluster.CapacityProviders.Select(p => (JsonNode)p).ToArray()),
            ["defaultCapacityProviderStrategy"] = StrategyItem.ToJson(cluster.DefaultStrategy),
        };
        if (includes("TAGS"))
        {
            json["tags"] = Tag.ToJson(cluster.Tags);
        }

        if (includes("SETTINGS"))
        {
            json["settings"] = cluster.Settings?.DeepClone() ?? new JsonArray(new JsonObject { ["name"] = "containerInsights", ["value"] = "disabled" });
        }

        if (includes("CONFIGURATIONS") && cluster.Configuration is not null)
        {
            json["configuration"] = cluster.Configuration.DeepClone();
        }

        if (includes("ATTACHMENTS"))
        {
            json["attachments"] = new JsonArray();
        }

        return json;
    }

    public static JsonObject ContainerInstance(ContainerInstanceState instance, DateTimeOffset now, bool includeTags)
    {
        InstanceUsage usage = Placement.Usage(instance, now);
        var json = new JsonObject
        {
            ["containerInstanceArn"] = instance.Arn,
            ["ec2InstanceId"] = instance.Ec2InstanceId,
        };
        json.Set("capacityProviderName", instance.CapacityProviderName);
        json["version"] = 1 + usage.Placements;
        json["versionInfo"] = instance.VersionInfo?.DeepClone() ?? new JsonObject
        {
            ["agentVersion"] = "1.89.2",
            ["agentHash"] = "b0b5a5d0",
            ["dockerVersion"] = "DockerVersion: 25.0.8",
        };
        json["remainingResources"] = Resources(
            instance.Cpu - usage.Cpu, instance.Memory - usage.Memory, instance.ReservedPorts.Concat(usage.Ports).Distinct().Order());
        json["registeredResources"] = Resources(instance.Cpu, instance.Memory, instance.ReservedPorts);
        json["status"] = instance.Status;
        json["agentConnected"] = true;
        json["runningTasksCount"] = usage.Running;
        json["pendingTasksCount"] = usage.Pending;
        json["attributes"] = instance.Attributes.DeepClone();
        json["registeredAt"] = WireJson.Time(instance.RegisteredAt);
        json["attachments"] = new JsonArray();
        if (includeTags)
        {
            json["tags"] = Tag.ToJson(instance.Tags);
        }

        return json;
    }

    public static JsonObject CapacityProvider(RegionState region, string name, CapacityProviderState? created)
    {
        var json = new JsonObject
        {
            ["capacityProviderArn"] = created?.Arn ?? ArnFormat.CapacityProvider(region, name),
            ["name"] = name,
            ["status"] = "ACTIVE",
        };
        if (created is null)
        {
            json["type"] = name == "FARGATE" ? "FARGATE" : "FARGATE_SPOT";
            json["tags"] = new JsonArray();
            return json;
        }

        json["type"] = "EC2_AUTOSCALING";
        json["autoScalingGroupProvider"] = new JsonObject
        {
            ["autoScalingGroupArn"] = $"arn:{region.Partition}:autoscaling:{region.Name}:{region.AccountId}:autoScalingGroup:00000000-0000-0000-0000-000000000000:autoScalingGroupName/{name}",
            ["managedScaling"] = new JsonObject { ["status"] = "DISABLED" },
            ["managedTerminationProtection"] = "DISABLED",
            ["managedDraining"] = "ENABLED",
        };
        json["updateStatus"] = "UPDATE_COMPLETE";
        json["tags"] = new JsonArray();
        return json;
    }

    private static JsonArray Resources(int cpu, int memory, System.Collections.Generic.IEnumerable<int> ports) => new(
        Integer("CPU", cpu),
        Integer("MEMORY", memory),
        new JsonObject
        {
            ["name"] = "PORTS",
            ["type"] = "STRINGSET",
            ["doubleValue"] = 0.0,
            ["longValue"] = 0,
            ["integerValue"] = 0,
            ["stringSetValue"] = new JsonArray(ports.Select(p => (JsonNode)p.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray()),
        },
        new JsonObject
        {
            ["name"] = "PORTS_UDP",
            ["type"] = "STRINGSET",
            ["doubleValue"] = 0.0,
            ["longValue"] = 0,
            ["integerValue"] = 0,
            ["stringSetValue"] = new JsonArray(),
        });

    private static JsonObject Integer(string name, int value) => new()
    {
        ["name"] = name,
        ["type"] = "INTEGER",
        ["doubleValue"] = 0.0,
        ["longValue"] = 0,
        ["integerValue"] = value,
    };
}
