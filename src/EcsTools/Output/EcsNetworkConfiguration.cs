using System.Collections.Generic;

namespace EcsTools;

/// <summary>The awsvpc network configuration of a task set or service: subnets, security groups, public IP.</summary>
public sealed class EcsNetworkConfiguration
{
    public EcsNetworkConfiguration(IReadOnlyList<string> subnets, IReadOnlyList<string> securityGroups, string? assignPublicIp)
    {
        Subnets = subnets;
        SecurityGroups = securityGroups;
        AssignPublicIp = assignPublicIp;
    }

    public IReadOnlyList<string> Subnets { get; }

    public IReadOnlyList<string> SecurityGroups { get; }

    /// <summary>ENABLED or DISABLED.</summary>
    public string? AssignPublicIp { get; }

    public override string ToString() =>
        $"subnets {string.Join(", ", Subnets)}; security groups {string.Join(", ", SecurityGroups)}; public IP {AssignPublicIp ?? "DISABLED"}";
}
