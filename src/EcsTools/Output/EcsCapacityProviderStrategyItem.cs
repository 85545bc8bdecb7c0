namespace EcsTools;

/// <summary>One item of a capacity provider strategy. Objects of this type bind to -CapacityProviderStrategy.</summary>
public sealed class EcsCapacityProviderStrategyItem
{
    public EcsCapacityProviderStrategyItem(string capacityProvider, int? weight, int? baseTasks)
    {
        CapacityProvider = capacityProvider;
        Weight = weight;
        Base = baseTasks;
    }

    public string CapacityProvider { get; }

    public int? Weight { get; }

    public int? Base { get; }

    public override string ToString() => $"{CapacityProvider} (weight {Weight ?? 0}, base {Base ?? 0})";
}
