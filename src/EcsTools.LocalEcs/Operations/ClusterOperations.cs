using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using EcsTools.LocalEcs.Protocol;
using EcsTools.LocalEcs.Serialization;
using EcsTools.LocalEcs.State;

namespace EcsTools.LocalEcs.Operations;

/// <summary>CreateCluster, DescribeClusters, ListClusters and DescribeCapacityProviders.</summary>
internal static class ClusterOperations
{
    private static readonly string[] s_builtInProviders = ["FARGATE", "FARGATE_SPOT"];

    public static void Register(IDictionary<string, Func<OperationContext, JsonObject>> operations)
    {
        operations["CreateCluster"] = CreateCluster;
        operations["DescribeClusters"] = DescribeClusters;
        operations["ListClusters"] = ListClusters;
        operations["DescribeCapacityProviders"] = DescribeCapacityProviders;
    }

    private static JsonObject CreateCluster(OperationContext context)
    {
        string name = context.String("clusterName") ?? "default";
        if (!RequestValidation.IsName(name))
        {
            throw ServerErrors.InvalidParameter(
                "Cluster name can have up to 255 characters: letters (uppercase and lowercase), numbers, hyphens, and underscores.");
        }

        List<Tag> tags = RequestValidation.Tags(context.Array("tags"));
        List<string> providers = context.Strings("capacityProviders");
        if (providers.Distinct(StringComparer.Ordinal).Count() != providers.Count)
        {
            throw ServerErrors.InvalidParameter("The specified capacity providers contain duplicates.");
        }

        List<StrategyItem> strategy = context.Array("defaultCapacityProviderStrategy") is { } items ? StrategyItem.ListFrom(items) : [];
        if (strategy.Count > 0)
        {
            LaunchPlanner.ValidateStrategy(strategy, providers);
        }

        RegionState region = context.Region;
        if (region.Clusters.TryGetValue(name, out ClusterState? existing) && existing.Status == "ACTIVE")
        {
            // CreateCluster with the name of an active cluster answers that cluster, unchanged.
            return new JsonObject { ["cluster"] = ResourceWriter.Cluster(existing, context.Now, _ => true) };
        }

        foreach (string provider in providers.Where(p => !RegionState.IsFargateProvider(p) && !region.CapacityProviders.ContainsKey(p)))
        {
            if (!RequestValidation.IsName(provider) || provider.StartsWith("aws", StringComparison.OrdinalIgnoreCase)
                || provider.StartsWith("ecs", StringComparison.OrdinalIgnoreCase))
            {
                throw ServerErrors.InvalidParameter($"The specified capacity provider name is not valid: {provider}.");
            }

            region.CapacityProviders[provider] = new CapacityProviderState(provider, ArnFormat.CapacityProvider(region, provider), context.Now);
        }

        var cluster = new ClusterState
        {
            Name = name,
            Arn = ArnFormat.Cluster(region, name),
            CapacityProviders = providers,
            DefaultStrategy = strategy,
            Tags = tags,
            Settings = context.Array("settings")?.DeepClone() as JsonArray,
            Configuration = context.Object("configuration")?.DeepClone() as JsonObject,
            CreatedAt = context.Now,
        };
        region.Clusters[name] = cluster;
        return new JsonObject { ["cluster"] = ResourceWriter.Cluster(cluster, context.Now, _ => true) };
    }

    private static JsonObject DescribeClusters(OperationContext context)
    {
        List<string> names = context.Strings("clusters");
        if (names.Count == 0)
        {
            names.Add("default");
        }

        if (names.Count > 100)
        {
            throw ServerErrors.InvalidParameter("Clusters cannot have more than 100 items.");
        }

        var clusters = new JsonArray();
        var failures = new JsonArray();
        foreach (string value in names)
        {
            string name = context.ClusterName(value);
            if (context.Region.Clusters.TryGetValue(name, out ClusterState? cluster))
            {
                clusters.Add(ResourceWriter.Cluster(cluster, context.Now, context.Includes));
            }
            else
            {
                string arn = value.StartsWith("arn:", StringComparison.Ordinal) ? value : ArnFormat.Cluster(context.Region, value);
                failures.Add(new Failure(arn, Failure.Missing).ToJson());
            }
        }

        return new JsonObject { ["clusters"] = clusters, ["failures"] = failures };
    }

    private static JsonObject ListClusters(OperationContext context)
    {
        List<string> arns = context.Region.Clusters.Values.Where(c => c.Status == "ACTIVE").Select(c => c.Arn).ToList();
        (List<string> page, string? next) = Pagination.Page(context, arns);
        var json = new JsonObject { ["clusterArns"] = new JsonArray(page.Select(a => (JsonNode)a).ToArray()) };
        json.Set("nextToken", next);
        return json;
    }

    private static JsonObject DescribeCapacityProviders(OperationContext context)
    {
        RegionState region = context.Region;
        List<string> all = [.. s_builtInProviders, .. region.CapacityProviders.Keys];
        if (context.String("cluster") is not null)
        {
            all = context.Cluster().CapacityProviders.ToList();
        }

        List<string> requested = context.Strings("capacityProviders");
        if (requested.Count > 100)
        {
            throw ServerErrors.InvalidParameter("capacityProviders cannot have more than 100 items.");
        }

        var providers = new JsonArray();
        var failures = new JsonArray();
        string? next = null;
        if (requested.Count == 0)
        {
            (List<string> page, next) = Pagination.Page(context, all, defaultMax: 10, limit: 10);
            foreach (string name in page)
            {
                providers.Add(ResourceWriter.CapacityProvider(region, name, region.CapacityProviders.GetValueOrDefault(name)));
            }
        }
        else
        {
            foreach (string value in requested)
            {
                string name = value.StartsWith("arn:", StringComparison.Ordinal)
                    ? ArnFormat.ResourcePath(value, "capacity-provider", out _, out _) ?? value
                    : value;
                if (s_builtInProviders.Contains(name) || region.CapacityProviders.ContainsKey(name))
                {
                    providers.Add(ResourceWriter.CapacityProvider(region, name, region.CapacityProviders.GetValueOrDefault(name)));
                }
                else
                {
                    failures.Add(new Failure(value.StartsWith("arn:", StringComparison.Ordinal) ? value : ArnFormat.CapacityProvider(region, name), Failure.Missing).ToJson());
                }
            }
        }

        if (!context.Includes("TAGS"))
        {
            foreach (JsonNode? provider in providers)
            {
                provider!.AsObject().Remove("tags");
            }
        }

        var json = new JsonObject { ["capacityProviders"] = providers, ["failures"] = failures };
        json.Set("nextToken", next);
        return json;
    }
}
