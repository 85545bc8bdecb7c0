namespace EcsTools.Engine.Logs;

/// <summary>Where one container of one task writes its log: an awslogs stream <c>prefix/container/task-id</c> in a group and region.</summary>
public sealed record TaskLogSource(string TaskArn, string TaskId, string Container, string Region, string Group, string Stream);
