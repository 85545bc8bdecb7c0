using System.Collections.Generic;

namespace EcsTools.Engine.TaskSets;

/// <summary>
/// The awsvpc network configuration of a task set's tasks as ECS reports it: subnets, security groups, and whether the
/// network interfaces get a public IP address (ENABLED or DISABLED, null when ECS left it out).
/// </summary>
public sealed record TaskSetNetwork(IReadOnlyList<string> Subnets, IReadOnlyList<string> SecurityGroups, string? AssignPublicIp);
