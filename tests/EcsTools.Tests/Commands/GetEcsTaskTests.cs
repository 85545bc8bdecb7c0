using System;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using EcsTools.LocalEcs;
using EcsTools.Tests.Host;
using Xunit;
using static EcsTools.Tests.Commands.GetEcsTaskScenes;

namespace EcsTools.Tests.Commands;

/// <summary>Get-EcsTask against LocalEcs: by task (batched DescribeTasks), by listing (every page), unknown tasks, checks.</summary>
public sealed class GetEcsTaskTests
{
    private const string Id = ",EcsTools.Commands.GetEcsTaskCommand";

    [Fact]
    public async Task Ids_ARNs_and_objects_bind_from_the_pipeline()
    {
        await using var host = await LocalEcsHost.StartAsync();
        var started = host.Run("Start-EcsTask web -Cluster demo -LaunchType EC2 -Count 3").EnsureSuccess().Output;
        var arns = started.Select(o => (string)((dynamic)o.BaseObject).TaskArn).Order().ToArray();
        var ids = started.Select(o => (string)((dynamic)o.BaseObject).TaskId).ToArray();
        host.Server.ClearRequests();

        var byObject = host.Run("$args | Get-EcsTask", started.Select(o => (object)o).ToArray()).EnsureSuccess();
        var byArn = host.Run("$args | Get-EcsTask", arns.Cast<object>().ToArray()).EnsureSuccess();
        var byId = host.Run("$args | Get-EcsTask -Cluster demo", ids.Cast<object>().ToArray()).EnsureSuccess();
        var awsTools = host.Run("$args | ForEach-Object { [pscustomobject]@{ TaskArn = $_; ClusterArn = 'arn:aws:ecs:us-east-1:123456789012:cluster/demo' } } | Get-EcsTask",
            ids.Cast<object>().ToArray()).EnsureSuccess();

        foreach (var result in new[] { byObject, byArn, byId, awsTools })
        {
            Assert.All(result.Output, o => Assert.Equal("EcsTools.EcsTask", o.BaseObject.GetType().FullName));
            Assert.Equal(arns, result.Output.Select(o => (string)((dynamic)o.BaseObject).TaskArn).Order());
        }

        // Pipeline input is buffered per cluster: three tasks, one DescribeTasks each run; the cluster comes from the ARN.
        Assert.Equal(new[] { 3, 3, 3, 3 }, DescribeSizes(host.Server));
        Assert.All(host.Server.RequestsFor("DescribeTasks"), r => Assert.EndsWith("demo", (string?)r.Json!["cluster"], StringComparison.Ordinal));
    }

    [Fact]
    public async Task Two_hundred_fifty_tasks_down_the_pipeline_take_three_DescribeTasks_requests()
    {
        await using var host = await LocalEcsHost.StartAsync(DemoWithTiny);
        var arns = Run(host.Server, "tiny", 250);
        var result = host.Run("$args | Get-EcsTask", arns.Cast<object>().ToArray()).EnsureSuccess();
        Assert.Equal(250, result.Output.Count);
        Assert.Equal(new[] { 100, 100, 50 }, DescribeSizes(host.Server));
        Assert.Equal(3, host.Server.Requests.Count);
    }

    [Fact]
    public async Task Listing_follows_every_page_and_describes_in_batches_of_100()
    {
        await using var host = await LocalEcsHost.StartAsync(DemoWithTiny);
        Run(host.Server, "tiny", 250);
        Run(host.Server, "web", 2, container: "web");
        var result = host.Run("Get-EcsTask -Cluster demo -Family tiny").EnsureSuccess();
        Assert.Equal(250, result.Output.Count);
        Assert.All(result.Dynamic, t => Assert.Equal("tiny", (string)t.Family));

        var lists = host.Server.RequestsFor("ListTasks");
        Assert.Equal(3, lists.Count);
        Assert.All(lists, r =>
        {
            Assert.Equal("tiny", (string?)r.Json!["family"]);
            Assert.Equal("RUNNING", (string?)r.Json!["desiredStatus"]);
            Assert.Equal(100, (int?)r.Json!["maxResults"]);
        });
        Assert.Null(lists[0].Json!["nextToken"]);
        Assert.NotNull(lists[1].Json!["nextToken"]);
        Assert.Equal(new[] { 100, 100, 50 }, DescribeSizes(host.Server));
    }

    [Fact]
    public async Task Listing_filters_reach_ListTasks()
    {
        await using var host = await LocalEcsHost.StartAsync(DemoWithTiny);
        var batch = Run(host.Server, "tiny", 2, startedBy: "nightly");
        var other = Run(host.Server, "web", 1, container: "web");
        var instance = (string)host.Server.Invoke("DescribeTasks", $$"""{"cluster":"demo","tasks":["{{batch[0]}}"]}""")["tasks"]![0]!["containerInstanceArn"]!;
        host.Server.Invoke("StopTask", $$"""{"cluster":"demo","task":"{{other[0]}}"}""");

        Assert.Equal(batch.Order(), host.Run("Get-EcsTask -Cluster demo -StartedBy nightly").EnsureSuccess().Dynamic.Select(t => (string)t.TaskArn).Order());
        Assert.Equal(new[] { other[0] }, host.Run("Get-EcsTask -Cluster demo -DesiredStatus STOPPED").EnsureSuccess().Dynamic.Select(t => (string)t.TaskArn));
        Assert.Empty(host.Run("Get-EcsTask -Cluster demo -Family web").EnsureSuccess().Output);
        Assert.Contains(batch[0], host.Run("Get-EcsTask -Cluster demo -ContainerInstance $args[0]", instance).EnsureSuccess().Dynamic.Select(t => (string)t.TaskArn));
        Assert.Equal(2, host.Run("Get-EcsTask -Cluster demo -LaunchType EC2").EnsureSuccess().Output.Count);
        Assert.Empty(host.Run("Get-EcsTask -Cluster demo -LaunchType FARGATE").EnsureSuccess().Output);
        Assert.Empty(host.Run("Get-EcsTask -Cluster demo -ServiceName checkout").EnsureSuccess().Output);

        var sent = host.Server.RequestsFor("ListTasks").Select(r => r.Json!.AsObject()).ToArray();
        Assert.Equal("nightly", (string?)sent[0]["startedBy"]);
        Assert.False(sent[0].ContainsKey("desiredStatus"));
        Assert.Equal("STOPPED", (string?)sent[1]["desiredStatus"]);
        Assert.Equal(instance, (string?)sent[3]["containerInstance"]);
        Assert.Equal("EC2", (string?)sent[4]["launchType"]);
        Assert.Equal("checkout", (string?)sent[6]["serviceName"]);
    }

    [Theory]
    [InlineData("web:1")]
    [InlineData("arn:aws:ecs:us-east-1:123456789012:task-definition/web:1")]
    [InlineData("web app")]
    public async Task A_family_with_a_revision_or_an_ARN_is_refused_before_any_request(string family)
    {
        await using var host = await LocalEcsHost.StartAsync();
        var result = host.Run("Get-EcsTask -Cluster demo -Family $args[0]", family);
        Assert.Equal("InvalidFamily" + Id, result.FirstError!.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, result.FirstError.CategoryInfo.Category);
        Assert.Contains($"-Family '{family}' is not a task definition family", result.FirstError.Exception.Message);
        Assert.Contains("Where-Object Revision", result.FirstError.ErrorDetails.RecommendedAction);
        Assert.Empty(result.Output);
        Assert.Empty(host.Server.Requests);
    }

    [Fact]
    public async Task A_family_name_of_255_characters_is_listed()
    {
        await using var host = await LocalEcsHost.StartAsync();
        var result = host.Run("Get-EcsTask -Cluster demo -Family $args[0]", "web_" + new string('x', 251));
        Assert.Empty(result.Errors);
        Assert.Null(result.Terminating);
        Assert.Single(host.Server.RequestsFor("ListTasks"));
    }

    [Theory]
    [InlineData("-Family web")]
    [InlineData("-Service checkout")] // -ServiceName before 1.3 (now its alias); the message names the parameter -Service
    [InlineData("-ContainerInstance i-1")]
    [InlineData("-LaunchType EC2")]
    [InlineData("-DesiredStatus STOPPED")]
    public async Task StartedBy_with_another_filter_is_refused_before_any_request(string other)
    {
        await using var host = await LocalEcsHost.StartAsync();
        var result = host.Run($"Get-EcsTask -Cluster demo -StartedBy nightly {other}");
        Assert.Equal("StartedByNotAlone" + Id, result.FirstError!.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, result.FirstError.CategoryInfo.Category);
        Assert.Contains(other.Split(' ')[0], result.FirstError.Exception.Message);
        Assert.Empty(result.Output);
        Assert.Empty(host.Server.Requests);
    }

    [Fact]
    public async Task Unknown_tasks_are_ObjectNotFound_errors_and_the_others_are_output()
    {
        await using var host = await LocalEcsHost.StartAsync();
        var known = Run(host.Server, "web", 2, container: "web");
        var result = host.Run("$args | Get-EcsTask -Cluster demo", known[0], "0123456789abcdef0123456789abcdef", known[1]);
        Assert.Null(result.Terminating);
        Assert.Equal(known.Order(), result.Dynamic.Select(t => (string)t.TaskArn).Order());
        var error = Assert.Single(result.Errors);
        Assert.Equal("TaskNotFound" + Id, error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        Assert.Equal("0123456789abcdef0123456789abcdef", error.TargetObject);
        Assert.Single(host.Server.RequestsFor("DescribeTasks"));
    }

    [Fact]
    public async Task Include_Tags_asks_for_and_returns_tags()
    {
        await using var host = await LocalEcsHost.StartAsync();
        var arn = (string)((dynamic)host.Run("Start-EcsTask web -Cluster demo -LaunchType EC2 -Tag @{team='web'}").EnsureSuccess().Output[0].BaseObject).TaskArn;
        host.Server.ClearRequests();

        dynamic task = Assert.Single(host.Run("Get-EcsTask $args[0] -Include Tags", arn).EnsureSuccess().Output).BaseObject;
        Assert.Equal("team=web", string.Join(",", ((System.Collections.IEnumerable)task.Tags).Cast<object>()));
        Assert.Equal("""["TAGS"]""", host.Server.RequestsFor("DescribeTasks")[0].Json!["include"]!.ToJsonString());

        dynamic plain = Assert.Single(host.Run("Get-EcsTask $args[0]", arn).EnsureSuccess().Output).BaseObject;
        Assert.Empty((System.Collections.IEnumerable)plain.Tags);
        Assert.Null(host.Server.RequestsFor("DescribeTasks")[1].Json!["include"]);
    }

    [Fact]
    public async Task A_missing_cluster_is_an_error_for_the_listing()
    {
        await using var host = await LocalEcsHost.StartAsync();
        var result = host.Run("Get-EcsTask -Cluster nope");
        var error = Assert.Single(result.Errors);
        Assert.Equal("ClusterNotFound" + Id, error.FullyQualifiedErrorId);
        Assert.Empty(result.Output);
    }
}
