using System;

namespace EcsTools.LocalEcs.State;

/// <summary>ARNs in ECS's long format, and the parsing of "name or ARN" parameters.</summary>
internal static class ArnFormat
{
    public static string Cluster(RegionState region, string name) => Build(region, $"cluster/{name}");

    public static string Task(RegionState region, string cluster, string id) => Build(region, $"task/{cluster}/{id}");

    public static string ContainerInstance(RegionState region, string cluster, string id) =>
        Build(region, $"container-instance/{cluster}/{id}");

    public static string TaskDefinition(RegionState region, string family, int revision) =>
        Build(region, $"task-definition/{family}:{revision}");

    public static string Service(RegionState region, string cluster, string name) => Build(region, $"service/{cluster}/{name}");

    public static string TaskSet(RegionState region, string cluster, string service, string id) =>
        Build(region, $"task-set/{cluster}/{service}/{id}");

    public static string Container(RegionState region, string cluster, string taskId, string containerId) =>
        Build(region, $"container/{cluster}/{taskId}/{containerId}");

    public static string CapacityProvider(RegionState region, string name) => Build(region, $"capacity-provider/{name}");

    /// <summary>
    /// Splits <c>arn:aws:ecs:region:account:resource</c> and returns the resource part when the ARN is an ECS ARN of
    /// the given resource type (e.g. "cluster"); null when the value is not an ARN at all.
    /// </summary>
    /// <exception cref="LocalEcsException">The value is an ARN, but not an ECS ARN of that type.</exception>
    public static string? ResourcePath(string value, string resourceType, out string? region, out string? account)
    {
        region = null;
        account = null;
        if (!value.StartsWith("arn:", StringComparison.Ordinal))
        {
            return null;
        }

        string[] parts = value.Split(':', 6);
        string prefix = resourceType + "/";
        if (parts.Length != 6 || parts[2] != "ecs" || !parts[5].StartsWith(prefix, StringComparison.Ordinal))
        {
            throw Protocol.ServerErrors.InvalidParameter($"Invalid identifier: {value}");
        }

        region = parts[3];
        account = parts[4];
        return parts[5][prefix.Length..];
    }

    private static string Build(RegionState region, string resource) =>
        $"arn:{region.Partition}:ecs:{region.Name}:{region.AccountId}:{resource}";
}
