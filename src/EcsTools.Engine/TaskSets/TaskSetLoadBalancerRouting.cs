namespace EcsTools.Engine.TaskSets;

/// <summary>The advanced configuration of a load balancer target (blue/green deployments).</summary>
public sealed record TaskSetLoadBalancerRouting(string? AlternateTargetGroupArn, string? ProductionListenerRule, string? TestListenerRule, string? RoleArn);
