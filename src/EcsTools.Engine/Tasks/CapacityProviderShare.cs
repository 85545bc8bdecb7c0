namespace EcsTools.Engine.Tasks;

/// <summary>One item of a capacity provider strategy: the provider, its relative weight and its base (tasks placed on it first).</summary>
public sealed record CapacityProviderShare(string CapacityProvider, int? Weight, int? Base)
{
    /// <summary>"NAME (weight W, base B)", for messages.</summary>
    public override string ToString() => $"{CapacityProvider} (weight {Weight ?? 0}, base {Base ?? 0})";
}
