namespace EcsTools.Engine.Requests;

/// <summary>One item of a capacity provider strategy: the provider, its relative weight, and the tasks it runs first (base).</summary>
public sealed record CapacityProviderShare(string CapacityProvider, int? Weight = null, int? Base = null);
