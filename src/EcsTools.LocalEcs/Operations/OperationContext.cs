using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using EcsTools.LocalEcs.Protocol;
using EcsTools.LocalEcs.State;

namespace EcsTools.LocalEcs.Operations;

/// <summary>One operation call: the region's state, the (model-validated) input, the time of the call, and lookups shared by the operations.</summary>
internal sealed class OperationContext(EcsEngine engine, RegionState region, string operation, JsonObject input, DateTimeOffset now)
{
    public EcsEngine Engine { get; } = engine;

    public RegionState Region { get; } = region;

    public string Operation { get; } = operation;

    public JsonObject Input { get; } = input;

    public DateTimeOffset Now { get; } = now;

    public IdGenerator Ids => Engine.Ids;

    public string? String(string name) => (string?)Input[name];

    public int? Int(string name) => (int?)Input[name];

    public bool Bool(string name) => (bool?)Input[name] ?? false;

    public JsonArray? Array(string name) => Input[name] as JsonArray;

    public JsonObject? Object(string name) => Input[name] as JsonObject;

    public List<string> Strings(string name) => Array(name)?.Select(n => (string?)n ?? string.Empty).ToList() ?? [];

    /// <summary>True when <c>include</c> lists the value (e.g. TAGS).</summary>
    public bool Includes(string value) => Strings("include").Contains(value, StringComparer.Ordinal);

    /// <summary>The cluster named by the <c>cluster</c> member (a name or an ARN; "default" when absent).</summary>
    public ClusterState Cluster(string member = "cluster")
    {
        string value = String(member) ?? "default";
        string name = ClusterName(value);
        return Region.Clusters.TryGetValue(name, out ClusterState? cluster) && cluster.Status == "ACTIVE"
            ? cluster
            : throw ServerErrors.ClusterNotFound();
    }

    /// <summary>A cluster name from a name or an ARN; an ARN of another region or account names no cluster here.</summary>
    public string ClusterName(string value)
    {
        string? path = ArnFormat.ResourcePath(value, "cluster", out string? region, out string? account);
        if (path is null)
        {
            return value;
        }

        return region == Region.Name && account == Region.AccountId ? path : "\0" + value;
    }

    /// <summary>Resolves a task definition: family (latest ACTIVE), family:revision, or ARN.</summary>
    public TaskDefinitionState TaskDefinition(string value, bool activeOnly = false)
    {
        string reference = value;
        string? path = ArnFormat.ResourcePath(value, "task-definition", out string? region, out string? account);
        if (path is not null)
        {
            if (region != Region.Name || account != Region.AccountId)
            {
                throw ServerErrors.TaskDefinitionNotFound();
            }

            reference = path;
        }

        int colon = reference.LastIndexOf(':');
        string family = colon < 0 ? reference : reference[..colon];
        if (!Region.TaskDefinitions.TryGetValue(family, out List<TaskDefinitionState>? revisions))
        {
            throw ServerErrors.TaskDefinitionNotFound();
        }

        if (colon < 0)
        {
            return revisions.LastOrDefault(r => r.Status == "ACTIVE") ?? throw ServerErrors.TaskDefinitionNotFound();
        }

        if (!int.TryParse(reference[(colon + 1)..], out int revision) || revision < 1 || revision > revisions.Count)
        {
            throw ServerErrors.TaskDefinitionNotFound();
        }

        TaskDefinitionState found = revisions[revision - 1];
        return activeOnly && found.Status != "ACTIVE" ? throw ServerErrors.TaskDefinitionNotFound() : found;
    }

    /// <summary>Resolves the <c>service</c> member within a cluster (name or ARN).</summary>
    public ServiceState Service(ClusterState cluster, string value)
    {
        string name = value;
        string? path = ArnFormat.ResourcePath(value, "service", out string? region, out string? account);
        if (path is not null)
        {
            string[] parts = path.Split('/');
            if (region != Region.Name || account != Region.AccountId || (parts.Length == 2 && parts[0] != cluster.Name))
            {
                throw ServerErrors.ServiceNotFound();
            }

            name = parts[^1];
        }

        return cluster.Services.TryGetValue(name, out ServiceState? service) ? service : throw ServerErrors.ServiceNotFound();
    }

    /// <summary>A task of the cluster by id or ARN, or null when there is none (or it is gone).</summary>
    public TaskState? FindTask(ClusterState cluster, string value)
    {
        string id = value;
        string? path = ArnFormat.ResourcePath(value, "task", out string? region, out string? account);
        if (path is not null)
        {
            string[] parts = path.Split('/');
            if (region != Region.Name || account != Region.AccountId || (parts.Length == 2 && parts[0] != cluster.Name))
            {
                return null;
            }

            id = parts[^1];
        }

        return cluster.Tasks.TryGetValue(id, out TaskState? task) && task.IsVisible(Now) ? task : null;
    }

    /// <summary>A container instance of the cluster by id or ARN, or null.</summary>
    public ContainerInstanceState? FindContainerInstance(ClusterState cluster, string value)
    {
        string id = value;
        string? path = ArnFormat.ResourcePath(value, "container-instance", out string? region, out string? account);
        if (path is not null)
        {
            string[] parts = path.Split('/');
            if (region != Region.Name || account != Region.AccountId || (parts.Length == 2 && parts[0] != cluster.Name))
            {
                return null;
            }

            id = parts[^1];
        }

        return cluster.ContainerInstances.TryGetValue(id, out ContainerInstanceState? instance) ? instance : null;
    }
}
