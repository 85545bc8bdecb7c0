using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using EcsTools.LocalEcs;

namespace EcsTools.Tests.Commands;

/// <summary>LocalEcs scenes and shortcuts for the Get-, Wait- and Stop-EcsTask tests.</summary>
internal static class GetEcsTaskScenes
{
    public const string Cluster = LocalEcsScenes.DemoCluster;

    /// <summary>The demo scene plus <c>tiny</c>: one essential container that needs 1 CPU unit and 4 MiB, so thousands fit on the demo instances.</summary>
    public static void DemoWithTiny(LocalEcsScene scene)
    {
        LocalEcsScenes.Demo(scene);
        scene.RegisterTaskDefinition(new LocalEcsTaskDefinition
        {
            Family = "tiny",
            Containers = [new LocalEcsContainer { Name = "app", Cpu = 1, Memory = 4 }],
        });
    }

    /// <summary>
    /// Runs <paramref name="count"/> tasks on EC2 in-process (not in the request log), 10 a RunTask, with LocalEcs
    /// settings (LOCALECS_RUN_FOR, ...) for container <paramref name="container"/>; returns their ARNs.
    /// </summary>
    public static IReadOnlyList<string> Run(LocalEcsServer server, string taskDefinition, int count, string container = "app",
        IReadOnlyDictionary<string, string>? environment = null, string? startedBy = null)
    {
        var arns = new List<string>();
        while (arns.Count < count)
        {
            var request = new JsonObject
            {
                ["cluster"] = Cluster,
                ["taskDefinition"] = taskDefinition,
                ["launchType"] = "EC2",
                ["count"] = Math.Min(10, count - arns.Count),
            };
            if (startedBy is not null)
            {
                request["startedBy"] = startedBy;
            }

            if (environment is { Count: > 0 })
            {
                request["overrides"] = new JsonObject
                {
                    ["containerOverrides"] = new JsonArray(new JsonObject
                    {
                        ["name"] = container,
                        ["environment"] = new JsonArray(environment.Select(e => (JsonNode)new JsonObject { ["name"] = e.Key, ["value"] = e.Value }).ToArray()),
                    }),
                };
            }

            var response = server.Invoke("RunTask", request.ToJsonString());
            var tasks = response["tasks"]!.AsArray().Select(t => (string)t!["taskArn"]!).ToList();
            if (tasks.Count == 0)
            {
                throw new InvalidOperationException($"RunTask started no task: {response.ToJsonString()}");
            }

            arns.AddRange(tasks);
        }

        return arns;
    }

    /// <summary>The number of tasks each DescribeTasks request named, in order.</summary>
    public static int[] DescribeSizes(LocalEcsServer server) =>
        server.RequestsFor("DescribeTasks").Select(r => r.Json!["tasks"]!.AsArray().Count).ToArray();
}
