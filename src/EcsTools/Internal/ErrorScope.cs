namespace EcsTools.Internal;

/// <summary>
/// What a call was about, so a service error can name it: the region, the cluster as given (null: none was given, and
/// ECS used the cluster named 'default'), and the task definition, if any.
/// </summary>
internal sealed record ErrorScope(string Region, string? Cluster, string? TaskDefinition = null);
