using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace EcsTools.LocalEcs;

/// <summary>A task definition to register through <see cref="LocalEcsScene.RegisterTaskDefinition(LocalEcsTaskDefinition)"/>.</summary>
public sealed class LocalEcsTaskDefinition
{
    public required string Family { get; init; }

    /// <summary>bridge (the default), host, awsvpc or none.</summary>
    public string? NetworkMode { get; init; }

    /// <summary>Task-level CPU units, e.g. "256" or "1 vCPU".</summary>
    public string? Cpu { get; init; }

    /// <summary>Task-level memory, e.g. "512" (MiB) or "2 GB".</summary>
    public string? Memory { get; init; }

    public IList<string> RequiresCompatibilities { get; init; } = [];

    public IList<LocalEcsContainer> Containers { get; init; } = [];

    public IDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();

    public string? ExecutionRoleArn { get; init; }

    /// <summary>The RegisterTaskDefinition request.</summary>
    public JsonObject ToRequestJson()
    {
        var json = new JsonObject
        {
            ["family"] = Family,
            ["containerDefinitions"] = new JsonArray(Containers.Select(c => (JsonNode)c.ToJson()).ToArray()),
        };
        void Set(string name, string? value)
        {
            if (value is not null)
            {
                json[name] = value;
            }
        }

        Set("networkMode", NetworkMode);
        Set("cpu", Cpu);
        Set("memory", Memory);
        Set("executionRoleArn", ExecutionRoleArn);
        if (RequiresCompatibilities.Count > 0)
        {
            json["requiresCompatibilities"] = new JsonArray(RequiresCompatibilities.Select(c => (JsonNode)c).ToArray());
        }

        if (Tags.Count > 0)
        {
            json["tags"] = new JsonArray(Tags.Select(t => (JsonNode)new JsonObject { ["key"] = t.Key, ["value"] = t.Value }).ToArray());
        }

        return json;
    }
}
