using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using EcsTools.LocalEcs.Protocol;
using EcsTools.LocalEcs.State;

namespace EcsTools.LocalEcs.Operations;

/// <summary>How tasks are launched: a launch type, or a capacity provider strategy (given, or the cluster's default).</summary>
internal sealed record LaunchChoice(string? LaunchType, IReadOnlyList<StrategyItem>? Strategy, bool StrategyGiven);

/// <summary>Where one task goes: its launchType and capacityProviderName, and whether it runs on Fargate.</summary>
internal sealed record LaunchSlot(string LaunchType, string? CapacityProvider)
{
    public bool IsFargate => LaunchType == "FARGATE";
}

/// <summary>Resolves launchType vs capacityProviderStrategy as ECS does, and spreads tasks over a strategy (base first, then by weight).</summary>
internal static class LaunchPlanner
{
    public const int MaxStrategyItems = 20;

    public static LaunchChoice Resolve(ClusterState cluster, string? launchType, JsonArray? strategy)
    {
        bool strategyGiven = strategy is { Count: > 0 };
        if (launchType is not null && strategyGiven)
        {
            throw ServerErrors.BothLaunchTypeAndStrategy();
        }

        if (launchType is "MANAGED_INSTANCES")
        {
            throw ServerErrors.UnsupportedFeature("The MANAGED_INSTANCES launch type is not supported by LocalEcs.");
        }

        if (launchType is not null)
        {
            return new LaunchChoice(launchType, null, false);
        }

        if (strategyGiven)
        {
            List<StrategyItem> items = StrategyItem.ListFrom(strategy!);
            ValidateStrategy(items, cluster.CapacityProviders);
            return new LaunchChoice(null, items, true);
        }

        return cluster.DefaultStrategy.Count > 0
            ? new LaunchChoice(null, cluster.DefaultStrategy, false)
            : new LaunchChoice("EC2", null, false);
    }

    /// <summary>Checks a strategy against ECS's rules; <paramref name="clusterProviders"/> null skips the association check.</summary>
    public static void ValidateStrategy(IReadOnlyList<StrategyItem> items, IReadOnlyCollection<string>? clusterProviders)
    {
        if (items.Count > MaxStrategyItems)
        {
            throw ServerErrors.InvalidParameter($"The specified capacity provider strategy cannot contain more than {MaxStrategyItems} capacity providers.");
        }

        if (items.Select(i => i.CapacityProvider).Distinct(StringComparer.Ordinal).Count() != items.Count)
        {
            throw ServerErrors.InvalidParameter("The specified capacity provider strategy cannot contain duplicate capacity providers.");
        }

        if (clusterProviders is not null && items.FirstOrDefault(i => !clusterProviders.Contains(i.CapacityProvider)) is { } unknown)
        {
            throw ServerErrors.InvalidParameter(
                $"The specified capacity provider strategy cannot contain a capacity provider that is not associated with the cluster. " +
                $"Associate the capacity provider with the cluster or specify a valid capacity provider and try again. ({unknown.CapacityProvider})");
        }

        if (items.Any(i => RegionState.IsFargateProvider(i.CapacityProvider)) && items.Any(i => !RegionState.IsFargateProvider(i.CapacityProvider)))
        {
            throw ServerErrors.InvalidParameter(
                "The specified capacity provider strategy cannot contain a mix of capacity providers using Auto Scaling groups and Fargate providers. " +
                "Specify one or the other and try again.");
        }

        if (items.Count(i => i.Base > 0) > 1)
        {
            throw ServerErrors.InvalidParameter("The specified capacity provider strategy cannot specify a base for more than one capacity provider.");
        }

        if (items.All(i => i.Weight == 0))
        {
            throw ServerErrors.InvalidParameter("The specified capacity provider strategy must contain at least one capacity provider with a weight greater than zero.");
        }
    }

    /// <summary>The slots of <paramref name="count"/> tasks: providers' bases are filled first, then tasks follow the weights.</summary>
    public static List<LaunchSlot> Assign(LaunchChoice choice, int count, int alreadyPlaced = 0)
    {
        var slots = new List<LaunchSlot>();
        if (choice.Strategy is not { } strategy)
        {
            for (int i = 0; i < count; i++)
            {
                slots.Add(new LaunchSlot(choice.LaunchType ?? "EC2", null));
            }

            return slots;
        }

        var assigned = strategy.ToDictionary(i => i.CapacityProvider, _ => 0, StringComparer.Ordinal);
        for (int i = 0; i < alreadyPlaced + count; i++)
        {
            StrategyItem item = strategy.FirstOrDefault(s => s.Base > assigned[s.CapacityProvider])
                ?? strategy.Where(s => s.Weight > 0)
                    .OrderBy(s => (Math.Max(0, assigned[s.CapacityProvider] - s.Base) + 1) / (double)s.Weight)
                    .First();
            assigned[item.CapacityProvider]++;
            if (i >= alreadyPlaced)
            {
                string launchType = RegionState.IsFargateProvider(item.CapacityProvider) ? "FARGATE" : "EC2";
                slots.Add(new LaunchSlot(launchType, item.CapacityProvider));
            }
        }

        return slots;
    }
}
