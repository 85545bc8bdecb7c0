using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using EcsTools.LocalEcs.Protocol;
using EcsTools.LocalEcs.Serialization;
using EcsTools.LocalEcs.State;

namespace EcsTools.LocalEcs.Operations;

/// <summary>Validates a RegisterTaskDefinition request as ECS does (ClientException) and builds the revision with ECS's defaults filled in.</summary>
internal static class TaskDefinitionBuilder
{
    // Fargate's task-level CPU units and the memory (MiB) each allows.
    private static readonly Dictionary<int, int[]> s_fargateSizes = new()
    {
        [256] = [512, 1024, 2048],
        [512] = Range(1024, 4096, 1024),
        [1024] = Range(2048, 8192, 1024),
        [2048] = Range(4096, 16384, 1024),
        [4096] = Range(8192, 30720, 1024),
        [8192] = Range(16384, 61440, 4096),
        [16384] = Range(32768, 122880, 8192),
    };

    public static TaskDefinitionState Build(OperationContext context)
    {
        JsonObject input = context.Input;
        string family = context.String("family")!;
        if (!RequestValidation.IsName(family))
        {
            throw ServerErrors.Client("Family contains invalid characters. Up to 255 letters (uppercase and lowercase), numbers, hyphens, and underscores are allowed.");
        }

        string networkMode = context.String("networkMode") ?? "bridge";
        int? cpu = Units(context.String("cpu"), "cpu");
        int? memory = Units(context.String("memory"), "memory");
        List<string> requires = context.Strings("requiresCompatibilities");
        JsonArray definitions = context.Array("containerDefinitions")!;
        if (definitions.Count == 0)
        {
            throw ServerErrors.Client("Container list cannot be empty.");
        }

        var containers = new List<ContainerDefinitionInfo>();
        var described = new JsonArray();
        foreach (JsonNode? node in definitions)
        {
            JsonObject definition = node!.AsObject();
            (ContainerDefinitionInfo info, JsonObject normalized) = Container(definition, networkMode, memory is not null);
            if (containers.Any(c => c.Name == info.Name))
            {
                throw ServerErrors.Client($"Duplicate container name: {info.Name}. Container names must be unique within a task definition.");
            }

            containers.Add(info);
            described.Add(normalized);
        }

        if (!containers.Any(c => c.Essential))
        {
            throw ServerErrors.Client("Task definition must have at least one essential container.");
        }

        TaskScript.ValidateLabels(containers);
        bool fargateSized = networkMode == "awsvpc" && cpu is { } c && memory is { } m && s_fargateSizes.TryGetValue(c, out int[]? sizes) && sizes.Contains(m);
        if (requires.Contains("FARGATE"))
        {
            if (networkMode != "awsvpc")
            {
                throw ServerErrors.Client("Fargate only supports network mode 'awsvpc'.");
            }

            if (cpu is null || memory is null)
            {
                throw ServerErrors.Client("Fargate requires that 'cpu' and 'memory' be defined at the task level.");
            }

            if (!fargateSized)
            {
                throw ServerErrors.Client($"No Fargate configuration exists for given values: {cpu} CPU, {memory} memory.");
            }
        }

        RegionState region = context.Region;
        List<TaskDefinitionState> revisions = region.TaskDefinitions.TryGetValue(family, out List<TaskDefinitionState>? existing) ? existing : [];
        int revision = revisions.Count + 1;
        string arn = ArnFormat.TaskDefinition(region, family, revision);
        List<string> compatibilities = networkMode == "awsvpc" ? ["EC2"] : ["EC2", "EXTERNAL"];
        if (fargateSized)
        {
            compatibilities.Add("FARGATE");
        }

        var description = new JsonObject { ["taskDefinitionArn"] = arn, ["containerDefinitions"] = described, ["family"] = family };
        foreach (string member in new[] { "taskRoleArn", "executionRoleArn", "networkMode" })
        {
            description.Set(member, context.String(member));
        }

        description["revision"] = revision;
        description["volumes"] = input["volumes"]?.DeepClone() ?? new JsonArray();
        description["status"] = "ACTIVE";
        description["requiresAttributes"] = RequiresAttributes(networkMode);
        description["placementConstraints"] = input["placementConstraints"]?.DeepClone() ?? new JsonArray();
        description["compatibilities"] = new JsonArray(compatibilities.Select(x => (JsonNode)x).ToArray());
        foreach (string member in new[] { "runtimePlatform", "requiresCompatibilities", "pidMode", "ipcMode", "proxyConfiguration", "inferenceAccelerators", "ephemeralStorage" })
        {
            description.Set(member, input[member]);
        }

        description.Set("cpu", cpu?.ToString(CultureInfo.InvariantCulture));
        description.Set("memory", memory?.ToString(CultureInfo.InvariantCulture));
        description["registeredAt"] = WireJson.Time(context.Now);
        description["registeredBy"] = $"arn:{region.Partition}:iam::{region.AccountId}:root";
        description["enableFaultInjection"] = context.Bool("enableFaultInjection");
        var state = new TaskDefinitionState
        {
            Family = family,
            Revision = revision,
            Arn = arn,
            RegisteredAt = context.Now,
            Description = description,
            Containers = containers,
            NetworkMode = networkMode,
            Cpu = cpu,
            Memory = memory,
            Compatibilities = compatibilities,
            Tags = RequestValidation.Tags(context.Array("tags")),
        };
        revisions.Add(state);
        region.TaskDefinitions[family] = revisions;
        return state;
    }

    private static (ContainerDefinitionInfo Info, JsonObject Normalized) Container(JsonObject definition, string networkMode, bool taskMemory)
    {
        string? name = (string?)definition["name"];
        string? image = (string?)definition["image"];
        if (string.IsNullOrEmpty(name))
        {
            throw ServerErrors.Client("Container.name should not be null or empty.");
        }

        if (!RequestValidation.IsName(name))
        {
            throw ServerErrors.Client($"Container name '{name}' contains invalid characters. Up to 255 letters, numbers, hyphens, and underscores are allowed.");
        }

        if (string.IsNullOrEmpty(image))
        {
            throw ServerErrors.Client("Container.image should not be null or empty.");
        }

        int? memory = (int?)definition["memory"];
        int? reservation = (int?)definition["memoryReservation"];
        if (!taskMemory && memory is null && reservation is null)
        {
            throw ServerErrors.Client($"Invalid setting for container '{name}'. At least one of 'memory' or 'memoryReservation' must be specified.");
        }

        if (memory is { } hard && reservation is { } soft && soft > hard)
        {
            throw ServerErrors.Client($"Invalid setting for container '{name}'. 'memoryReservation' must be less than or equal to 'memory'.");
        }

        var normalized = (JsonObject)definition.DeepClone();
        normalized["cpu"] ??= 0;
        normalized["essential"] ??= true;
        var mappings = new List<PortMappingInfo>();
        var portMappings = new JsonArray();
        foreach (JsonNode? item in definition["portMappings"] as JsonArray ?? [])
        {
            JsonObject node = item as JsonObject ?? [];
            int containerPort = (int?)node["containerPort"] ?? throw ServerErrors.Client($"Invalid setting for container '{name}'. A port mapping needs a containerPort.");
            int? hostPort = (int?)node["hostPort"];
            string protocol = (string?)node["protocol"] ?? "tcp";
            if (networkMode is "awsvpc" or "host" && hostPort is { } h && h != containerPort)
            {
                throw ServerErrors.Client($"When networkMode={networkMode}, the host ports and container ports in port mappings must match.");
            }

            int effectiveHost = networkMode == "bridge" ? hostPort ?? 0 : containerPort;
            mappings.Add(new PortMappingInfo(containerPort, effectiveHost, protocol));
            var mapping = (JsonObject)node.DeepClone();
            mapping["hostPort"] = effectiveHost;
            mapping["protocol"] = protocol;
            portMappings.Add(mapping);
        }

        normalized["portMappings"] = portMappings;
        normalized["environment"] ??= new JsonArray();
        normalized["mountPoints"] ??= new JsonArray();
        normalized["volumesFrom"] ??= new JsonArray();
        normalized["systemControls"] ??= new JsonArray();
        var labels = ((definition["dockerLabels"] as JsonObject) ?? [])
            .Where(p => p.Value is not null)
            .ToDictionary(p => p.Key, p => (string)p.Value!, StringComparer.Ordinal);
        var info = new ContainerDefinitionInfo
        {
            Name = name,
            Image = image,
            Essential = (bool?)definition["essential"] ?? true,
            Cpu = (int?)definition["cpu"] ?? 0,
            Memory = memory,
            MemoryReservation = reservation,
            PortMappings = mappings,
            Labels = labels,
            LogDriver = (string?)definition["logConfiguration"]?["logDriver"],
            LogOptions = ((definition["logConfiguration"]?["options"] as JsonObject) ?? [])
                .Where(p => p.Value is not null)
                .ToDictionary(p => p.Key, p => (string)p.Value!, StringComparer.Ordinal),
        };
        return (info, normalized);
    }

    private static JsonArray RequiresAttributes(string networkMode)
    {
        var attributes = new JsonArray(new JsonObject { ["name"] = "com.amazonaws.ecs.capability.docker-remote-api.1.18" });
        if (networkMode == "awsvpc")
        {
            attributes.Add(new JsonObject { ["name"] = "ecs.capability.task-eni" });
        }

        return attributes;
    }

    private static int? Units(string? text, string member)
    {
        if (text is null)
        {
            return null;
        }

        return TaskFactory.ParseUnits(text) is { } value && value > 0 ? value : throw ServerErrors.Client($"Invalid '{member}' setting for task.");
    }

    private static int[] Range(int from, int to, int step) => Enumerable.Range(0, ((to - from) / step) + 1).Select(i => from + (i * step)).ToArray();
}
