using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using EcsTools.LocalEcs.Protocol;
using EcsTools.LocalEcs.Serialization;
using EcsTools.LocalEcs.State;

namespace EcsTools.LocalEcs.Operations;

/// <summary>DescribeTasks, ListTasks and StopTask.</summary>
internal static class TaskOperations
{
    public const int MaxDescribeTasks = 100;
    public const int MaxStopReasonLength = 255;

    public static void Register(IDictionary<string, Func<OperationContext, JsonObject>> operations)
    {
        operations["DescribeTasks"] = DescribeTasks;
        operations["ListTasks"] = ListTasks;
        operations["StopTask"] = StopTask;
    }

    private static JsonObject DescribeTasks(OperationContext context)
    {
        ClusterState cluster = context.Cluster();
        List<string> ids = RequestValidation.NonEmpty(context, "tasks", "Tasks", MaxDescribeTasks);
        bool includeTags = context.Includes("TAGS");
        var tasks = new JsonArray();
        var failures = new JsonArray();
        foreach (string value in ids)
        {
            if (context.FindTask(cluster, value) is { } task)
            {
                tasks.Add(TaskWriter.Write(task, context.Now, includeTags));
            }
            else
            {
                string arn = value.StartsWith("arn:", StringComparison.Ordinal) ? value : ArnFormat.Task(context.Region, cluster.Name, value);
                failures.Add(new Failure(arn, Failure.Missing).ToJson());
            }
        }

        return new JsonObject { ["tasks"] = tasks, ["failures"] = failures };
    }

    private static JsonObject ListTasks(OperationContext context)
    {
        ClusterState cluster = context.Cluster();
        string? startedBy = context.String("startedBy");
        string[] otherFilters = ["containerInstance", "family", "serviceName", "desiredStatus", "launchType", "daemonName"];
        if (startedBy is not null && otherFilters.Any(f => context.Input[f] is not null))
        {
            throw ServerErrors.InvalidParameter("startedBy must be the only filter when it is specified.");
        }

        ContainerInstanceState? instance = null;
        if (context.String("containerInstance") is { } instanceRef)
        {
            instance = context.FindContainerInstance(cluster, instanceRef)
                ?? throw ServerErrors.InvalidParameter("The referenced container instance was not found.");
        }

        string? serviceName = null;
        if (context.String("serviceName") is { } serviceRef)
        {
            serviceName = context.Service(cluster, serviceRef).Name;
        }

        string? family = context.String("family");
        string? launchType = context.String("launchType");
        string? daemon = context.String("daemonName");
        string desiredStatus = context.String("desiredStatus") ?? TaskStatuses.Running;
        DateTimeOffset now = context.Now;
        List<string> arns = cluster.Tasks.Values
            .Where(t => t.IsVisible(now) && daemon is null)
            .Where(t => startedBy is null ? t.DesiredStatus(now) == desiredStatus : t.StartedBy == startedBy)
            .Where(t => instance is null || ReferenceEquals(t.ContainerInstance, instance))
            .Where(t => family is null || t.TaskDefinition.Family == family)
            .Where(t => serviceName is null || t.ServiceName == serviceName)
            .Where(t => launchType is null || t.LaunchType == launchType)
            .Select(t => t.Arn)
            .ToList();
        (List<string> page, string? next) = Pagination.Page(context, arns);
        var json = new JsonObject { ["taskArns"] = new JsonArray(page.Select(a => (JsonNode)a).ToArray()) };
        json.Set("nextToken", next);
        return json;
    }

    private static JsonObject StopTask(OperationContext context)
    {
        ClusterState cluster = context.Cluster();
        string? reason = context.String("reason");
        if (reason is { Length: > MaxStopReasonLength })
        {
            throw ServerErrors.InvalidParameter($"Reason can have at most {MaxStopReasonLength} characters.");
        }

        TaskState task = context.FindTask(cluster, context.String("task")!) ?? throw ServerErrors.TaskNotFound();
        if (task.Timeline.RequestStop(context.Now, TaskStatuses.UserInitiated, string.IsNullOrEmpty(reason) ? "Task stopped by user" : reason))
        {
            // ECS deletes a task's tags when it is stopped.
            task.Tags = [];
        }

        return new JsonObject { ["task"] = TaskWriter.Write(task, context.Now, includeTags: false) };
    }
}
