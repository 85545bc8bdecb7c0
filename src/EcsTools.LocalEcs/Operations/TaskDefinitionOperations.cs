using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using EcsTools.LocalEcs.Serialization;
using EcsTools.LocalEcs.State;

namespace EcsTools.LocalEcs.Operations;

/// <summary>RegisterTaskDefinition, DescribeTaskDefinition, DeregisterTaskDefinition, ListTaskDefinitions and ListTaskDefinitionFamilies.</summary>
internal static class TaskDefinitionOperations
{
    public static void Register(IDictionary<string, Func<OperationContext, JsonObject>> operations)
    {
        operations["RegisterTaskDefinition"] = RegisterTaskDefinition;
        operations["DescribeTaskDefinition"] = DescribeTaskDefinition;
        operations["DeregisterTaskDefinition"] = DeregisterTaskDefinition;
        operations["ListTaskDefinitions"] = ListTaskDefinitions;
        operations["ListTaskDefinitionFamilies"] = ListTaskDefinitionFamilies;
    }

    private static JsonObject RegisterTaskDefinition(OperationContext context)
    {
        TaskDefinitionState definition = TaskDefinitionBuilder.Build(context);
        var json = new JsonObject { ["taskDefinition"] = definition.Description.DeepClone() };
        if (definition.Tags.Count > 0)
        {
            json["tags"] = Tag.ToJson(definition.Tags);
        }

        return json;
    }

    private static JsonObject DescribeTaskDefinition(OperationContext context)
    {
        TaskDefinitionState definition = context.TaskDefinition(context.String("taskDefinition")!);
        var json = new JsonObject { ["taskDefinition"] = Describe(definition) };
        if (context.Includes("TAGS"))
        {
            json["tags"] = Tag.ToJson(definition.Tags);
        }

        return json;
    }

    private static JsonObject DeregisterTaskDefinition(OperationContext context)
    {
        string reference = context.String("taskDefinition")!;
        if (!reference.Contains(':', StringComparison.Ordinal))
        {
            throw Protocol.ServerErrors.InvalidParameter("A revision must be specified: family:revision or the full task definition ARN.");
        }

        TaskDefinitionState definition = context.TaskDefinition(reference);
        if (definition.Status == "ACTIVE")
        {
            definition.Status = "INACTIVE";
            definition.DeregisteredAt = context.Now;
        }

        return new JsonObject { ["taskDefinition"] = Describe(definition) };
    }

    private static JsonObject ListTaskDefinitions(OperationContext context)
    {
        string status = context.String("status") ?? "ACTIVE";
        string? family = context.String("familyPrefix");
        IEnumerable<TaskDefinitionState> definitions = context.Region.TaskDefinitions
            .Where(f => family is null || f.Key == family)
            .SelectMany(f => f.Value)
            .Where(d => d.Status == status)
            .OrderBy(d => d.Family, StringComparer.Ordinal)
            .ThenBy(d => d.Revision);
        if (context.String("sort") == "DESC")
        {
            definitions = definitions.Reverse();
        }

        (List<string> page, string? next) = Pagination.Page(context, definitions.Select(d => d.Arn).ToList());
        var json = new JsonObject { ["taskDefinitionArns"] = new JsonArray(page.Select(a => (JsonNode)a).ToArray()) };
        json.Set("nextToken", next);
        return json;
    }

    private static JsonObject ListTaskDefinitionFamilies(OperationContext context)
    {
        string status = context.String("status") ?? "ALL";
        string prefix = context.String("familyPrefix") ?? string.Empty;
        List<string> families = context.Region.TaskDefinitions
            .Where(f => f.Key.StartsWith(prefix, StringComparison.Ordinal))
            .Where(f => status switch
            {
                "ACTIVE" => f.Value.Any(d => d.Status == "ACTIVE"),
                "INACTIVE" => f.Value.All(d => d.Status != "ACTIVE"),
                _ => true,
            })
            .Select(f => f.Key)
            .Order(StringComparer.Ordinal)
            .ToList();
        (List<string> page, string? next) = Pagination.Page(context, families);
        var json = new JsonObject { ["families"] = new JsonArray(page.Select(a => (JsonNode)a).ToArray()) };
        json.Set("nextToken", next);
        return json;
    }

    private static JsonObject Describe(TaskDefinitionState definition)
    {
        var json = (JsonObject)definition.Description.DeepClone();
        json["status"] = definition.Status;
        json.Set("deregisteredAt", definition.DeregisteredAt);
        return json;
    }
}
