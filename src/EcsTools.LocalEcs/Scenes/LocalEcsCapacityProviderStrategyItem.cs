namespace EcsTools.LocalEcs;

/// <summary>One item of a capacity provider strategy.</summary>
public sealed record LocalEcsCapacityProviderStrategyItem(string CapacityProvider, int Weight = 1, int Base = 0);
