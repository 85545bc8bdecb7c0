using System;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using EcsTools.LocalEcs;
using Xunit;

namespace EcsTools.Tests.LocalEcs;

public sealed class TaskSetTests
{
    private const string CreateHalf =
        """{"cluster": "demo", "service": "checkout", "taskDefinition": "fargate-web", "externalId": "deploy-1", "scale": {"value": 50, "unit": "PERCENT"}, "tags": [{"key": "color", "value": "blue"}]}""";

    private static void WithStuckDefinition(LocalEcsScene scene)
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
        scene.CreateService(LocalEcsScenes.DemoCluster, "classic", 2, "ECS", taskDefinition: "web", launchType: "EC2");
    }

    private static async Task<JsonObject> DescribeSet(LocalEcsHarness ecs, string id, bool tags = false)
    {
        string include = tags ? """, "include": ["TAGS"]""" : string.Empty;
        JsonObject response = await ecs.CallAsync("DescribeTaskSets", $$"""{"cluster": "demo", "service": "checkout", "taskSets": ["{{id}}"]{{include}}}""");
        return Assert.Single(response["taskSets"]!.AsArray())!.AsObject();
    }

    [Fact]
    public async Task A_task_set_converges_one_task_per_step_to_STEADY_STATE()
    {
        await using LocalEcsHarness ecs = await LocalEcsHarness.StartAsync();

        JsonObject set = (await ecs.CallAsync("CreateTaskSet", CreateHalf))["taskSet"]!.AsObject();
        string id = (string)set["id"]!;
        Assert.Matches(@"^ecs-svc/\d{19}$", id);
        Assert.Equal($"arn:aws:ecs:us-east-1:123456789012:task-set/demo/checkout/{id}", (string?)set["taskSetArn"]);
        Assert.Equal("PRIMARY", (string?)set["status"]);
        Assert.Equal(2, (int?)set["computedDesiredCount"]);
        Assert.Equal(0, (int?)set["runningCount"]);
        Assert.Equal("STABILIZING", (string?)set["stabilityStatus"]);
        Assert.Equal("deploy-1", (string?)set["externalId"]);
        Assert.Equal("LATEST", (string?)set["platformVersion"]);
        Assert.Equal(50.0, (double?)set["scale"]!["value"]);
        Assert.Equal("subnet-0a1b2c3d4e5f60718", (string?)set["networkConfiguration"]!["awsvpcConfiguration"]!["subnets"]![0]);

        ecs.Advance(1);
        JsonObject one = await DescribeSet(ecs, id);
        Assert.Equal((1, 0), ((int)one["pendingCount"]!, (int)one["runningCount"]!));
        ecs.Advance(3);
        JsonObject partly = await DescribeSet(ecs, id);
        Assert.Equal((1, 1), ((int)partly["pendingCount"]!, (int)partly["runningCount"]!));
        Assert.Equal("STABILIZING", (string?)partly["stabilityStatus"]);
        ecs.Advance(1);
        JsonObject steady = await DescribeSet(ecs, id, tags: true);
        Assert.Equal((0, 2), ((int)steady["pendingCount"]!, (int)steady["runningCount"]!));
        Assert.Equal("STEADY_STATE", (string?)steady["stabilityStatus"]);
        Assert.Equal((double)steady["createdAt"]! + 0.5, (double)steady["stabilityStatusAt"]!, 3);
        Assert.Equal("blue", (string?)steady["tags"]![0]!["value"]);

        JsonObject service = (await ecs.CallAsync("DescribeServices", """{"cluster": "demo", "services": ["checkout"]}"""))["services"]![0]!.AsObject();
        Assert.Equal(2, (int?)service["runningCount"]);
        Assert.Equal(id, (string?)service["taskSets"]![0]!["id"]);
        Assert.Equal("arn:aws:ecs:us-east-1:123456789012:task-definition/fargate-web:1", (string?)service["taskDefinition"]);
        JsonObject tasks = await ecs.CallAsync("ListTasks", $$"""{"cluster": "demo", "startedBy": "{{id}}"}""");
        JsonObject task = await ecs.DescribeTaskAsync((string)tasks["taskArns"]![0]!);
        Assert.Equal("service:checkout", (string?)task["group"]);
    }

    [Fact]
    public async Task UpdateTaskSet_rescales_and_the_set_converges_again()
    {
        await using LocalEcsHarness ecs = await LocalEcsHarness.StartAsync();
        string id = (string)(await ecs.CallAsync("CreateTaskSet", CreateHalf))["taskSet"]!["id"]!;
        ecs.Advance(10);

        JsonObject updated = (await ecs.CallAsync("UpdateTaskSet", $$"""{"cluster": "demo", "service": "checkout", "taskSet": "{{id}}", "scale": {"value": 75, "unit": "PERCENT"} }"""))["taskSet"]!.AsObject();
        Assert.Equal(3, (int?)updated["computedDesiredCount"]);
        Assert.Equal("STABILIZING", (string?)updated["stabilityStatus"]);
        Assert.True((double)updated["updatedAt"]! > (double)updated["createdAt"]!);

        ecs.Advance(4);
        JsonObject grown = await DescribeSet(ecs, id);
        Assert.Equal(3, (int?)grown["runningCount"]);
        Assert.Equal("STEADY_STATE", (string?)grown["stabilityStatus"]);

        await ecs.CallAsync("UpdateTaskSet", $$"""{"cluster": "demo", "service": "checkout", "taskSet": "{{id}}", "scale": {"value": 0, "unit": "PERCENT"} }""");
        ecs.Advance(10);
        JsonObject empty = await DescribeSet(ecs, id);
        Assert.Equal(0, (int?)empty["runningCount"]);
        Assert.Equal("STEADY_STATE", (string?)empty["stabilityStatus"]);
        JsonObject stopped = await ecs.CallAsync("ListTasks", """{"cluster": "demo", "serviceName": "checkout", "desiredStatus": "STOPPED"}""");
        Assert.Equal(3, stopped["taskArns"]!.AsArray().Count);
    }

    [Fact]
    public async Task A_set_whose_tasks_never_stabilize_stays_STABILIZING()
    {
        await using LocalEcsHarness ecs = await LocalEcsHarness.StartAsync(WithStuckDefinition);
        string id = (string)(await ecs.CallAsync("CreateTaskSet", """{"cluster": "demo", "service": "checkout", "taskDefinition": "stuck"}"""))["taskSet"]!["id"]!;

        ecs.Advance(TimeSpan.FromMinutes(5));
        JsonObject set = await DescribeSet(ecs, id);

        Assert.Equal("STABILIZING", (string?)set["stabilityStatus"]);
        Assert.Equal(4, (int?)set["computedDesiredCount"]);
        Assert.Equal(4, (int?)set["pendingCount"]);
        Assert.Equal(0, (int?)set["runningCount"]);
    }

    [Fact]
    public async Task UpdateServicePrimaryTaskSet_swaps_the_primary_and_the_service_follows_it()
    {
        await using LocalEcsHarness ecs = await LocalEcsHarness.StartAsync();
        string blue = (string)(await ecs.CallAsync("CreateTaskSet", CreateHalf))["taskSet"]!["id"]!;
        JsonObject green = (await ecs.CallAsync("CreateTaskSet", """{"cluster": "demo", "service": "checkout", "taskDefinition": "fargate-web:1", "launchType": "FARGATE"}"""))["taskSet"]!.AsObject();
        Assert.Equal("ACTIVE", (string?)green["status"]);

        JsonObject promoted = (await ecs.CallAsync("UpdateServicePrimaryTaskSet", $$"""{"cluster": "demo", "service": "checkout", "primaryTaskSet": "{{(string)green["taskSetArn"]!}}"}"""))["taskSet"]!.AsObject();

        Assert.Equal("PRIMARY", (string?)promoted["status"]);
        Assert.Equal("ACTIVE", (string?)(await DescribeSet(ecs, blue))["status"]);
        JsonObject service = (await ecs.CallAsync("DescribeServices", """{"cluster": "demo", "services": ["checkout"]}"""))["services"]![0]!.AsObject();
        Assert.Equal("FARGATE", (string?)service["launchType"]);
        Assert.Equal(2, service["taskSets"]!.AsArray().Count);
        await ecs.CallAsync("UpdateServicePrimaryTaskSet", $$"""{"cluster": "demo", "service": "checkout", "primaryTaskSet": "{{blue}}"}""");
        Assert.Equal("PRIMARY", (string?)(await DescribeSet(ecs, blue))["status"]);
    }

    [Fact]
    public async Task DeleteTaskSet_needs_force_while_scaled_up_and_the_set_is_gone_afterwards()
    {
        await using LocalEcsHarness ecs = await LocalEcsHarness.StartAsync();
        string id = (string)(await ecs.CallAsync("CreateTaskSet", CreateHalf))["taskSet"]!["id"]!;
        ecs.Advance(6);
        string delete = $$"""{"cluster": "demo", "service": "checkout", "taskSet": "{{id}}"}""";

        await ecs.FailAsync("DeleteTaskSet", delete, "InvalidParameterException", "force");
        JsonObject deleted = (await ecs.CallAsync("DeleteTaskSet", $$"""{"cluster": "demo", "service": "checkout", "taskSet": "{{id}}", "force": true}"""))["taskSet"]!.AsObject();

        Assert.Equal("DRAINING", (string?)deleted["status"]);
        JsonObject sets = await ecs.CallAsync("DescribeTaskSets", """{"cluster": "demo", "service": "checkout"}""");
        Assert.Empty(sets["taskSets"]!.AsArray());
        JsonObject missing = await ecs.CallAsync("DescribeTaskSets", $$"""{"cluster": "demo", "service": "checkout", "taskSets": ["{{id}}"]}""");
        Assert.Equal("MISSING", (string?)missing["failures"]![0]!["reason"]);
        await ecs.FailAsync("DeleteTaskSet", delete, "TaskSetNotFoundException");
        ecs.Advance(4);
        Assert.Empty((await ecs.CallAsync("ListTasks", """{"cluster": "demo", "serviceName": "checkout"}"""))["taskArns"]!.AsArray());
    }

    [Fact]
    public async Task Task_set_operations_check_the_service_and_its_deployment_controller()
    {
        await using LocalEcsHarness ecs = await LocalEcsHarness.StartAsync(WithStuckDefinition);

        await ecs.FailAsync("CreateTaskSet", """{"cluster": "demo", "service": "classic", "taskDefinition": "web"}""", "InvalidParameterException", "EXTERNAL");
        await ecs.FailAsync("DescribeTaskSets", """{"cluster": "demo", "service": "classic"}""", "InvalidParameterException", "EXTERNAL");
        await ecs.FailAsync("CreateTaskSet", """{"cluster": "demo", "service": "nope", "taskDefinition": "web"}""", "ServiceNotFoundException");
        await ecs.FailAsync("CreateTaskSet", """{"cluster": "nope", "service": "checkout", "taskDefinition": "web"}""", "ClusterNotFoundException");
        await ecs.FailAsync("UpdateTaskSet", """{"cluster": "demo", "service": "checkout", "taskSet": "ecs-svc/1234567890123456789", "scale": {"value": 10, "unit": "PERCENT"}}""", "TaskSetNotFoundException");
        await ecs.FailAsync("UpdateServicePrimaryTaskSet", """{"cluster": "demo", "service": "checkout", "primaryTaskSet": "ecs-svc/1234567890123456789"}""", "TaskSetNotFoundException");
        await ecs.FailAsync("CreateTaskSet", """{"cluster": "demo", "service": "checkout", "taskDefinition": "fargate-web", "scale": {"value": 101, "unit": "PERCENT"}}""", "InvalidParameterException");

        await ecs.CallAsync("DeleteService", """{"cluster": "demo", "service": "checkout", "force": true}""");
        await ecs.FailAsync("CreateTaskSet", """{"cluster": "demo", "service": "checkout", "taskDefinition": "fargate-web"}""", "ServiceNotActiveException");
    }

    [Fact]
    public async Task An_ECS_controller_service_runs_its_desired_count()
    {
        await using LocalEcsHarness ecs = await LocalEcsHarness.StartAsync(WithStuckDefinition);

        ecs.Advance(5);
        JsonObject service = (await ecs.CallAsync("DescribeServices", """{"cluster": "demo", "services": ["classic"]}"""))["services"]![0]!.AsObject();

        Assert.Equal(2, (int?)service["runningCount"]);
        JsonObject deployment = service["deployments"]![0]!.AsObject();
        Assert.Equal("PRIMARY", (string?)deployment["status"]);
        Assert.Equal("COMPLETED", (string?)deployment["rolloutState"]);
        Assert.Equal("ECS", (string?)service["deploymentController"]!["type"]);
    }
}
