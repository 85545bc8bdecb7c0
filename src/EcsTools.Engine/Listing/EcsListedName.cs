namespace EcsTools.Engine.Listing;

/// <summary>
/// One item of a listing: the short name a user types (a cluster or service name, an id, family or family:revision), its
/// ARN when ECS gave one, and, for task sets, their status and task definition.
/// </summary>
public sealed record EcsListedName(string Name, string? Arn = null, string? Status = null, string? TaskDefinition = null);
