namespace EcsTools.Engine.TaskSets;

/// <summary>
/// A load balancer target of a task set: the target group (or Classic Load Balancer), and the container and port it sends
/// traffic to; <see cref="Advanced"/> for blue/green routing.
/// </summary>
public sealed record TaskSetLoadBalancer(
    string? TargetGroupArn,
    string? LoadBalancerName,
    string? ContainerName,
    int? ContainerPort,
    TaskSetLoadBalancerRouting? Advanced = null);
