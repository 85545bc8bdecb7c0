namespace EcsTools.Engine.Listing;

/// <summary>
/// A listing: its kind, and the cluster (services, container instances, capacity providers, task sets, tasks; null for
/// the default cluster), the service (task sets) or the family (revisions) it is of.
/// </summary>
public sealed record EcsListQuery(EcsListKind Kind, string? Cluster = null, string? Service = null, string? Family = null);
