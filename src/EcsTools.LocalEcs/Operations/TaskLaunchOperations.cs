using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using EcsTools.LocalEcs.Protocol;
using EcsTools.LocalEcs.Serialization;
using EcsTools.LocalEcs.State;

namespace EcsTools.LocalEcs.Operations;

/// <summary>RunTask (placement by ECS, client-token idempotency) and StartTask (placement on given instances).</summary>
internal static class TaskLaunchOperations
{
    public const int MaxCount = 10;
    public const int MaxStartTaskInstances = 10;

    public static void Register(IDictionary<string, Func<OperationContext, JsonObject>> operations)
    {
        operations["RunTask"] = RunTask;
        operations["StartTask"] = StartTask;
    }

    private static JsonObject RunTask(OperationContext context)
    {
        ClusterState cluster = context.Cluster();
        TaskDefinitionState definition = context.TaskDefinition(context.String("taskDefinition")!, activeOnly: true);
        int count = context.Int("count") ?? 1;
        if (count is < 1 or > MaxCount)
        {
            throw ServerErrors.InvalidParameter($"count must be between 1 and {MaxCount}.");
        }

        string? clientToken = RequestValidation.ClientToken(context.String("clientToken"), 64);
        string? startedBy = RequestValidation.StartedBy(context.String("startedBy"), 128);
        List<Tag> tags = RequestValidation.Tags(context.Array("tags"));
        JsonObject? overrides = context.Object("overrides");
        RequestValidation.Overrides(overrides, definition);
        bool distinctInstance = PlacementRules(context);
        if (context.String("referenceId") is { Length: > 1024 })
        {
            throw ServerErrors.InvalidParameter("referenceId can have at most 1024 characters.");
        }

        // A retry with the same client token and the same parameters gets the tasks the token already started.
        string fingerprint = JsonCanonical.Fingerprint(context.Input, "clientToken");
        if (clientToken is not null && context.Region.RunTaskTokens.TryGetValue(clientToken, out RunTaskToken? previous))
        {
            if (previous.Fingerprint != fingerprint)
            {
                throw ServerErrors.Conflict(
                    "The specified client token has already been used in a request with different parameters.",
                    previous.Tasks.Select(t => t.Arn).ToList());
            }

            return Response(previous.Tasks, previous.Failures, context.Now);
        }

        LaunchChoice choice = LaunchPlanner.Resolve(cluster, context.String("launchType"), context.Array("capacityProviderStrategy"));
        if (choice.LaunchType == "EXTERNAL")
        {
            // LocalEcs registers EC2-like container instances only; there are never EXTERNAL (ECS Anywhere) ones.
            throw ServerErrors.InvalidParameter("No Container Instances were found in your cluster.");
        }

        List<LaunchSlot> slots = LaunchPlanner.Assign(choice, count);
        JsonObject? network = context.Object("networkConfiguration");
        TaskFactory.Validate(definition, network, slots.Any(s => s.IsFargate), slots.Any(s => !s.IsFargate), context.String("platformVersion"));
        if (slots.Any(s => !s.IsFargate) && !cluster.ContainerInstances.Values.Any(i => i.Status == "ACTIVE"))
        {
            throw ServerErrors.InvalidParameter("No Container Instances were found in your cluster.");
        }

        if (context.String("propagateTags") == "TASK_DEFINITION")
        {
            tags = [.. definition.Tags.Where(t => tags.All(g => g.Key != t.Key)), .. tags];
        }

        if (context.Bool("enableECSManagedTags"))
        {
            tags.Add(new Tag("aws:ecs:clusterName", cluster.Name));
        }

        var request = new TaskLaunchRequest
        {
            Cluster = cluster,
            TaskDefinition = definition,
            Overrides = overrides,
            NetworkConfiguration = network,
            Group = context.String("group") ?? "family:" + definition.Family,
            StartedBy = startedBy,
            Tags = tags,
            PlatformVersion = context.String("platformVersion"),
            EnableExecuteCommand = context.Bool("enableExecuteCommand"),
            PlacementStrategy = context.Array("placementStrategy"),
            DistinctInstance = distinctInstance,
        };
        var failures = new List<Failure>();
        List<TaskState> tasks = TaskFactory.Launch(context, request, slots, context.Now, failures);
        if (clientToken is not null)
        {
            context.Region.RunTaskTokens[clientToken] = new RunTaskToken(fingerprint, tasks, failures);
        }

        return Response(tasks, failures, context.Now);
    }

    private static JsonObject StartTask(OperationContext context)
    {
        ClusterState cluster = context.Cluster();
        TaskDefinitionState definition = context.TaskDefinition(context.String("taskDefinition")!, activeOnly: true);
        List<string> instances = RequestValidation.NonEmpty(context, "containerInstances", "Container instances", MaxStartTaskInstances);
        string? startedBy = RequestValidation.StartedBy(context.String("startedBy"), 36);
        List<Tag> tags = RequestValidation.Tags(context.Array("tags"));
        JsonObject? overrides = context.Object("overrides");
        RequestValidation.Overrides(overrides, definition);
        JsonObject? network = context.Object("networkConfiguration");
        TaskFactory.Validate(definition, network, anyFargate: false, anyEc2: true, platformVersion: null);
        if (context.String("propagateTags") == "TASK_DEFINITION")
        {
            tags = [.. definition.Tags.Where(t => tags.All(g => g.Key != t.Key)), .. tags];
        }

        if (context.Bool("enableECSManagedTags"))
        {
            tags.Add(new Tag("aws:ecs:clusterName", cluster.Name));
        }

        var request = new TaskLaunchRequest
        {
            Cluster = cluster,
            TaskDefinition = definition,
            Overrides = overrides,
            NetworkConfiguration = network,
            Group = context.String("group") ?? "family:" + definition.Family,
            StartedBy = startedBy,
            Tags = tags,
            EnableExecuteCommand = context.Bool("enableExecuteCommand"),
        };
        var tasks = new List<TaskState>();
        var failures = new List<Failure>();
        ResourceDemand demand = TaskFactory.Demand(request);
        var slot = new LaunchSlot("EC2", null);
        for (int i = 0; i < instances.Count; i++)
        {
            ContainerInstanceState? instance = context.FindContainerInstance(cluster, instances[i]);
            string arn = instances[i].StartsWith("arn:", StringComparison.Ordinal)
                ? instances[i]
                : ArnFormat.ContainerInstance(context.Region, cluster.Name, instances[i]);
            string? reason = instance is null ? Failure.Missing
                : instance.Status != "ACTIVE" ? "INACTIVE"
                : Placement.Misfit(instance, demand, context.Now);
            if (reason is not null)
            {
                failures.Add(new Failure(arn, reason));
                continue;
            }

            tasks.Add(TaskFactory.Create(context, request, slot, instance, i, context.Now));
        }

        return Response(tasks, failures, context.Now);
    }

    // placementConstraints (at most 10; distinctInstance and memberOf) and placementStrategy (at most 5).
    private static bool PlacementRules(OperationContext context)
    {
        JsonArray constraints = context.Array("placementConstraints") ?? [];
        if (constraints.Count > 10)
        {
            throw ServerErrors.InvalidParameter("placementConstraints can have at most 10 items.");
        }

        if ((context.Array("placementStrategy")?.Count ?? 0) > 5)
        {
            throw ServerErrors.InvalidParameter("placementStrategy can have at most 5 items.");
        }

        foreach (JsonNode? strategy in context.Array("placementStrategy") ?? [])
        {
            string? type = (string?)strategy?["type"];
            string? field = (string?)strategy?["field"];
            if (type == "binpack" && field?.ToUpperInvariant() is not ("CPU" or "MEMORY"))
            {
                throw ServerErrors.InvalidParameter("The binpack placement strategy needs the field cpu or memory.");
            }

            if (type == "spread" && string.IsNullOrEmpty(field))
            {
                throw ServerErrors.InvalidParameter("The spread placement strategy needs a field.");
            }
        }

        return constraints.Any(c => (string?)c?["type"] == "distinctInstance");
    }

    private static JsonObject Response(IEnumerable<TaskState> tasks, IEnumerable<Failure> failures, DateTimeOffset now) => new()
    {
        ["tasks"] = new JsonArray(tasks.Where(t => t.IsVisible(now)).Select(t => (JsonNode)TaskWriter.Write(t, now, includeTags: true)).ToArray()),
        ["failures"] = new JsonArray(failures.Select(f => (JsonNode)f.ToJson()).ToArray()),
    };
}
