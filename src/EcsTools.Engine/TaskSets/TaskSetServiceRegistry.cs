namespace EcsTools.Engine.TaskSets;

/// <summary>A service discovery (AWS Cloud Map) registry of a task set.</summary>
public sealed record TaskSetServiceRegistry(string? RegistryArn, int? Port, string? ContainerName, int? ContainerPort);
