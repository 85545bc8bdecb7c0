using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using EcsTools.LocalEcs;
using Xunit;

namespace EcsTools.Tests.LocalEcs;

public sealed class PlacementTests
{
    private static void SmallCluster(LocalEcsScene scene)
    {
        scene.CreateCluster("small");
        scene.RegisterContainerInstance("small", cpu: 1024, memory: 2048);
        scene.RegisterTaskDefinition(new LocalEcsTaskDefinition
        {
            Family = "half",
            Containers = [new LocalEcsContainer { Name = "app", Cpu = 256, Memory = 768 }],
        });
        scene.RegisterTaskDefinition(new LocalEcsTaskDefinition
        {
            Family = "port80",
            Containers = [new LocalEcsContainer { Name = "app", Cpu = 10, Memory = 10, PortMappings = [new(80, 8080)] }],
        });
    }

    [Fact]
    public async Task A_task_too_big_for_every_instance_gives_RESOURCE_MEMORY_failures_per_instance()
    {
        await using LocalEcsHarness ecs = await LocalEcsHarness.StartAsync();

        JsonObject response = await ecs.CallAsync("RunTask", """{"cluster": "demo", "taskDefinition": "big", "launchType": "EC2"}""");

        Assert.Empty(response["tasks"]!.AsArray());
        JsonObject instances = await ecs.CallAsync("ListContainerInstances", """{"cluster": "demo"}""");
        Assert.Equal(
            LocalEcsHarness.Strings(instances["containerInstanceArns"]).Order().ToArray(),
            response["failures"]!.AsArray().Select(f => (string)f!["arn"]!).Order().ToArray());
        Assert.All(response["failures"]!.AsArray(), f => Assert.Equal("RESOURCE:MEMORY", (string?)f!["reason"]));
    }

    [Fact]
    public async Task Tasks_that_fit_are_returned_beside_the_failures_and_resources_come_back_when_tasks_stop()
    {
        await using LocalEcsHarness ecs = await LocalEcsHarness.StartAsync(SmallCluster);

        JsonObject response = await ecs.CallAsync("RunTask", """{"cluster": "small", "taskDefinition": "half", "count": 3}""");

        Assert.Equal(2, response["tasks"]!.AsArray().Count);
        JsonObject failure = Assert.Single(response["failures"]!.AsArray())!.AsObject();
        Assert.Equal("RESOURCE:MEMORY", (string?)failure["reason"]);
        string instanceArn = (string)failure["arn"]!;
        Assert.All(response["tasks"]!.AsArray(), t => Assert.Equal(instanceArn, (string?)t!["containerInstanceArn"]));
        JsonObject described = await ecs.CallAsync("DescribeContainerInstances", $$"""{"cluster": "small", "containerInstances": ["{{instanceArn}}"]}""");
        JsonArray remaining = described["containerInstances"]![0]!["remainingResources"]!.AsArray();
        Assert.Equal(512, (int?)remaining.First(r => (string?)r!["name"] == "MEMORY")!["integerValue"]);
        Assert.Equal(512, (int?)remaining.First(r => (string?)r!["name"] == "CPU")!["integerValue"]);

        await ecs.CallAsync("StopTask", $$"""{"cluster": "small", "task": "{{(string)response["tasks"]![0]!["taskArn"]!}}"}""");
        JsonObject stillFull = await ecs.CallAsync("RunTask", """{"cluster": "small", "taskDefinition": "half"}""");
        Assert.Equal("RESOURCE:MEMORY", (string?)stillFull["failures"]![0]!["reason"]);

        ecs.Advance(2);
        JsonObject fits = await ecs.CallAsync("RunTask", """{"cluster": "small", "taskDefinition": "half"}""");
        Assert.Single(fits["tasks"]!.AsArray());
        Assert.Empty(fits["failures"]!.AsArray());
    }

    [Fact]
    public async Task Static_host_ports_are_a_resource_and_a_second_task_gets_RESOURCE_PORTS()
    {
        await using LocalEcsHarness ecs = await LocalEcsHarness.StartAsync(SmallCluster);

        JsonObject response = await ecs.CallAsync("RunTask", """{"cluster": "small", "taskDefinition": "port80", "count": 2}""");

        Assert.Single(response["tasks"]!.AsArray());
        Assert.Equal("RESOURCE:PORTS", (string?)response["failures"]![0]!["reason"]);
        ecs.Advance(3);
        JsonObject task = await ecs.DescribeTaskAsync((string)response["tasks"]![0]!["taskArn"]!, "small");
        JsonObject binding = task["containers"]![0]!["networkBindings"]![0]!.AsObject();
        Assert.Equal(8080, (int?)binding["hostPort"]);
        Assert.Equal(80, (int?)binding["containerPort"]);
    }

    [Fact]
    public async Task Dynamic_host_ports_come_from_the_ephemeral_range_and_differ_per_task()
    {
        await using LocalEcsHarness ecs = await LocalEcsHarness.StartAsync(scene =>
        {
            LocalEcsScenes.Demo(scene);
            scene.CreateCluster("one");
            scene.RegisterContainerInstance("one");
        });

        JsonObject response = await ecs.CallAsync("RunTask", """{"cluster": "one", "taskDefinition": "web", "count": 2}""");
        ecs.Advance(3);

        int[] ports = await Task.WhenAll(response["tasks"]!.AsArray().Select(async t =>
            (int)(await ecs.DescribeTaskAsync((string)t!["taskArn"]!, "one"))["containers"]![0]!["networkBindings"]![0]!["hostPort"]!));
        Assert.All(ports, p => Assert.InRange(p, 32768, 60999));
        Assert.NotEqual(ports[0], ports[1]);
    }

    [Fact]
    public async Task StartTask_places_one_task_per_given_instance_with_a_failure_per_instance()
    {
        await using LocalEcsHarness ecs = await LocalEcsHarness.StartAsync(SmallCluster);
        string instance = LocalEcsHarness.Strings((await ecs.CallAsync("ListContainerInstances", """{"cluster": "small"}"""))["containerInstanceArns"])[0];
        await ecs.CallAsync("StartTask", $$"""{"cluster": "small", "taskDefinition": "half", "containerInstances": ["{{instance}}"]}""");

        string unknown = "arn:aws:ecs:us-east-1:123456789012:container-instance/small/0123456789abcdef0123456789abcdef";
        JsonObject response = await ecs.CallAsync(
            "StartTask", $$"""{"cluster": "small", "taskDefinition": "half", "containerInstances": ["{{instance}}", "{{instance}}", "{{unknown}}"], "startedBy": "runner-1"}""");

        JsonObject task = Assert.Single(response["tasks"]!.AsArray())!.AsObject();
        Assert.Equal(instance, (string?)task["containerInstanceArn"]);
        Assert.Equal("runner-1", (string?)task["startedBy"]);
        Assert.Equal("EC2", (string?)task["launchType"]);
        Assert.Equal(
            [(instance, "RESOURCE:MEMORY"), (unknown, "MISSING")],
            response["failures"]!.AsArray().Select(f => ((string)f!["arn"]!, (string)f["reason"]!)).ToArray());
    }

    [Fact]
    public async Task RunTask_on_EC2_without_any_container_instance_is_InvalidParameterException()
    {
        await using LocalEcsHarness ecs = await LocalEcsHarness.StartAsync(scene =>
        {
            LocalEcsScenes.Demo(scene);
            scene.CreateCluster("empty");
        });

        await ecs.FailAsync("RunTask", """{"cluster": "empty", "taskDefinition": "batch"}""", "InvalidParameterException", "No Container Instances were found in your cluster.");
    }

    [Fact]
    public async Task Without_launch_type_the_cluster_default_strategy_puts_tasks_on_Fargate_base_first()
    {
        await using LocalEcsHarness ecs = await LocalEcsHarness.StartAsync();
        string network = """ "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-0a1b2c3d4e5f60718"], "securityGroups": ["sg-1"]}} """;

        JsonObject response = await ecs.CallAsync("RunTask", $$"""{"cluster": "demo", "taskDefinition": "fargate-web", "count": 4, {{network}} }""");

        JsonArray tasks = response["tasks"]!.AsArray();
        Assert.Equal(4, tasks.Count);
        Assert.Equal("FARGATE", (string?)tasks[0]!["capacityProviderName"]);
        Assert.Contains(tasks, t => (string?)t!["capacityProviderName"] == "FARGATE_SPOT");
        Assert.All(tasks, t =>
        {
            Assert.Equal("FARGATE", (string?)t!["launchType"]);
            Assert.Equal("1.4.0", (string?)t["platformVersion"]);
            Assert.Null(t["containerInstanceArn"]);
            JsonObject eni = t["attachments"]![0]!.AsObject();
            Assert.Equal("ElasticNetworkInterface", (string?)eni["type"]);
            string[] details = eni["details"]!.AsArray().Select(d => (string)d!["name"]!).ToArray();
            Assert.Equal(["subnetId", "networkInterfaceId", "macAddress", "privateDnsName", "privateIPv4Address"], details);
            Assert.Equal("subnet-0a1b2c3d4e5f60718", (string?)eni["details"]![0]!["value"]);
            Assert.StartsWith("eni-", (string?)eni["details"]![1]!["value"], System.StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task An_awsvpc_task_definition_needs_a_network_configuration()
    {
        await using LocalEcsHarness ecs = await LocalEcsHarness.StartAsync();

        await ecs.FailAsync(
            "RunTask",
            """{"cluster": "demo", "taskDefinition": "fargate-web", "launchType": "FARGATE"}""",
            "InvalidParameterException",
            "Network Configuration must be provided when networkMode 'awsvpc' is specified.");
        await ecs.FailAsync(
            "RunTask",
            """{"cluster": "demo", "taskDefinition": "batch", "launchType": "FARGATE", "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-1"]}}}""",
            "InvalidParameterException");
    }
}
