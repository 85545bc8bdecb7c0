using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using EcsTools.Engine.Model;
using EcsTools.Engine;
using EcsTools.Engine.TaskSets;

namespace EcsTools.Input;

/// <summary>The client-side checks of the task set cmdlets' parameters: scale, load balancers, registries, waiting.</summary>
internal static class TaskSetInput
{
    /// <summary>The -Timeout default: what the ECS ServicesStable waiter allows (40 polls 15 seconds apart).</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(10);

    /// <summary>The percentage, checked against the ECS limits (<see cref="TaskSetRules.IsValidScale"/>).</summary>
    public static double ToScale(double percent)
    {
        if (!TaskSetRules.IsValidScale(percent))
        {
            throw new InputValidationException("InvalidScale",
                $"-Scale is {percent.ToString(CultureInfo.InvariantCulture)}; it is a percentage of the service's desired count, from 0 to 100.",
                "Pass -Scale from 0 (no tasks) to 100 (as many tasks as the service's desired count).", percent);
        }

        return percent;
    }

    public static string Describe(double percent) => percent.ToString("0.##", CultureInfo.InvariantCulture) + " percent";

    public static List<TaskSetLoadBalancer> ReadLoadBalancers(object[] items)
    {
        var loadBalancers = StructuredInput.ReadAll<LoadBalancer>(items, "LoadBalancer", "InvalidLoadBalancer");
        foreach (var lb in loadBalancers)
        {
            if (string.IsNullOrWhiteSpace(lb.TargetGroupArn) && string.IsNullOrWhiteSpace(lb.LoadBalancerName))
            {
                throw new InputValidationException("InvalidLoadBalancer", "-LoadBalancer: an item has neither TargetGroupArn nor LoadBalancerName.",
                    "Give each item the TargetGroupArn of an Application or Network Load Balancer target group, e.g. "
                    + "@{TargetGroupArn='arn:aws:elasticloadbalancing:...'; ContainerName='web'; ContainerPort=80}.", lb.ContainerName);
            }

            if (string.IsNullOrWhiteSpace(lb.ContainerName) || lb.ContainerPort is null)
            {
                throw new InputValidationException("InvalidLoadBalancer",
                    $"-LoadBalancer: '{lb.TargetGroupArn ?? lb.LoadBalancerName}' needs ContainerName and ContainerPort: the container and port the load balancer sends traffic to.",
                    "Add ContainerName (as in the task definition) and ContainerPort to the item.", lb.TargetGroupArn ?? lb.LoadBalancerName);
            }

            CheckPort(lb.ContainerPort, "LoadBalancer", "ContainerPort", "InvalidLoadBalancer");
        }

        return loadBalancers.Select(b => new TaskSetLoadBalancer(b.TargetGroupArn, b.LoadBalancerName, b.ContainerName, b.ContainerPort,
            b.AdvancedConfiguration is { } a ? new TaskSetLoadBalancerRouting(a.AlternateTargetGroupArn, a.ProductionListenerRule, a.TestListenerRule, a.RoleArn) : null))
            .ToList();
    }

    public static List<TaskSetServiceRegistry> ReadServiceRegistries(object[] items)
    {
        var registries = StructuredInput.ReadAll<ServiceRegistry>(items, "ServiceRegistry", "InvalidServiceRegistry");
        foreach (var registry in registries)
        {
            if (string.IsNullOrWhiteSpace(registry.RegistryArn))
            {
                throw new InputValidationException("InvalidServiceRegistry", "-ServiceRegistry: an item has no RegistryArn.",
                    "Give each item the RegistryArn of an AWS Cloud Map service, e.g. @{RegistryArn='arn:aws:servicediscovery:...'}.");
            }

            CheckPort(registry.Port, "ServiceRegistry", "Port", "InvalidServiceRegistry");
            CheckPort(registry.ContainerPort, "ServiceRegistry", "ContainerPort", "InvalidServiceRegistry");
        }

        return registries.Select(r => new TaskSetServiceRegistry(r.RegistryArn, r.Port, r.ContainerName, r.ContainerPort)).ToList();
    }

    // The shared readers of -Tag, -CapacityProviderStrategy and -Subnet/-SecurityGroup still give ECS shapes: the records they stand for.
    public static List<ResourceTag> ToTags(List<Tag> tags) => tags.Select(t => new ResourceTag(t.Key ?? "", t.Value ?? "")).ToList();

    public static List<CapacityProviderShare> ToShares(List<CapacityProviderStrategyItem> strategy) =>
        strategy.Select(i => new CapacityProviderShare(i.CapacityProvider ?? "", i.Weight, i.Base)).ToList();

    public static AwsVpcNetwork? ToNetwork(NetworkConfiguration? network) => network?.AwsvpcConfiguration is { } vpc
        ? new AwsVpcNetwork(vpc.Subnets ?? [], vpc.SecurityGroups, vpc.AssignPublicIp == "ENABLED")
        : null;

    private static void CheckPort(int? port, string parameter, string member, string errorId)
    {
        if (port is < 0 or > 65535)
        {
            throw new InputValidationException(errorId, $"-{parameter}: {member} {port} is not a port number.", "Use a port from 0 to 65535.", port);
        }
    }
}
