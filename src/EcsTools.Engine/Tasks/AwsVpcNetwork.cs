using System.Collections.Generic;

namespace EcsTools.Engine.Tasks;

/// <summary>The awsvpc network interface of a task: its subnets, security groups and whether it gets a public IP address.</summary>
public sealed record AwsVpcNetwork(IReadOnlyList<string> Subnets, IReadOnlyList<string>? SecurityGroups, bool AssignPublicIp);
