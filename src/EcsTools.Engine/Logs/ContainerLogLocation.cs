namespace EcsTools.Engine.Logs;

/// <summary>
/// Where a container's log is (<see cref="Source"/>), or why it cannot be read (<see cref="Problem"/>: another log driver,
/// no awslogs-stream-prefix, no log configuration).
/// </summary>
public sealed record ContainerLogLocation(string Container, TaskLogSource? Source, string? Problem);
