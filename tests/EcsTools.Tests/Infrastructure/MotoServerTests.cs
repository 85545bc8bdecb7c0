using System;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Xunit;
using Xunit.Abstractions;

namespace EcsTools.Tests.Infrastructure;

/// <summary>The shared moto fixture: the scene is there, tasks stay RUNNING, and a reset gives a fresh scene.</summary>
[Collection(MotoCollection.Name)]
public sealed class MotoServerTests(MotoFixture moto, ITestOutputHelper output)
{
    [Fact]
    public async Task Scene_IsSeeded()
    {
        output.WriteLine(
            $"moto {moto.Endpoint}: startup {moto.Server.StartupTime.TotalMilliseconds:0} ms, last seed {moto.SeedTime.TotalMilliseconds:0} ms");
        var scene = moto.Scene;
        var ecs = moto.Ecs;

        var clusters = await ecs.CallAsync("ListClusters", new { });
        Assert.Equal(Sorted(scene.Ec2ClusterArn, scene.FargateClusterArn), Sorted(Strings(clusters["clusterArns"])));
        Assert.Equal("ec2", scene.Ec2ClusterName);
        Assert.Equal("fargate", scene.FargateClusterName);

        var fargate = (await ecs.CallAsync("DescribeClusters", new { clusters = new[] { "fargate" } }))["clusters"]![0]!;
        Assert.Equal(new[] { "FARGATE", "FARGATE_SPOT" }, Strings(fargate["capacityProviders"]));
        var strategy = Assert.Single(fargate["defaultCapacityProviderStrategy"]!.AsArray())!;
        Assert.Equal("FARGATE", (string?)strategy["capacityProvider"]);
        Assert.Equal(1, (int?)strategy["weight"]);

        var instances = await ecs.CallAsync("ListContainerInstances", new { cluster = "ec2" });
        Assert.Equal(3, scene.ContainerInstanceArns.Count);
        Assert.Equal(Sorted([.. scene.ContainerInstanceArns]), Sorted(Strings(instances["containerInstanceArns"])));

        var web2 = (await ecs.CallAsync("DescribeTaskDefinition", new { taskDefinition = "web:2" }))["taskDefinition"]!;
        Assert.Equal(scene.Web2TaskDefinitionArn, (string?)web2["taskDefinitionArn"]);
        Assert.Equal("web", (string?)web2["family"]);
        Assert.Equal(2, (int?)web2["revision"]);
        Assert.Equal("bridge", (string?)web2["networkMode"]);
        var web = Assert.Single(web2["containerDefinitions"]!.AsArray())!;
        Assert.Equal("web", (string?)web["name"]);
        Assert.Equal("nginx", (string?)web["image"]);
        Assert.Equal(128, (int?)web["memory"]);
        Assert.Equal(128, (int?)web["cpu"]);

        var web1 = (await ecs.CallAsync("DescribeTaskDefinition", new { taskDefinition = "web:1" }))["taskDefinition"]!;
        Assert.Equal(scene.Web1TaskDefinitionArn, (string?)web1["taskDefinitionArn"]);

        var multi = (await ecs.CallAsync("DescribeTaskDefinition", new { taskDefinition = "multi:1" }))["taskDefinition"]!;
        Assert.Equal(scene.Multi1TaskDefinitionArn, (string?)multi["taskDefinitionArn"]);
        Assert.Equal(new[] { "app", "sidecar" }, multi["containerDefinitions"]!.AsArray().Select(c => (string)c!["name"]!));

        var fargateWeb = (await ecs.CallAsync("DescribeTaskDefinition", new { taskDefinition = "fargate-web:1" }))["taskDefinition"]!;
        Assert.Equal(scene.FargateWeb1TaskDefinitionArn, (string?)fargateWeb["taskDefinitionArn"]);
        Assert.Equal("awsvpc", (string?)fargateWeb["networkMode"]);
        Assert.Equal(new[] { "FARGATE" }, Strings(fargateWeb["requiresCompatibilities"]));
        Assert.Equal("256", (string?)fargateWeb["cpu"]);
        Assert.Equal("512", (string?)fargateWeb["memory"]);

        var services = await ecs.CallAsync("DescribeServices", new { cluster = "ec2", services = new[] { "checkout", "legacy" } });
        Assert.Empty(services["failures"]!.AsArray());
        var checkout = services["services"]!.AsArray().Single(s => (string?)s!["serviceName"] == "checkout")!;
        Assert.Equal(scene.CheckoutServiceArn, (string?)checkout["serviceArn"]);
        Assert.Equal("EXTERNAL", (string?)checkout["deploymentController"]!["type"]);
        Assert.Equal(4, (int?)checkout["desiredCount"]);
        var legacy = services["services"]!.AsArray().Single(s => (string?)s!["serviceName"] == "legacy")!;
        Assert.Equal(scene.LegacyServiceArn, (string?)legacy["serviceArn"]);
        Assert.Equal("ECS", (string?)legacy["deploymentController"]!["type"]);

        Assert.StartsWith("subnet-", scene.SubnetId, StringComparison.Ordinal);
        Assert.StartsWith("sg-", scene.SecurityGroupId, StringComparison.Ordinal);
        Assert.Equal("123456789012", scene.AccountId);
        Assert.Equal("us-east-1", scene.Region);
    }

    [Fact]
    public async Task RunTask_OnEc2_StaysRunning_UntilStopTask()
    {
        var ecs = moto.Ecs;
        var run = await ecs.CallAsync("RunTask", new { cluster = "ec2", taskDefinition = "web:1", launchType = "EC2" });
        var task = Assert.Single(run["tasks"]!.AsArray())!;
        var taskArn = (string)task["taskArn"]!;
        Assert.Equal("RUNNING", (string?)task["lastStatus"]);
        Assert.Equal(moto.Scene.Web1TaskDefinitionArn, (string?)task["taskDefinitionArn"]);
        Assert.Contains((string?)task["containerInstanceArn"], moto.Scene.ContainerInstanceArns);

        // Without KeepTasksRunning, each describe would move the task one step (DEACTIVATING, STOPPING, ...).
        for (var i = 0; i < 3; i++)
        {
            var described = await ecs.CallAsync("DescribeTasks", new { cluster = "ec2", tasks = new[] { taskArn } });
            var seen = Assert.Single(described["tasks"]!.AsArray())!;
            Assert.Equal("RUNNING", (string?)seen["lastStatus"]);
        }

        var stopped = await ecs.CallAsync("StopTask", new { cluster = "ec2", task = taskArn, reason = "test over" });
        Assert.Equal("STOPPED", (string?)stopped["task"]!["lastStatus"]);
    }

    [Fact]
    public async Task RunTask_Awsvpc_WithSeededSubnetAndSecurityGroup_Works()
    {
        var scene = moto.Scene;
        var run = await moto.Ecs.CallAsync("RunTask", new
        {
            cluster = "fargate",
            taskDefinition = "fargate-web:1",
            launchType = "FARGATE",
            networkConfiguration = new
            {
                awsvpcConfiguration = new { subnets = new[] { scene.SubnetId }, securityGroups = new[] { scene.SecurityGroupId } },
            },
        });
        var task = Assert.Single(run["tasks"]!.AsArray())!;
        Assert.Equal("RUNNING", (string?)task["lastStatus"]);
        var details = task["attachments"]![0]!["details"]!.AsArray();
        Assert.Contains(details, d => (string?)d!["name"] == "subnetId" && (string?)d["value"] == scene.SubnetId);

        await moto.Ecs.CallAsync("StopTask", new { cluster = "fargate", task = (string)task["taskArn"]! });
    }

    [Fact]
    public async Task ResetScene_GivesAFreshScene()
    {
        var before = moto.Scene;
        await moto.Ecs.CallAsync("RunTask", new { cluster = "ec2", taskDefinition = "web:2", launchType = "EC2" });
        await moto.Ecs.CallAsync("RegisterTaskDefinition", new
        {
            family = "web",
            containerDefinitions = new[] { new { name = "web", image = "nginx", memory = 128 } },
        });

        var stopwatch = Stopwatch.StartNew();
        var after = await moto.ResetSceneAsync();
        output.WriteLine($"reset + keep-running + seed: {stopwatch.ElapsedMilliseconds} ms (seed.py {moto.SeedTime.TotalMilliseconds:0} ms)");

        Assert.Same(after, moto.Scene);
        Assert.Equal(before.Web2TaskDefinitionArn, after.Web2TaskDefinitionArn);
        Assert.Equal(before.CheckoutServiceArn, after.CheckoutServiceArn);
        Assert.Equal(3, after.ContainerInstanceArns.Count);
        Assert.Empty(after.ContainerInstanceArns.Intersect(before.ContainerInstanceArns));

        var tasks = await moto.Ecs.CallAsync("ListTasks", new { cluster = "ec2" });
        Assert.Empty(tasks["taskArns"]!.AsArray());
        var latestWeb = await moto.Ecs.CallAsync("DescribeTaskDefinition", new { taskDefinition = "web" });
        Assert.Equal(2, (int?)latestWeb["taskDefinition"]!["revision"]);
        var clusters = await moto.Ecs.CallAsync("ListClusters", null);
        Assert.Equal(2, clusters["clusterArns"]!.AsArray().Count);

        // The state-manager setting is applied again after the reset: tasks still stay RUNNING.
        var run = await moto.Ecs.CallAsync("RunTask", new { cluster = "ec2", taskDefinition = "web:1", launchType = "EC2" });
        var taskArn = (string)run["tasks"]![0]!["taskArn"]!;
        var described = await moto.Ecs.CallAsync("DescribeTasks", new { cluster = "ec2", tasks = new[] { taskArn } });
        Assert.Equal("RUNNING", (string?)described["tasks"]![0]!["lastStatus"]);
        await moto.Ecs.CallAsync("StopTask", new { cluster = "ec2", task = taskArn });
    }

    [Fact]
    public async Task SeedAsync_WithoutReset_Refuses()
    {
        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => moto.SeedAsync());
        Assert.Contains("reset", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RawEcsClient_ReportsEcsErrors()
    {
        var missingCluster = await Assert.ThrowsAsync<RawEcsException>(
            () => moto.Ecs.CallAsync("ListServices", new { cluster = "nope" }));
        Assert.Equal("ClusterNotFoundException", missingCluster.Code);
        Assert.Equal(HttpStatusCode.BadRequest, missingCluster.Status);
        Assert.Equal("ListServices", missingCluster.Operation);
        Assert.False(string.IsNullOrEmpty(missingCluster.ErrorMessage));

        var missingTaskDefinition = await Assert.ThrowsAsync<RawEcsException>(
            () => moto.Ecs.CallAsync("DescribeTaskDefinition", new { taskDefinition = "nope:1" }));
        Assert.Equal("ClientException", missingTaskDefinition.Code);

        // moto's own bugs come back as HTTP 500 with an HTML body: still a RawEcsException.
        var serverError = await Assert.ThrowsAsync<RawEcsException>(
            () => moto.Ecs.CallAsync("StopTask", new { cluster = "ec2", task = "0123456789abcdef" }));
        Assert.Equal(HttpStatusCode.InternalServerError, serverError.Status);
        Assert.Equal("Http500", serverError.Code);
    }

    private static string[] Strings(JsonNode? node) =>
        [.. (node ?? throw new ArgumentNullException(nameof(node))).AsArray().Select(n => (string)n!)];

    private static string[] Sorted(params string[] values) => [.. values.Order(StringComparer.Ordinal)];
}

/// <summary>Starting and stopping moto itself, each test with its own server (not the shared fixture).</summary>
public sealed class MotoServerLifetimeTests
{
    [Fact]
    public async Task StartAsync_WithoutPython_FailsWithInstallHint()
    {
        var ex = await Assert.ThrowsAsync<InvalidOperationException>(
            () => MotoServer.StartAsync("python3-that-does-not-exist-" + Guid.NewGuid().ToString("N")));
        Assert.Contains(MotoServer.InstallHint, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DisposeAsync_KillsTheServer()
    {
        var server = await MotoServer.StartAsync();
        var pid = server.ProcessId;
        using var process = Process.GetProcessById(pid);
        Assert.False(process.HasExited);

        await server.DisposeAsync();

        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(10)), $"moto (pid {pid}) still runs after DisposeAsync");
    }
}

/// <summary>The SigV4 signer against signatures botocore computes for the same requests.</summary>
public sealed class RawEcsClientSigningTests
{
    private const string AccessKey = "AKIDEXAMPLE";
    private const string SecretKey = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private static readonly DateTime s_time = new(2015, 8, 30, 12, 36, 0, DateTimeKind.Utc);

    [Fact]
    public void Signature_MatchesTheAwsGetVanillaVector()
    {
        var authorization = RawEcsClient.CreateAuthorizationHeader(
            "GET",
            "/",
            string.Empty,
            [("host", "example.amazonaws.com"), ("x-amz-date", "20150830T123600Z")],
            Sha256Hex(string.Empty),
            s_time,
            "us-east-1",
            "service",
            AccessKey,
            SecretKey);

        Assert.Equal(
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, " +
            "Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31",
            authorization);
    }

    [Fact]
    public void Signature_MatchesBotocore_ForAnEcsJsonCall()
    {
        var authorization = RawEcsClient.CreateAuthorizationHeader(
            "POST",
            "/",
            string.Empty,
            [
                ("X-Amz-Target", "AmazonEC2ContainerServiceV20141113.DescribeClusters"),
                ("Content-Type", "application/x-amz-json-1.1"),
                ("host", "127.0.0.1:4566"),
                ("x-amz-date", "20150830T123600Z"),
            ],
            Sha256Hex("""{"clusters":[]}"""),
            s_time,
            "us-east-1",
            "ecs",
            AccessKey,
            SecretKey);

        Assert.Equal(
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/ecs/aws4_request, " +
            "SignedHeaders=content-type;host;x-amz-date;x-amz-target, " +
            "Signature=486d671f2f6c15d08201f9ee5dd82cd76beecfc060ebe4bc04216c0924b66d4c",
            authorization);
    }

    private static string Sha256Hex(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
