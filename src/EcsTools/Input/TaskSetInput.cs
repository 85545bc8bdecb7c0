using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using EcsTools.Engine;
using EcsTools.Engine.TaskSets;
using EcsTools.Errors;

namespace EcsTools.Input;

/// <summary>The client-side checks of the task set cmdlets' parameters: scale, load balancers, registries, waiting.</summary>
internal static class TaskSetInput
{
    /// <summary>The -Timeout default: what the ECS ServicesStable waiter allows (40 polls 15 seconds apart).</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(10);

    /// <summary>The percentage, checked against the ECS limits (<see cref="TaskSetShapes.Scale"/>).</summary>
    public static double ToScale(double percent) => Checked(() => TaskSetShapes.Scale(percent), null);

    public static string Describe(double percent) => percent.ToString("0.##", CultureInfo.InvariantCulture) + " percent";

    public static List<TaskSetLoadBalancer> ReadLoadBalancers(object[] items) =>
        [.. Checked(() => TaskSetShapes.LoadBalancers(StructuredInput.JsonAll(items, "LoadBalancer", ErrorIds.InvalidLoadBalancer)!), items)];

    public static List<TaskSetServiceRegistry> ReadServiceRegistries(object[] items) =>
        [.. Checked(() => TaskSetShapes.ServiceRegistries(StructuredInput.JsonAll(items, "ServiceRegistry", ErrorIds.InvalidServiceRegistry)!), items)];

    // The engine's refusal as the cmdlet's input error; an item it could not read is named by what the user gave.
    private static T Checked<T>(Func<T> read, object[]? items)
    {
        try
        {
            return read();
        }
        catch (EcsInputException e)
        {
            var target = e.ItemIndex is { } index && items is not null ? items.Where(i => i is not null).ElementAt(index) : e.Target;
            throw new InputValidationException(e.ErrorId!, e.Message, e.RecommendedAction!, target);
        }
    }
}
