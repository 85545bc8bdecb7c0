using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using EcsTools.LocalEcs.Operations;

namespace EcsTools.LocalEcs;

/// <summary>
/// Seeds one region's state from C#, without HTTP. Every helper runs the real operation in-process (same validation,
/// same errors as over the wire: <see cref="LocalEcsException"/>) and returns the new resource's ARN.
/// </summary>
public sealed class LocalEcsScene
{
    private readonly EcsEngine _engine;

    internal LocalEcsScene(EcsEngine engine, string region)
    {
        _engine = engine;
        Region = region;
    }

    public string Region { get; }

    /// <summary>The same scene API for another region.</summary>
    public LocalEcsScene InRegion(string region) => new(_engine, region);

    /// <summary>Runs any operation with a request object and returns the response.</summary>
    public JsonObject Invoke(string operation, JsonObject request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _engine.Invoke(Region, operation, request.ToJsonString());
    }

    public string CreateCluster(
        string name,
        IEnumerable<string>? capacityProviders = null,
        IEnumerable<LocalEcsCapacityProviderStrategyItem>? defaultStrategy = null)
    {
        var request = new JsonObject { ["clusterName"] = name };
        if (capacityProviders is not null)
        {
            request["capacityProviders"] = Strings(capacityProviders);
        }

        if (defaultStrategy is not null)
        {
            request["defaultCapacityProviderStrategy"] = new JsonArray(defaultStrategy
                .Select(i => (JsonNode)new JsonObject { ["capacityProvider"] = i.CapacityProvider, ["weight"] = i.Weight, ["base"] = i.Base })
                .ToArray());
        }

        return (string)Invoke("CreateCluster", request)["cluster"]!["clusterArn"]!;
    }

    /// <summary>Registers a container instance with the given resources (no EC2 instance needed).</summary>
    public string RegisterContainerInstance(
        string cluster, int cpu = 4096, int memory = 8192, string? availabilityZone = null, string? capacityProvider = null)
    {
        var request = new JsonObject
        {
            ["cluster"] = cluster,
            ["totalResources"] = new JsonArray(
                new JsonObject { ["name"] = "CPU", ["type"] = "INTEGER", ["integerValue"] = cpu },
                new JsonObject { ["name"] = "MEMORY", ["type"] = "INTEGER", ["integerValue"] = memory },
                new JsonObject
                {
                    ["name"] = "PORTS",
                    ["type"] = "STRINGSET",
                    ["stringSetValue"] = Strings(ContainerInstanceOperations.DefaultReservedPorts.Select(p => p.ToString(CultureInfo.InvariantCulture))),
                }),
        };
        if (availabilityZone is not null)
        {
            request["instanceIdentityDocument"] = new JsonObject { ["availabilityZone"] = availabilityZone }.ToJsonString();
        }

        if (capacityProvider is not null)
        {
            request["attributes"] = new JsonArray(new JsonObject { ["name"] = ContainerInstanceOperations.CapacityProviderAttribute, ["value"] = capacityProvider });
        }

        return (string)Invoke("RegisterContainerInstance", request)["containerInstance"]!["containerInstanceArn"]!;
    }

    public string RegisterTaskDefinition(LocalEcsTaskDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return (string)Invoke("RegisterTaskDefinition", definition.ToRequestJson())["taskDefinition"]!["taskDefinitionArn"]!;
    }

    /// <summary>Registers a task definition from a RegisterTaskDefinition request in JSON (e.g. a file users keep).</summary>
    public string RegisterTaskDefinition(string requestJson) =>
        (string)_engine.Invoke(Region, "RegisterTaskDefinition", requestJson)["taskDefinition"]!["taskDefinitionArn"]!;

    /// <summary>Creates a service; with the EXTERNAL controller (the default here) it is ready for task sets.</summary>
    public string CreateService(
        string cluster,
        string name,
        int desiredCount,
        string deploymentController = "EXTERNAL",
        string? taskDefinition = null,
        string? launchType = null,
        IEnumerable<string>? subnets = null,
        IEnumerable<string>? securityGroups = null)
    {
        var request = new JsonObject
        {
            ["cluster"] = cluster,
            ["serviceName"] = name,
            ["desiredCount"] = desiredCount,
            ["deploymentController"] = new JsonObject { ["type"] = deploymentController },
        };
        if (taskDefinition is not null)
        {
            request["taskDefinition"] = taskDefinition;
        }

        if (launchType is not null)
        {
            request["launchType"] = launchType;
        }

        if (subnets is not null)
        {
            var awsvpc = new JsonObject { ["subnets"] = Strings(subnets) };
            if (securityGroups is not null)
            {
                awsvpc["securityGroups"] = Strings(securityGroups);
            }

            request["networkConfiguration"] = new JsonObject { ["awsvpcConfiguration"] = awsvpc };
        }

        return (string)Invoke("CreateService", request)["service"]!["serviceArn"]!;
    }

    private static JsonArray Strings(IEnumerable<string> values) => new(values.Select(v => (JsonNode)v).ToArray());
}
