using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using EcsTools.LocalEcs.Protocol;
using EcsTools.LocalEcs.State;

namespace EcsTools.LocalEcs.Operations;

/// <summary>Creates tasks: checks the network configuration, places EC2 tasks, and builds the task with its containers, ports and ENI.</summary>
internal static class TaskFactory
{
    private static readonly string[] s_platformVersions = ["LATEST", "1.4.0", "1.3.0"];

    /// <summary>The checks RunTask, StartTask and CreateTaskSet make before launching anything.</summary>
    public static void Validate(TaskDefinitionState definition, JsonObject? network, bool anyFargate, bool anyEc2, string? platformVersion)
    {
        JsonObject? awsvpc = network?["awsvpcConfiguration"] as JsonObject;
        if (definition.IsAwsVpc && awsvpc is null)
        {
            throw ServerErrors.InvalidParameter("Network Configuration must be provided when networkMode 'awsvpc' is specified.");
        }

        if (!definition.IsAwsVpc && awsvpc is not null)
        {
            throw ServerErrors.InvalidParameter("Network Configuration is not valid for the given networkMode of this task definition.");
        }

        if (awsvpc is not null)
        {
            int subnets = (awsvpc["subnets"] as JsonArray)?.Count ?? 0;
            if (subnets == 0)
            {
                throw ServerErrors.InvalidParameter("subnets can not be empty.");
            }

            if (subnets > 16 || ((awsvpc["securityGroups"] as JsonArray)?.Count ?? 0) > 5)
            {
                throw ServerErrors.InvalidParameter("At most 16 subnets and 5 security groups can be specified.");
            }

            if (anyEc2 && (string?)awsvpc["assignPublicIp"] == "ENABLED")
            {
                throw ServerErrors.InvalidParameter("Assign public IP is not supported for this launch type.");
            }
        }

        if (anyFargate && !definition.SupportsFargate)
        {
            throw ServerErrors.InvalidParameter("Task definition does not support launch_type FARGATE.");
        }

        if (anyFargate && platformVersion is not null && !s_platformVersions.Contains(platformVersion))
        {
            throw ServerErrors.PlatformUnknown();
        }
    }

    /// <summary>
    /// Launches one task per slot: Fargate slots need no instance; EC2 slots are placed on the cluster's instances
    /// (those of the slot's capacity provider when it has any). Tasks that do not fit add failures instead.
    /// </summary>
    public static List<TaskState> Launch(
        OperationContext context, TaskLaunchRequest request, IReadOnlyList<LaunchSlot> slots, DateTimeOffset createdAt, List<Failure> failures)
    {
        var tasks = new List<TaskState>();
        var used = new HashSet<ContainerInstanceState>();
        for (int i = 0; i < slots.Count; i++)
        {
            LaunchSlot slot = slots[i];
            ContainerInstanceState? instance = null;
            if (!slot.IsFargate)
            {
                var candidates = request.Cluster.ContainerInstances.Values
                    .Where(c => slot.CapacityProvider is null ? c.CapacityProviderName is null : c.CapacityProviderName == slot.CapacityProvider)
                    .ToList();
                if (candidates.Count == 0)
                {
                    candidates = [.. request.Cluster.ContainerInstances.Values];
                }

                instance = Placement.Choose(
                    context, candidates, Demand(request), request.PlacementStrategy, request.DistinctInstance ? used : new HashSet<ContainerInstanceState>(), failures);
                if (instance is null)
                {
                    continue;
                }

                used.Add(instance);
            }

            tasks.Add(Create(context, request, slot, instance, i, createdAt));
        }

        return tasks;
    }

    /// <summary>The CPU, memory and static host ports a task of the request needs from an EC2 instance.</summary>
    public static ResourceDemand Demand(TaskLaunchRequest request)
    {
        TaskDefinitionState definition = request.TaskDefinition;
        int cpu = ParseUnits((string?)request.Overrides?["cpu"]) ?? definition.TaskCpu;
        int memory = ParseUnits((string?)request.Overrides?["memory"]) ?? definition.TaskMemory;
        List<int> ports = definition.NetworkMode switch
        {
            "host" => definition.Containers.SelectMany(c => c.PortMappings).Select(p => p.ContainerPort).ToList(),
            "bridge" => definition.Containers.SelectMany(c => c.PortMappings).Where(p => p.HostPort > 0).Select(p => p.HostPort).ToList(),
            _ => [],
        };
        return new ResourceDemand(cpu, memory, ports);
    }

    /// <summary>Creates a task on an instance (or on Fargate when <paramref name="instance"/> is null) and adds it to the cluster.</summary>
    public static TaskState Create(
        OperationContext context, TaskLaunchRequest request, LaunchSlot slot, ContainerInstanceState? instance, int index, DateTimeOffset createdAt)
    {
        RegionState region = context.Region;
        TaskDefinitionState definition = request.TaskDefinition;
        ResourceDemand demand = Demand(request);
        string id = context.Ids.Hex32();
        string arn = ArnFormat.Task(region, request.Cluster.Name, id);
        Dictionary<string, JsonObject> overrides = ContainerOverrides(request.Overrides);
        var environment = overrides.ToDictionary(
            o => o.Key,
            o => (IReadOnlyDictionary<string, string>)((o.Value["environment"] as JsonArray) ?? [])
                .Where(e => (string?)e?["name"] is not null)
                .GroupBy(e => (string)e!["name"]!, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => (string?)g.Last()!["value"] ?? string.Empty, StringComparer.Ordinal),
            StringComparer.Ordinal);
        TaskScript script = TaskScript.Create(definition.Containers, environment);
        if (request.ServiceName is null && script.NeverStabilize)
        {
            script = new TaskScript { Containers = script.Containers, MissingAfter = script.MissingAfter, Step = script.Step };
        }

        EniAttachment? eni = definition.IsAwsVpc ? Eni(context, request.NetworkConfiguration, index) : null;
        string zone = instance?.AvailabilityZone ?? Zone(region, eni?.SubnetId ?? id);
        HashSet<int> usedPorts = UsedHostPorts(context, instance);
        var containers = new List<TaskContainer>();
        foreach (ContainerDefinitionInfo container in definition.Containers)
        {
            var bindings = new List<(int, int, string)>();
            foreach (PortMappingInfo mapping in container.PortMappings)
            {
                int hostPort = definition.NetworkMode == "bridge" && mapping.HostPort == 0
                    ? NextDynamicPort(usedPorts)
                    : definition.NetworkMode == "bridge" ? mapping.HostPort : mapping.ContainerPort;
                bindings.Add((mapping.ContainerPort, hostPort, mapping.Protocol));
            }

            containers.Add(new TaskContainer(
                container.Name,
                ArnFormat.Container(region, request.Cluster.Name, id, context.Ids.Uuid()),
                container.Image,
                $"{id}-{context.Ids.Hex32()[..10]}",
                container,
                script.Containers[container.Name],
                bindings));
        }

        List<Tag> tags = [.. request.Tags];
        var task = new TaskState
        {
            Id = id,
            Arn = arn,
            Cluster = request.Cluster,
            TaskDefinition = definition,
            Timeline = new TaskTimeline(createdAt, script.Step ?? context.Engine.DefaultStep, script),
            ContainerInstance = instance,
            LaunchType = slot.LaunchType,
            CapacityProviderName = slot.CapacityProvider,
            PlatformVersion = slot.IsFargate ? (request.PlatformVersion is null or "LATEST" ? "1.4.0" : request.PlatformVersion) : null,
            Group = request.Group,
            StartedBy = request.StartedBy,
            Overrides = EchoOverrides(definition, request.Overrides, overrides),
            Tags = tags,
            Cpu = demand.Cpu,
            Memory = demand.Memory,
            ReservedPorts = demand.Ports,
            Containers = containers,
            AvailabilityZone = zone,
            Eni = eni,
            EnableExecuteCommand = request.EnableExecuteCommand,
            ServiceName = request.ServiceName,
        };
        request.Cluster.Tasks[id] = task;
        return task;
    }

    /// <summary>Task-level cpu/memory text: "1024", "1 vCPU", "2 GB".</summary>
    public static int? ParseUnits(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        string value = text.Trim();
        double scale = 1;
        foreach ((string suffix, double factor) in new[] { ("vcpu", 1024.0), ("gb", 1024.0), ("mib", 1.0), ("mb", 1.0) })
        {
            if (value.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                value = value[..^suffix.Length].Trim();
                scale = factor;
                break;
            }
        }

        return double.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double number) && number >= 0 && number * scale <= int.MaxValue
            ? (int)Math.Round(number * scale)
            : null;
    }

    private static Dictionary<string, JsonObject> ContainerOverrides(JsonObject? overrides)
    {
        var result = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (JsonNode? node in overrides?["containerOverrides"] as JsonArray ?? [])
        {
            if (node is JsonObject item && (string?)item["name"] is { } name)
            {
                result[name] = item;
            }
        }

        return result;
    }

    // ECS echoes the overrides with one containerOverrides entry per container of the task definition.
    private static JsonObject EchoOverrides(TaskDefinitionState definition, JsonObject? given, Dictionary<string, JsonObject> containerOverrides)
    {
        var echo = (given?.DeepClone() as JsonObject) ?? [];
        echo["containerOverrides"] = new JsonArray(definition.Containers
            .Select(c => (JsonNode)(containerOverrides.TryGetValue(c.Name, out JsonObject? o) ? o.DeepClone() : new JsonObject { ["name"] = c.Name }))
            .ToArray());
        echo["inferenceAcceleratorOverrides"] ??= new JsonArray();
        return echo;
    }

    // Every host port taken on the instance: reserved ones, and the static and dynamic ports of its tasks.
    private static HashSet<int> UsedHostPorts(OperationContext context, ContainerInstanceState? instance)
    {
        var used = new HashSet<int>();
        if (instance is null)
        {
            return used;
        }

        used.UnionWith(instance.ReservedPorts);
        foreach (TaskState other in instance.Cluster.Tasks.Values.Where(t => ReferenceEquals(t.ContainerInstance, instance) && t.HoldsResources(context.Now)))
        {
            used.UnionWith(other.ReservedPorts);
            used.UnionWith(other.Containers.SelectMany(c => c.NetworkBindings).Select(b => b.HostPort));
        }

        return used;
    }

    // Dynamic host ports come from the ephemeral range (32768-60999), skipping those already taken.
    private static int NextDynamicPort(HashSet<int> used)
    {
        for (int port = Placement.FirstDynamicPort; port <= Placement.LastDynamicPort; port++)
        {
            if (used.Add(port))
            {
                return port;
            }
        }

        return 0;
    }

    private static EniAttachment Eni(OperationContext context, JsonObject? network, int index)
    {
        JsonArray subnets = (network?["awsvpcConfiguration"]?["subnets"] as JsonArray) ?? [];
        string subnet = subnets.Count == 0 ? "subnet-00000000" : (string?)subnets[index % subnets.Count] ?? "subnet-00000000";
        string ip = context.Ids.PrivateIp();
        string host = "ip-" + ip.Replace('.', '-');
        string dns = context.Region.Name == "us-east-1" ? $"{host}.ec2.internal" : $"{host}.{context.Region.Name}.compute.internal";
        return new EniAttachment(context.Ids.Uuid(), subnet, context.Ids.NetworkInterfaceId(), context.Ids.MacAddress(), ip, dns);
    }

    // A subnet always maps to the same zone of the region.
    private static string Zone(RegionState region, string key)
    {
        int hash = 0;
        foreach (char c in key)
        {
            hash = unchecked((hash * 31) + c);
        }

        return region.Name + (char)('a' + ((hash & 0x7FFFFFFF) % 3));
    }
}
