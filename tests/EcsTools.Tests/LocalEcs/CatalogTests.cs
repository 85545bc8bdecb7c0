using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using EcsTools.LocalEcs;
using Xunit;

namespace EcsTools.Tests.LocalEcs;

/// <summary>The operations that set a scene: clusters, capacity providers, container instances, task definitions.</summary>
public sealed class CatalogTests
{
    [Fact]
    public async Task Task_definitions_resolve_by_family_revision_and_arn_with_tags_on_request()
    {
        await using LocalEcsHarness ecs = await LocalEcsHarness.StartAsync(LocalEcsScenes.Empty);
        const string Register = """{"family": "api", "containerDefinitions": [{"name": "app", "image": "busybox", "memory": 64, "portMappings": [{"containerPort": 80}]}], "tags": [{"key": "team", "value": "core"}]}""";
        JsonObject first = (await ecs.CallAsync("RegisterTaskDefinition", Register))["taskDefinition"]!.AsObject();
        JsonObject second = (await ecs.CallAsync("RegisterTaskDefinition", Register))["taskDefinition"]!.AsObject();

        Assert.Equal("arn:aws:ecs:us-east-1:123456789012:task-definition/api:1", (string?)first["taskDefinitionArn"]);
        Assert.Equal(2, (int?)second["revision"]);
        Assert.Equal(0, (int?)second["containerDefinitions"]![0]!["cpu"]);
        Assert.True((bool?)second["containerDefinitions"]![0]!["essential"]);
        Assert.Equal(0, (int?)second["containerDefinitions"]![0]!["portMappings"]![0]!["hostPort"]);
        Assert.Equal("tcp", (string?)second["containerDefinitions"]![0]!["portMappings"]![0]!["protocol"]);

        JsonObject latest = await ecs.CallAsync("DescribeTaskDefinition", """{"taskDefinition": "api"}""");
        Assert.Equal(2, (int?)latest["taskDefinition"]!["revision"]);
        Assert.Null(latest["tags"]);
        JsonObject byRevision = await ecs.CallAsync("DescribeTaskDefinition", """{"taskDefinition": "api:1", "include": ["TAGS"]}""");
        Assert.Equal(1, (int?)byRevision["taskDefinition"]!["revision"]);
        Assert.Equal("core", (string?)byRevision["tags"]![0]!["value"]);
        JsonObject byArn = await ecs.CallAsync("DescribeTaskDefinition", """{"taskDefinition": "arn:aws:ecs:us-east-1:123456789012:task-definition/api:2"}""");
        Assert.Equal(2, (int?)byArn["taskDefinition"]!["revision"]);

        await ecs.CallAsync("DeregisterTaskDefinition", """{"taskDefinition": "api:2"}""");
        Assert.Equal(1, (int?)(await ecs.CallAsync("DescribeTaskDefinition", """{"taskDefinition": "api"}"""))["taskDefinition"]!["revision"]);
        Assert.Equal("INACTIVE", (string?)(await ecs.CallAsync("DescribeTaskDefinition", """{"taskDefinition": "api:2"}"""))["taskDefinition"]!["status"]);
    }

    [Fact]
    public async Task Task_definition_lists_filter_by_family_and_status_and_page()
    {
        await using LocalEcsHarness ecs = await LocalEcsHarness.StartAsync(LocalEcsScenes.Empty);
        foreach (string family in new[] { "svc-a", "svc-b", "svc-b", "tool" })
        {
            await ecs.CallAsync("RegisterTaskDefinition", $$"""{"family": "{{family}}", "containerDefinitions": [{"name": "app", "image": "busybox", "memory": 64}]}""");
        }

        await ecs.CallAsync("DeregisterTaskDefinition", """{"taskDefinition": "tool:1"}""");

        JsonObject page1 = await ecs.CallAsync("ListTaskDefinitionFamilies", """{"familyPrefix": "svc", "maxResults": 1}""");
        JsonObject page2 = await ecs.CallAsync("ListTaskDefinitionFamilies", $$"""{"familyPrefix": "svc", "maxResults": 1, "nextToken": "{{(string)page1["nextToken"]!}}"}""");
        Assert.Equal(["svc-a"], LocalEcsHarness.Strings(page1["families"]));
        Assert.Equal(["svc-b"], LocalEcsHarness.Strings(page2["families"]));
        Assert.Null(page2["nextToken"]);
        Assert.Equal(["tool"], LocalEcsHarness.Strings((await ecs.CallAsync("ListTaskDefinitionFamilies", """{"status": "INACTIVE"}"""))["families"]));
        Assert.Equal(["svc-a", "svc-b"], LocalEcsHarness.Strings((await ecs.CallAsync("ListTaskDefinitionFamilies", """{"status": "ACTIVE"}"""))["families"]));
        Assert.Equal(3, (await ecs.CallAsync("ListTaskDefinitionFamilies", "{}"))["families"]!.AsArray().Count);
        string[] svcB = LocalEcsHarness.Strings((await ecs.CallAsync("ListTaskDefinitions", """{"familyPrefix": "svc-b", "sort": "DESC"}"""))["taskDefinitionArns"]);
        Assert.Equal(["svc-b:2", "svc-b:1"], svcB.Select(a => a.Split('/')[1]).ToArray());
    }

    [Fact]
    public async Task Capacity_providers_include_the_Fargate_ones_and_those_named_at_CreateCluster()
    {
        await using LocalEcsHarness ecs = await LocalEcsHarness.StartAsync(LocalEcsScenes.Empty);
        JsonObject cluster = (await ecs.CallAsync("CreateCluster", """
            {"clusterName": "mixed", "capacityProviders": ["my-asg"], "defaultCapacityProviderStrategy": [{"capacityProvider": "my-asg", "weight": 1, "base": 1}]}
            """))["cluster"]!.AsObject();
        Assert.Equal(["my-asg"], LocalEcsHarness.Strings(cluster["capacityProviders"]));
        Assert.Equal("my-asg", (string?)cluster["defaultCapacityProviderStrategy"]![0]!["capacityProvider"]);

        JsonObject all = await ecs.CallAsync("DescribeCapacityProviders", "{}");
        Assert.Equal(["FARGATE", "FARGATE_SPOT", "my-asg"], all["capacityProviders"]!.AsArray().Select(p => (string)p!["name"]!).ToArray());
        Assert.Equal("arn:aws:ecs:us-east-1:123456789012:capacity-provider/my-asg", (string?)all["capacityProviders"]![2]!["capacityProviderArn"]);
        JsonObject some = await ecs.CallAsync("DescribeCapacityProviders", """{"capacityProviders": ["FARGATE", "nope"]}""");
        Assert.Equal("FARGATE", (string?)some["capacityProviders"]![0]!["name"]);
        Assert.Equal("MISSING", (string?)some["failures"]![0]!["reason"]);
        await ecs.FailAsync(
            "CreateCluster",
            """{"clusterName": "bad", "capacityProviders": ["FARGATE"], "defaultCapacityProviderStrategy": [{"capacityProvider": "FARGATE_SPOT", "weight": 1}]}""",
            "InvalidParameterException",
            "not associated with the cluster");
    }

    [Fact]
    public async Task Container_instances_register_without_EC2_with_default_or_given_resources()
    {
        await using LocalEcsHarness ecs = await LocalEcsHarness.StartAsync(LocalEcsScenes.Empty);
        await ecs.FailAsync("RegisterContainerInstance", "{}", "ClusterNotFoundException");
        await ecs.CallAsync("CreateCluster", "{}");

        JsonObject instance = (await ecs.CallAsync("RegisterContainerInstance", "{}"))["containerInstance"]!.AsObject();

        Assert.Matches(@"^arn:aws:ecs:us-east-1:123456789012:container-instance/default/[0-9a-f]{32}$", (string?)instance["containerInstanceArn"]);
        Assert.StartsWith("i-", (string?)instance["ec2InstanceId"], System.StringComparison.Ordinal);
        JsonArray registered = instance["registeredResources"]!.AsArray();
        Assert.Equal(4096, (int?)registered.First(r => (string?)r!["name"] == "CPU")!["integerValue"]);
        Assert.Equal(8192, (int?)registered.First(r => (string?)r!["name"] == "MEMORY")!["integerValue"]);
        Assert.Contains("22", LocalEcsHarness.Strings(registered.First(r => (string?)r!["name"] == "PORTS")!["stringSetValue"]));
        Assert.Equal("ACTIVE", (string?)instance["status"]);
        Assert.True((bool?)instance["agentConnected"]);
        JsonObject described = await ecs.CallAsync("DescribeContainerInstances", """{"containerInstances": ["0123456789abcdef0123456789abcdef"]}""");
        Assert.Equal("MISSING", (string?)described["failures"]![0]!["reason"]);
    }
}
