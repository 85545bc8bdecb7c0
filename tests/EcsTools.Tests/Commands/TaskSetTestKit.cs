using System.Linq;
using System.Management.Automation;
using System.Text.Json.Nodes;
using EcsTools.LocalEcs;
using EcsTools.Tests.Host;
using Xunit;

namespace EcsTools.Tests.Commands;

/// <summary>Scenes and helpers shared by the task set cmdlet tests.</summary>
internal static class TaskSetTestKit
{
    public const string Cluster = LocalEcsScenes.DemoCluster;
    public const string Service = LocalEcsScenes.DemoService;

    /// <summary>The demo scene plus <c>stuck</c> (a task definition whose tasks never settle) and <c>classic</c> (a service with the ECS controller).</summary>
    public static void Scene(LocalEcsScene scene)
    {
        LocalEcsScenes.Demo(scene);
        scene.RegisterTaskDefinition(new LocalEcsTaskDefinition
        {
            Family = "stuck",
            NetworkMode = "awsvpc",
            Cpu = "256",
            Memory = "512",
            RequiresCompatibilities = ["FARGATE"],
            Containers = [new LocalEcsContainer { Name = "web", NeverStabilize = true }],
        });
        scene.CreateService(Cluster, "classic", 1, "ECS", taskDefinition: "web", launchType: "EC2");
    }

    public static System.Threading.Tasks.Task<LocalEcsHost> StartAsync() => LocalEcsHost.StartAsync(Scene);

    /// <summary>Creates a task set in checkout without HTTP (not in the request log); returns its ARN.</summary>
    public static string CreateSet(LocalEcsServer server, double scale = 0, string taskDefinition = "fargate-web") =>
        (string)server.Invoke("CreateTaskSet", new JsonObject
        {
            ["cluster"] = Cluster,
            ["service"] = Service,
            ["taskDefinition"] = taskDefinition,
            ["launchType"] = "FARGATE",
            ["scale"] = new JsonObject { ["value"] = scale, ["unit"] = "PERCENT" },
        }.ToJsonString())["taskSet"]!["taskSetArn"]!;

    /// <summary>The task sets of checkout as LocalEcs sees them (without HTTP).</summary>
    public static JsonObject[] Sets(LocalEcsServer server) =>
        server.Invoke("DescribeTaskSets", $$"""{"cluster":"{{Cluster}}","service":"{{Service}}"}""")["taskSets"]!.AsArray()
            .Select(s => s!.AsObject()).ToArray();

    public static string Id(string arn) => string.Join('/', arn.Split('/').Skip(3));

    /// <summary>Asserts one error with this id (the cmdlet's suffix included) and category, and returns it.</summary>
    public static ErrorRecord SingleError(PsResult result, string errorId, ErrorCategory category)
    {
        var error = result.FirstError;
        Assert.NotNull(error);
        Assert.Equal(errorId, error.FullyQualifiedErrorId);
        Assert.Equal(category, error.CategoryInfo.Category);
        Assert.Single(result.ErrorIds);
        return error;
    }
}
