using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using EcsTools.LocalEcs.State;

namespace EcsTools.LocalEcs.Operations;

/// <summary>What a container instance has given to the tasks it holds at a given time.</summary>
internal readonly record struct InstanceUsage(int Cpu, int Memory, IReadOnlyList<int> Ports, int Running, int Pending, int Placements);

/// <summary>What one task needs from a container instance.</summary>
internal sealed record ResourceDemand(int Cpu, int Memory, IReadOnlyList<int> Ports);

/// <summary>
/// EC2 placement: each container instance registered CPU, MEMORY and PORTS; the tasks on it that have not reached
/// STOPPED hold their share. A task goes to the best instance it fits on under the placement strategy; when it fits
/// on none, each instance gives a failure with its first missing resource (RESOURCE:CPU, RESOURCE:MEMORY, RESOURCE:PORTS).
/// </summary>
internal static class Placement
{
    public const int FirstDynamicPort = 32768;
    public const int LastDynamicPort = 60999;

    public static InstanceUsage Usage(ContainerInstanceState instance, DateTimeOffset now)
    {
        int cpu = 0, memory = 0, running = 0, pending = 0, placements = 0;
        var ports = new List<int>();
        foreach (TaskState task in instance.Cluster.Tasks.Values)
        {
            if (!ReferenceEquals(task.ContainerInstance, instance))
            {
                continue;
            }

            placements++;
            if (!task.HoldsResources(now))
            {
                continue;
            }

            cpu += task.Cpu;
            memory += task.Memory;
            ports.AddRange(task.ReservedPorts);
            string status = task.LastStatus(now);
            running += status == TaskStatuses.Running ? 1 : 0;
            pending += TaskStatuses.IsBeforeRunning(status) ? 1 : 0;
        }

        return new InstanceUsage(cpu, memory, ports, running, pending, placements);
    }

    /// <summary>Why the task does not fit on the instance (RESOURCE:CPU, RESOURCE:MEMORY, RESOURCE:PORTS), or null when it fits.</summary>
    public static string? Misfit(ContainerInstanceState instance, ResourceDemand demand, DateTimeOffset now)
    {
        InstanceUsage usage = Usage(instance, now);
        if (usage.Cpu + demand.Cpu > instance.Cpu)
        {
            return "RESOURCE:CPU";
        }

        if (usage.Memory + demand.Memory > instance.Memory)
        {
            return "RESOURCE:MEMORY";
        }

        var taken = new HashSet<int>(instance.ReservedPorts.Concat(usage.Ports));
        return demand.Ports.Any(taken.Contains) || demand.Ports.Distinct().Count() != demand.Ports.Count ? "RESOURCE:PORTS" : null;
    }

    /// <summary>
    /// Picks the instance for one task among <paramref name="candidates"/>; adds the failures to <paramref name="failures"/>
    /// (once per instance and reason) when none fits.
    /// </summary>
    public static ContainerInstanceState? Choose(
        OperationContext context,
        IReadOnlyList<ContainerInstanceState> candidates,
        ResourceDemand demand,
        JsonArray? strategies,
        ISet<ContainerInstanceState> excluded,
        List<Failure> failures)
    {
        var fitting = new List<ContainerInstanceState>();
        var misfits = new List<Failure>();
        foreach (ContainerInstanceState instance in candidates)
        {
            string? reason = instance.Status != "ACTIVE" ? "INACTIVE"
                : excluded.Contains(instance) ? "DistinctInstance placement constraint unsatisfied."
                : Misfit(instance, demand, context.Now);
            if (reason is null)
            {
                fitting.Add(instance);
            }
            else
            {
                misfits.Add(new Failure(instance.Arn, reason));
            }
        }

        if (fitting.Count == 0)
        {
            foreach (Failure failure in misfits.Where(f => !failures.Contains(f)))
            {
                failures.Add(failure);
            }

            return null;
        }

        return Best(context, fitting, strategies);
    }

    private static ContainerInstanceState Best(OperationContext context, List<ContainerInstanceState> fitting, JsonArray? strategies)
    {
        IEnumerable<ContainerInstanceState> ordered = fitting;
        IOrderedEnumerable<ContainerInstanceState>? sorted = null;
        JsonArray rules = strategies is { Count: > 0 } ? strategies : [new JsonObject { ["type"] = "spread", ["field"] = "instanceId" }];
        foreach (JsonNode? rule in rules)
        {
            string type = (string?)rule?["type"] ?? "random";
            string field = ((string?)rule?["field"] ?? string.Empty).ToUpperInvariant();
            Func<ContainerInstanceState, double> key = type switch
            {
                "binpack" when field == "CPU" => i => i.Cpu - Usage(i, context.Now).Cpu,
                "binpack" => i => i.Memory - Usage(i, context.Now).Memory,
                "spread" when field is "INSTANCEID" or "HOST" => i => Usage(i, context.Now).Running + Usage(i, context.Now).Pending,
                "spread" => i => fitting.Where(o => o.AvailabilityZone == i.AvailabilityZone)
                    .Sum(o => Usage(o, context.Now).Running + Usage(o, context.Now).Pending),
                _ => _ => context.Ids.Next(1000),
            };
            sorted = sorted is null ? ordered.OrderBy(key) : sorted.ThenBy(key);
        }

        return (sorted ?? ordered).First();
    }
}
