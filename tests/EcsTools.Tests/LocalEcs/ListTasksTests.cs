using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Xunit;

namespace EcsTools.Tests.LocalEcs;

public sealed class ListTasksTests
{
    [Fact]
    public async Task ListTasks_pages_with_maxResults_and_nextToken()
    {
        await using LocalEcsHarness ecs = await LocalEcsHarness.StartAsync();
        JsonObject run = await ecs.CallAsync("RunTask", """{"cluster": "demo", "taskDefinition": "web", "launchType": "EC2", "count": 10}""");
        string[] all = run["tasks"]!.AsArray().Select(t => (string)t!["taskArn"]!).ToArray();

        var pages = new List<int>();
        var seen = new List<string>();
        string? token = null;
        do
        {
            string tokenMember = token is null ? string.Empty : $$""", "nextToken": "{{token}}" """;
            JsonObject page = await ecs.CallAsync("ListTasks", $$"""{"cluster": "demo", "maxResults": 4{{tokenMember}}}""");
            pages.Add(page["taskArns"]!.AsArray().Count);
            seen.AddRange(LocalEcsHarness.Strings(page["taskArns"]));
            token = (string?)page["nextToken"];
        }
        while (token is not null);

        Assert.Equal([4, 4, 2], pages);
        Assert.Equal(all.Order(), seen.Order());
        JsonObject everything = await ecs.CallAsync("ListTasks", """{"cluster": "demo"}""");
        Assert.Null(everything["nextToken"]);
        Assert.Equal(10, everything["taskArns"]!.AsArray().Count);
    }

    [Fact]
    public async Task ListTasks_rejects_bad_paging_parameters()
    {
        await using LocalEcsHarness ecs = await LocalEcsHarness.StartAsync();

        await ecs.FailAsync("ListTasks", """{"cluster": "demo", "maxResults": 0}""", "InvalidParameterException");
        await ecs.FailAsync("ListTasks", """{"cluster": "demo", "maxResults": 101}""", "InvalidParameterException");
        await ecs.FailAsync("ListTasks", """{"cluster": "demo", "nextToken": "bm90IGEgdG9rZW4="}""", "InvalidParameterException");
    }

    [Fact]
    public async Task ListTasks_lists_RUNNING_desired_tasks_by_default_and_STOPPED_ones_on_request()
    {
        await using LocalEcsHarness ecs = await LocalEcsHarness.StartAsync();
        string running = (string)(await ecs.RunOneAsync("web"))["taskArn"]!;
        string stopped = (string)(await ecs.RunOneAsync("bad-image"))["taskArn"]!;
        ecs.Advance(2);

        Assert.Equal([running], LocalEcsHarness.Strings((await ecs.CallAsync("ListTasks", """{"cluster": "demo"}"""))["taskArns"]));
        Assert.Equal([stopped], LocalEcsHarness.Strings((await ecs.CallAsync("ListTasks", """{"cluster": "demo", "desiredStatus": "STOPPED"}"""))["taskArns"]));
        Assert.Empty((await ecs.CallAsync("ListTasks", """{"cluster": "demo", "desiredStatus": "PENDING"}"""))["taskArns"]!.AsArray());
    }

    [Fact]
    public async Task ListTasks_filters_by_family_startedBy_launchType_instance_and_service()
    {
        await using LocalEcsHarness ecs = await LocalEcsHarness.StartAsync();
        JsonObject web = await ecs.RunOneAsync("web", """ "launchType": "EC2", "startedBy": "alice" """);
        JsonObject batch = await ecs.RunOneAsync("batch");
        JsonObject set = (await ecs.CallAsync("CreateTaskSet", """{"cluster": "demo", "service": "checkout", "taskDefinition": "fargate-web", "launchType": "FARGATE", "scale": {"value": 25, "unit": "PERCENT"}}"""))["taskSet"]!.AsObject();
        ecs.Advance(1);

        async Task<string[]> List(string filter) =>
            LocalEcsHarness.Strings((await ecs.CallAsync("ListTasks", $$"""{"cluster": "demo", {{filter}} }"""))["taskArns"]);

        Assert.Equal([(string)web["taskArn"]!], await List(""" "family": "web" """));
        Assert.Equal([(string)web["taskArn"]!], await List(""" "startedBy": "alice" """));
        Assert.Equal([(string)batch["taskArn"]!], await List($$""" "containerInstance": "{{(string)batch["containerInstanceArn"]!}}" """));
        string[] service = await List(""" "serviceName": "checkout" """);
        Assert.Single(service);
        Assert.Equal(service, await List(""" "launchType": "FARGATE" """));
        Assert.Equal(service, await List($$""" "startedBy": "{{(string)set["id"]!}}" """));
        Assert.Equal(2, (await List(""" "launchType": "EC2" """)).Length);
    }

    [Fact]
    public async Task ListTasks_refuses_startedBy_with_other_filters_and_unknown_services()
    {
        await using LocalEcsHarness ecs = await LocalEcsHarness.StartAsync();

        await ecs.FailAsync("ListTasks", """{"cluster": "demo", "startedBy": "alice", "family": "web"}""", "InvalidParameterException", "startedBy");
        await ecs.FailAsync("ListTasks", """{"cluster": "demo", "startedBy": "alice", "desiredStatus": "STOPPED"}""", "InvalidParameterException", "startedBy");
        await ecs.FailAsync("ListTasks", """{"cluster": "demo", "serviceName": "nope"}""", "ServiceNotFoundException");
    }
}
