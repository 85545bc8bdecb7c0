namespace EcsTools.Engine;

/// <summary>An ECS resource tag.</summary>
public sealed record ResourceTag(string Key, string Value);
