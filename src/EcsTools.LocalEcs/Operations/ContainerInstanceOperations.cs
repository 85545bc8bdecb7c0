using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using EcsTools.LocalEcs.Protocol;
using EcsTools.LocalEcs.Serialization;
using EcsTools.LocalEcs.State;

namespace EcsTools.LocalEcs.Operations;

/// <summary>RegisterContainerInstance (without EC2), ListContainerInstances and DescribeContainerInstances.</summary>
internal static class ContainerInstanceOperations
{
    /// <summary>The ports the ECS agent reserves on every instance by default.</summary>
    public static readonly int[] DefaultReservedPorts = [22, 2375, 2376, 51678, 51679];

    /// <summary>An attribute that ties a registered instance to a capacity provider of the cluster (LocalEcs-specific).</summary>
    public const string CapacityProviderAttribute = "localecs.capacityProvider";

    public static void Register(IDictionary<string, Func<OperationContext, JsonObject>> operations)
    {
        operations["RegisterContainerInstance"] = RegisterContainerInstance;
        operations["ListContainerInstances"] = ListContainerInstances;
        operations["DescribeContainerInstances"] = DescribeContainerInstances;
    }

    private static JsonObject RegisterContainerInstance(OperationContext context)
    {
        ClusterState cluster = context.Cluster();
        int cpu = 4096, memory = 8192;
        List<int> ports = [.. DefaultReservedPorts];
        foreach (JsonNode? resource in context.Array("totalResources") ?? [])
        {
            string? name = (string?)resource?["name"];
            switch (name)
            {
                case "CPU":
                    cpu = (int?)resource!["integerValue"] ?? cpu;
                    break;
                case "MEMORY":
                    memory = (int?)resource!["integerValue"] ?? memory;
                    break;
                case "PORTS":
                    ports = ((resource!["stringSetValue"] as JsonArray) ?? [])
                        .Select(p => int.TryParse((string?)p, NumberStyles.None, CultureInfo.InvariantCulture, out int port)
                            ? port
                            : throw ServerErrors.InvalidParameter($"Invalid port in totalResources PORTS: {(string?)p}"))
                        .ToList();
                    break;
                default:
                    break;
            }
        }

        if (cpu < 0 || memory < 0)
        {
            throw ServerErrors.InvalidParameter("totalResources CPU and MEMORY must not be negative.");
        }

        (string? instanceId, string? zone) = IdentityDocument(context.String("instanceIdentityDocument"));
        RegionState region = context.Region;
        zone ??= region.Name + (char)('a' + (cluster.ContainerInstances.Count % 3));
        var attributes = new JsonArray(
            Attribute("ecs.os-type", "linux"),
            Attribute("ecs.os-family", "LINUX"),
            Attribute("ecs.cpu-architecture", "x86_64"),
            Attribute("ecs.availability-zone", zone),
            Attribute("ecs.instance-type", "m5.large"),
            Attribute("ecs.capability.task-eni", null),
            Attribute("com.amazonaws.ecs.capability.docker-remote-api.1.44", null));
        string? provider = null;
        foreach (JsonNode? attribute in context.Array("attributes") ?? [])
        {
            attributes.Add(attribute!.DeepClone());
            if ((string?)attribute["name"] == CapacityProviderAttribute)
            {
                provider = (string?)attribute["value"];
            }
        }

        string id = context.Ids.Hex32();
        var instance = new ContainerInstanceState
        {
            Id = id,
            Arn = ArnFormat.ContainerInstance(region, cluster.Name, id),
            Ec2InstanceId = instanceId ?? context.Ids.Ec2InstanceId(),
            Cluster = cluster,
            Cpu = cpu,
            Memory = memory,
            ReservedPorts = ports,
            AvailabilityZone = zone,
            CapacityProviderName = provider,
            RegisteredAt = context.Now,
            Attributes = attributes,
            VersionInfo = context.Object("versionInfo")?.DeepClone() as JsonObject,
            Tags = RequestValidation.Tags(context.Array("tags")),
        };
        cluster.ContainerInstances[id] = instance;
        return new JsonObject { ["containerInstance"] = ResourceWriter.ContainerInstance(instance, context.Now, includeTags: true) };
    }

    private static JsonObject ListContainerInstances(OperationContext context)
    {
        ClusterState cluster = context.Cluster();
        string? status = context.String("status");
        Func<ContainerInstanceState, bool> filter = Filter(context.String("filter"));
        List<string> arns = cluster.ContainerInstances.Values
            .Where(i => (status is null || i.Status == status) && filter(i))
            .Select(i => i.Arn)
            .ToList();
        (List<string> page, string? next) = Pagination.Page(context, arns);
        var json = new JsonObject { ["containerInstanceArns"] = new JsonArray(page.Select(a => (JsonNode)a).ToArray()) };
        json.Set("nextToken", next);
        return json;
    }

    private static JsonObject DescribeContainerInstances(OperationContext context)
    {
        ClusterState cluster = context.Cluster();
        List<string> ids = RequestValidation.NonEmpty(context, "containerInstances", "Container instances", 100);
        var instances = new JsonArray();
        var failures = new JsonArray();
        foreach (string value in ids)
        {
            if (context.FindContainerInstance(cluster, value) is { } instance)
            {
                instances.Add(ResourceWriter.ContainerInstance(instance, context.Now, context.Includes("TAGS")));
            }
            else
            {
                string arn = value.StartsWith("arn:", StringComparison.Ordinal) ? value : ArnFormat.ContainerInstance(context.Region, cluster.Name, value);
                failures.Add(new Failure(arn, Failure.Missing).ToJson());
            }
        }

        return new JsonObject { ["containerInstances"] = instances, ["failures"] = failures };
    }

    // The cluster query language, reduced to "attribute:NAME == VALUE", "attribute:NAME != VALUE" and "attribute:NAME exists".
    private static Func<ContainerInstanceState, bool> Filter(string? expression)
    {
        if (string.IsNullOrWhiteSpace(expression))
        {
            return _ => true;
        }

        string[] parts = expression.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length < 2 || !parts[0].StartsWith("attribute:", StringComparison.Ordinal))
        {
            throw ServerErrors.InvalidParameter($"Unsupported filter expression: {expression}");
        }

        string name = parts[0]["attribute:".Length..];
        string? Value(ContainerInstanceState i) => i.Attributes
            .Where(a => (string?)a?["name"] == name).Select(a => (string?)a?["value"] ?? string.Empty).FirstOrDefault();
        return parts switch
        {
            [_, "exists"] => i => Value(i) is not null,
            [_, "==", var v] => i => Value(i) == v,
            [_, "!=", var v] => i => Value(i) != v,
            _ => throw ServerErrors.InvalidParameter($"Unsupported filter expression: {expression}"),
        };
    }

    private static (string? InstanceId, string? Zone) IdentityDocument(string? document)
    {
        if (string.IsNullOrWhiteSpace(document))
        {
            return (null, null);
        }

        try
        {
            JsonNode? json = JsonNode.Parse(document);
            return ((string?)json?["instanceId"], (string?)json?["availabilityZone"]);
        }
        catch (JsonException)
        {
            throw ServerErrors.InvalidParameter("The instance identity document is not valid JSON.");
        }
        catch (InvalidOperationException)
        {
            throw ServerErrors.InvalidParameter("The instance identity document is not valid.");
        }
    }

    private static JsonObject Attribute(string name, string? value)
    {
        var json = new JsonObject { ["name"] = name };
        json.Set("value", value);
        return json;
    }
}
