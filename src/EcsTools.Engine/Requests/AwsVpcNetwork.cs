using System.Collections.Generic;

namespace EcsTools.Engine.Requests;

/// <summary>
/// The awsvpc network configuration of tasks: their subnets, security groups, and whether their network interfaces get a
/// public IP address (ENABLED or DISABLED, as ECS says it).
/// </summary>
public sealed record AwsVpcNetwork(IReadOnlyList<string> Subnets, IReadOnlyList<string> SecurityGroups, string? AssignPublicIp);
