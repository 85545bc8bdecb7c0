using System;
using System.Collections.Generic;
using System.Linq;
using EcsTools.Engine.Model;

namespace EcsTools.Engine.TaskSets;

/// <summary>
/// The task set inputs ECS checks: the scale, and the load balancer and service registry items (hashtables or objects,
/// read from their JSON strictly: an unknown key is an error). Each refusal is an <see cref="EcsInputException"/> with
/// the error id, message and recommended action the cmdlet shows; nothing has been sent.
/// </summary>
public static class TaskSetShapes
{
    /// <summary>The highest port number.</summary>
    public const int MaxPort = 65535;

    /// <summary>The scale, a percentage of the service's desired count: InvalidScale unless from 0 to 100.</summary>
    public static double Scale(double percent)
    {
        if (!TaskSetRules.IsValidScale(percent))
        {
            throw new EcsInputException(ErrorIds.InvalidScale,
                InputMessages.InvalidScale(percent),
                InputMessages.InvalidScaleAction, percent);
        }

        return percent;
    }

    /// <summary>The -LoadBalancer items: each has a target group ARN or a load balancer name, and a container name and port.</summary>
    public static IReadOnlyList<TaskSetLoadBalancer> LoadBalancers(IReadOnlyList<string> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var loadBalancers = EcsInput.ReadAll<LoadBalancer>(items, "LoadBalancer", ErrorIds.InvalidLoadBalancer);
        foreach (var lb in loadBalancers)
        {
            if (string.IsNullOrWhiteSpace(lb.TargetGroupArn) && string.IsNullOrWhiteSpace(lb.LoadBalancerName))
            {
                throw new EcsInputException(ErrorIds.InvalidLoadBalancer, InputMessages.LoadBalancerWithoutTarget,
                    InputMessages.LoadBalancerWithoutTargetAction, lb.ContainerName);
            }

            if (string.IsNullOrWhiteSpace(lb.ContainerName) || lb.ContainerPort is null)
            {
                throw new EcsInputException(ErrorIds.InvalidLoadBalancer,
                    InputMessages.LoadBalancerWithoutContainer(lb.TargetGroupArn ?? lb.LoadBalancerName),
                    InputMessages.LoadBalancerWithoutContainerAction, lb.TargetGroupArn ?? lb.LoadBalancerName);
            }

            CheckPort(lb.ContainerPort, "LoadBalancer", "ContainerPort", ErrorIds.InvalidLoadBalancer);
        }

        return loadBalancers.Select(b => new TaskSetLoadBalancer(b.TargetGroupArn, b.LoadBalancerName, b.ContainerName, b.ContainerPort,
            b.AdvancedConfiguration is { } a ? new TaskSetLoadBalancerRouting(a.AlternateTargetGroupArn, a.ProductionListenerRule, a.TestListenerRule, a.RoleArn) : null))
            .ToList();
    }

    /// <summary>The -ServiceRegistry items: each has a registry ARN; ports are port numbers.</summary>
    public static IReadOnlyList<TaskSetServiceRegistry> ServiceRegistries(IReadOnlyList<string> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var registries = EcsInput.ReadAll<ServiceRegistry>(items, "ServiceRegistry", ErrorIds.InvalidServiceRegistry);
        foreach (var registry in registries)
        {
            if (string.IsNullOrWhiteSpace(registry.RegistryArn))
            {
                throw new EcsInputException(ErrorIds.InvalidServiceRegistry, InputMessages.ServiceRegistryWithoutArn,
                    InputMessages.ServiceRegistryWithoutArnAction);
            }

            CheckPort(registry.Port, "ServiceRegistry", "Port", ErrorIds.InvalidServiceRegistry);
            CheckPort(registry.ContainerPort, "ServiceRegistry", "ContainerPort", ErrorIds.InvalidServiceRegistry);
        }

        return registries.Select(r => new TaskSetServiceRegistry(r.RegistryArn, r.Port, r.ContainerName, r.ContainerPort)).ToList();
    }

    private static void CheckPort(int? port, string parameter, string member, string errorId)
    {
        if (port is < 0 or > MaxPort)
        {
            throw new EcsInputException(errorId, InputMessages.InvalidPort(parameter, member, port), InputMessages.InvalidPortAction(), port);
        }
    }
}
