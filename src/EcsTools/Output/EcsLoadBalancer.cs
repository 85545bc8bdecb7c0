namespace EcsTools;

/// <summary>A load balancer target of a task set or service. Objects of this type bind to -LoadBalancer.</summary>
public sealed class EcsLoadBalancer
{
    public EcsLoadBalancer(string? targetGroupArn, string? loadBalancerName, string? containerName, int? containerPort)
    {
        TargetGroupArn = targetGroupArn;
        LoadBalancerName = loadBalancerName;
        ContainerName = containerName;
        ContainerPort = containerPort;
    }

    /// <summary>The Elastic Load Balancing target group (Application and Network Load Balancers).</summary>
    public string? TargetGroupArn { get; }

    /// <summary>The name of a Classic Load Balancer.</summary>
    public string? LoadBalancerName { get; }

    public string? ContainerName { get; }

    public int? ContainerPort { get; }

    public override string ToString() => $"{TargetGroupArn ?? LoadBalancerName} -> {ContainerName}:{ContainerPort}";
}
