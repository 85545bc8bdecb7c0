namespace EcsTools.Engine.Tasks;

/// <summary>An ECS resource tag.</summary>
public sealed record ResourceTag(string Key, string Value);
