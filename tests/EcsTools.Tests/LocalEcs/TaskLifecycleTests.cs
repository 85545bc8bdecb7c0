using System;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using EcsTools.LocalEcs;
using Xunit;

namespace EcsTools.Tests.LocalEcs;

public sealed class TaskLifecycleTests
{
    private static void Scripted(LocalEcsScene scene)
    {
        LocalEcsScenes.Demo(scene);
        scene.RegisterTaskDefinition(new LocalEcsTaskDefinition
        {
            Family = "job",
            Containers =
            [
                new LocalEcsContainer { Name = "main", Memory = 128, RunFor = TimeSpan.FromMilliseconds(500), ExitCode = 3 },
                new LocalEcsContainer { Name = "sidecar", Memory = 64, Essential = false },
            ],
        });
        scene.RegisterTaskDefinition(new LocalEcsTaskDefinition
        {
            Family = "vanishing",
            Containers = [new LocalEcsContainer { Name = "main", Memory = 128, MissingAfter = TimeSpan.FromSeconds(1) }],
        });
        scene.RegisterTaskDefinition(new LocalEcsTaskDefinition
        {
            Family = "slow-steps",
            Containers = [new LocalEcsContainer { Name = "main", Memory = 128, StepInterval = TimeSpan.FromSeconds(1) }],
        });
    }

    [Fact]
    public async Task A_task_moves_from_PROVISIONING_to_RUNNING_one_step_at_a_time()
    {
        await using LocalEcsHarness ecs = await LocalEcsHarness.StartAsync();
        JsonObject created = await ecs.RunOneAsync("web");
        string arn = (string)created["taskArn"]!;
        Assert.Equal("PROVISIONING", (string?)created["lastStatus"]);
        Assert.Equal("RUNNING", (string?)created["desiredStatus"]);
        Assert.Equal(1L, (long?)created["version"]);
        Assert.Equal("family:web", (string?)created["group"]);
        Assert.Null(created["pullStartedAt"]);

        string[] expected = ["PENDING", "ACTIVATING", "RUNNING", "RUNNING"];
        for (int step = 0; step < expected.Length; step++)
        {
            ecs.Advance(1);
            JsonObject task = await ecs.DescribeTaskAsync(arn);
            Assert.Equal(expected[step], (string?)task["lastStatus"]);
            Assert.Equal(Math.Min(step + 2, 4), (long?)task["version"]);
        }

        JsonObject running = await ecs.DescribeTaskAsync(arn);
        double created0 = (double)running["createdAt"]!;
        Assert.Equal(created0 + 0.1, (double)running["pullStartedAt"]!, 3);
        Assert.Equal(created0 + 0.2, (double)running["pullStoppedAt"]!, 3);
        Assert.Equal(created0 + 0.3, (double)running["startedAt"]!, 3);
        Assert.Equal("CONNECTED", (string?)running["connectivity"]);
        Assert.StartsWith("us-east-1", (string?)running["availabilityZone"], StringComparison.Ordinal);
        Assert.Equal("576", (string?)running["memory"]);
        JsonArray containers = running["containers"]!.AsArray();
        Assert.Equal(["web", "log-router"], containers.Select(c => (string)c!["name"]!).ToArray());
        Assert.All(containers, c =>
        {
            Assert.Equal("RUNNING", (string?)c!["lastStatus"]);
            Assert.Null(c["exitCode"]);
            Assert.Equal(arn, (string?)c["taskArn"]);
            Assert.Matches(@"^arn:aws:ecs:us-east-1:123456789012:container/demo/[0-9a-f]{32}/[0-9a-f-]{36}$", (string?)c["containerArn"]);
        });
        Assert.Matches(@"^arn:aws:ecs:us-east-1:123456789012:task/demo/[0-9a-f]{32}$", arn);
    }

    [Fact]
    public async Task A_scripted_exit_stops_the_task_with_the_exit_codes_and_EssentialContainerExited()
    {
        await using LocalEcsHarness ecs = await LocalEcsHarness.StartAsync(Scripted);
        string arn = (string)(await ecs.RunOneAsync("job"))["taskArn"]!;

        ecs.Advance(3 + 5);
        JsonObject exiting = await ecs.DescribeTaskAsync(arn);
        Assert.Equal("RUNNING", (string?)exiting["lastStatus"]);
        Assert.Equal("STOPPED", (string?)exiting["desiredStatus"]);
        Assert.Equal("EssentialContainerExited", (string?)exiting["stopCode"]);

        string[] expected = ["DEACTIVATING", "STOPPING", "DEPROVISIONING", "STOPPED"];
        foreach (string status in expected)
        {
            ecs.Advance(1);
            Assert.Equal(status, (string?)(await ecs.DescribeTaskAsync(arn))["lastStatus"]);
        }

        JsonObject stopped = await ecs.DescribeTaskAsync(arn);
        Assert.Equal("Essential container in task exited", (string?)stopped["stoppedReason"]);
        Assert.NotNull(stopped["stoppingAt"]);
        Assert.NotNull(stopped["executionStoppedAt"]);
        Assert.NotNull(stopped["stoppedAt"]);
        Assert.Equal(9L, (long?)stopped["version"]);
        JsonArray containers = stopped["containers"]!.AsArray();
        Assert.Equal(3, (int?)containers[0]!["exitCode"]);
        Assert.Equal(143, (int?)containers[1]!["exitCode"]);
        Assert.All(containers, c => Assert.Equal("STOPPED", (string?)c!["lastStatus"]));
    }

    [Fact]
    public async Task A_task_that_fails_to_start_stops_with_TaskFailedToStart_and_never_runs()
    {
        await using LocalEcsHarness ecs = await LocalEcsHarness.StartAsync();
        string arn = (string)(await ecs.RunOneAsync("bad-image"))["taskArn"]!;

        ecs.Advance(1);
        Assert.Equal("PENDING", (string?)(await ecs.DescribeTaskAsync(arn))["lastStatus"]);
        ecs.Advance(1);
        JsonObject task = await ecs.DescribeTaskAsync(arn);

        Assert.Equal("STOPPED", (string?)task["lastStatus"]);
        Assert.Equal("STOPPED", (string?)task["desiredStatus"]);
        Assert.Equal("TaskFailedToStart", (string?)task["stopCode"]);
        Assert.Equal(LocalEcsScenes.BadImageReason, (string?)task["stoppedReason"]);
        Assert.Null(task["startedAt"]);
        JsonObject container = task["containers"]![0]!.AsObject();
        Assert.Equal("STOPPED", (string?)container["lastStatus"]);
        Assert.Equal(LocalEcsScenes.BadImageReason, (string?)container["reason"]);
        Assert.Null(container["exitCode"]);
    }

    [Fact]
    public async Task A_task_scripted_to_go_missing_is_a_MISSING_failure_afterwards()
    {
        await using LocalEcsHarness ecs = await LocalEcsHarness.StartAsync(Scripted);
        string arn = (string)(await ecs.RunOneAsync("vanishing"))["taskArn"]!;
        ecs.Advance(9);
        Assert.Equal("RUNNING", (string?)(await ecs.DescribeTaskAsync(arn))["lastStatus"]);

        ecs.Advance(1);
        JsonObject described = await ecs.CallAsync("DescribeTasks", $$"""{"cluster": "demo", "tasks": ["{{arn}}"]}""");
        JsonObject listed = await ecs.CallAsync("ListTasks", """{"cluster": "demo", "family": "vanishing"}""");

        Assert.Empty(described["tasks"]!.AsArray());
        Assert.Equal(arn, (string?)described["failures"]![0]!["arn"]);
        Assert.Equal("MISSING", (string?)described["failures"]![0]!["reason"]);
        Assert.Empty(listed["taskArns"]!.AsArray());
        await ecs.FailAsync("StopTask", $$"""{"cluster": "demo", "task": "{{arn}}"}""", "InvalidParameterException", "The referenced task was not found.");
    }

    [Fact]
    public async Task StopTask_sets_desiredStatus_at_once_then_stops_on_the_clock_and_removes_tags()
    {
        await using LocalEcsHarness ecs = await LocalEcsHarness.StartAsync();
        string arn = (string)(await ecs.RunOneAsync("web", """ "launchType": "EC2", "tags": [{"key": "team", "value": "web"}] """))["taskArn"]!;
        ecs.Advance(3);

        JsonObject response = await ecs.CallAsync("StopTask", $$"""{"cluster": "demo", "task": "{{arn}}", "reason": "deploying v2"}""");
        JsonObject stopping = response["task"]!.AsObject();
        Assert.Equal("RUNNING", (string?)stopping["lastStatus"]);
        Assert.Equal("STOPPED", (string?)stopping["desiredStatus"]);
        Assert.Equal("UserInitiated", (string?)stopping["stopCode"]);

        ecs.Advance(4);
        JsonObject stopped = await ecs.DescribeTaskAsync(arn, tags: true);
        Assert.Equal("STOPPED", (string?)stopped["lastStatus"]);
        Assert.Equal("deploying v2", (string?)stopped["stoppedReason"]);
        Assert.All(stopped["containers"]!.AsArray(), c => Assert.Equal(143, (int?)c!["exitCode"]));
        Assert.Null(stopped["tags"]);
    }

    [Fact]
    public async Task StopTask_of_an_unknown_task_or_with_a_long_reason_is_InvalidParameterException()
    {
        await using LocalEcsHarness ecs = await LocalEcsHarness.StartAsync();
        string arn = (string)(await ecs.RunOneAsync("web"))["taskArn"]!;

        await ecs.FailAsync("StopTask", """{"cluster": "demo", "task": "0123456789abcdef0123456789abcdef"}""", "InvalidParameterException", "The referenced task was not found.");
        await ecs.FailAsync("StopTask", LocalEcsHarness.Json(new { cluster = "demo", task = arn, reason = new string('r', 256) }), "InvalidParameterException");
        await ecs.CallAsync("StopTask", LocalEcsHarness.Json(new { cluster = "demo", task = arn, reason = new string('r', 255) }));
    }

    [Fact]
    public async Task Container_override_environment_scripts_a_single_run()
    {
        await using LocalEcsHarness ecs = await LocalEcsHarness.StartAsync();
        string overrides = """
            "launchType": "EC2",
            "overrides": {"containerOverrides": [{"name": "web", "environment": [
                {"name": "LOCALECS_RUN_FOR", "value": "200ms"}, {"name": "LOCALECS_EXIT_CODE", "value": "7"}]}]}
            """;
        string arn = (string)(await ecs.RunOneAsync("web", overrides))["taskArn"]!;

        ecs.Advance(3 + 2 + 4);
        JsonObject task = await ecs.DescribeTaskAsync(arn);

        Assert.Equal("STOPPED", (string?)task["lastStatus"]);
        Assert.Equal(7, (int?)task["containers"]![0]!["exitCode"]);
        Assert.Equal("web", (string?)task["overrides"]!["containerOverrides"]![0]!["name"]);
        Assert.Equal("LOCALECS_RUN_FOR", (string?)task["overrides"]!["containerOverrides"]![0]!["environment"]![0]!["name"]);
        Assert.Equal("log-router", (string?)task["overrides"]!["containerOverrides"]![1]!["name"]);
    }

    [Fact]
    public async Task The_stepInterval_label_overrides_the_step_of_one_task()
    {
        await using LocalEcsHarness ecs = await LocalEcsHarness.StartAsync(Scripted);
        string arn = (string)(await ecs.RunOneAsync("slow-steps"))["taskArn"]!;

        ecs.Advance(9);
        Assert.Equal("PROVISIONING", (string?)(await ecs.DescribeTaskAsync(arn))["lastStatus"]);
        ecs.Advance(1);
        Assert.Equal("PENDING", (string?)(await ecs.DescribeTaskAsync(arn))["lastStatus"]);
    }

    [Fact]
    public async Task Stopped_tasks_stay_visible_for_an_hour()
    {
        await using LocalEcsHarness ecs = await LocalEcsHarness.StartAsync();
        string arn = (string)(await ecs.RunOneAsync("bad-image"))["taskArn"]!;
        ecs.Advance(TimeSpan.FromMinutes(59));
        Assert.Equal("STOPPED", (string?)(await ecs.DescribeTaskAsync(arn))["lastStatus"]);

        ecs.Advance(TimeSpan.FromMinutes(2));
        JsonObject described = await ecs.CallAsync("DescribeTasks", $$"""{"cluster": "demo", "tasks": ["{{arn}}"]}""");
        Assert.Equal("MISSING", (string?)described["failures"]![0]!["reason"]);
    }
}
