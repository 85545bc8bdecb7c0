using System;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using EcsTools.Tests.Host;
using Xunit;
using static EcsTools.Tests.Commands.GetEcsTaskScenes;

namespace EcsTools.Tests.Commands;

/// <summary>Stop-EcsTask against LocalEcs: one StopTask a task, unknown tasks, -Reason, ShouldProcess, binding.</summary>
public sealed class StopEcsTaskTests
{
    private const string Id = ",EcsTools.Commands.StopEcsTaskCommand";

    [Fact]
    public async Task Ten_tasks_with_one_unknown_stop_nine_and_report_one()
    {
        await using var host = await LocalEcsHost.StartAsync();
        var arns = Run(host.Server, "web", 9, container: "web");
        var input = arns.Take(4).Append("0123456789abcdef0123456789abcdef").Concat(arns.Skip(4)).Cast<object>().ToArray();
        var result = host.Run("$args | Stop-EcsTask -Cluster demo -Reason 'nightly cleanup'", input);

        Assert.Null(result.Terminating);
        Assert.Equal(arns, result.Dynamic.Select(t => (string)t.TaskArn));
        Assert.All(result.Dynamic, t =>
        {
            Assert.Equal("STOPPED", (string)t.DesiredStatus);
            Assert.Equal("UserInitiated", (string)t.StopCode);
            Assert.Equal("nightly cleanup", (string)t.StoppedReason);
        });
        var error = Assert.Single(result.Errors);
        Assert.Equal("TaskNotFound" + Id, error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        Assert.Equal("0123456789abcdef0123456789abcdef", error.TargetObject);
        Assert.Contains("request id", error.ErrorDetails.Message);

        var stops = host.Server.RequestsFor("StopTask");
        Assert.Equal(10, stops.Count);
        Assert.All(stops, r => Assert.Equal("nightly cleanup", (string?)r.Json!["reason"]));
    }

    [Fact]
    public async Task WhatIf_sends_nothing_and_ConfirmImpact_is_Medium()
    {
        await using var host = await LocalEcsHost.StartAsync();
        var arn = Run(host.Server, "web", 1, container: "web")[0];
        var result = host.Run("Stop-EcsTask $args[0] -WhatIf", arn).EnsureSuccess();
        Assert.Empty(result.Output);
        Assert.Empty(host.Server.Requests);

        var impact = host.Run("(Get-Command Stop-EcsTask).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false).ConfirmImpact")
            .EnsureSuccess().Output.Single().BaseObject;
        Assert.Equal(ConfirmImpact.Medium, impact);
        var confirm = host.Run("$ConfirmPreference = 'Medium'; Stop-EcsTask $args[0] -Confirm:$false", arn).EnsureSuccess();
        Assert.Single(confirm.Output);
    }

    [Fact]
    public async Task A_reason_over_255_characters_is_refused_before_any_request()
    {
        await using var host = await LocalEcsHost.StartAsync();
        var arn = Run(host.Server, "web", 1, container: "web")[0];
        var result = host.Run("Stop-EcsTask $args[0] -Reason ('x' * 256)", arn);
        Assert.Equal("ReasonTooLong" + Id, result.FirstError!.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, result.FirstError.CategoryInfo.Category);
        Assert.Contains("256", result.FirstError.Exception.Message);
        Assert.Empty(host.Server.Requests);

        var longest = host.Run("Stop-EcsTask $args[0] -Reason ('x' * 255)", arn).EnsureSuccess();
        Assert.Equal(new string('x', 255), (string)Assert.Single(longest.Dynamic).StoppedReason);
    }

    [Fact]
    public async Task Tasks_bind_from_Start_EcsTask_objects_ARNs_and_AWS_Tools_objects()
    {
        await using var host = await LocalEcsHost.StartAsync();
        var fromStart = host.Run("Start-EcsTask web -Cluster demo -LaunchType EC2 | Stop-EcsTask").EnsureSuccess();
        Assert.Equal("STOPPED", (string)Assert.Single(fromStart.Dynamic).DesiredStatus);

        var arns = Run(host.Server, "web", 2, container: "web");
        host.Server.ClearRequests();
        Assert.Equal(2, host.Run("$args | Stop-EcsTask", arns.Cast<object>().ToArray()).EnsureSuccess().Output.Count);
        var ids = Run(host.Server, "web", 1, container: "web").Select(a => (object)a.Split('/')[^1]).ToArray();
        Assert.Single(host.Run("$args | ForEach-Object { [pscustomobject]@{ TaskArn = $_; ClusterArn = 'arn:aws:ecs:us-east-1:123456789012:cluster/demo' } } | Stop-EcsTask", ids)
            .EnsureSuccess().Output);

        // A task ARN names its cluster: it is sent with the request.
        Assert.All(host.Server.RequestsFor("StopTask"), r => Assert.EndsWith("demo", (string?)r.Json!["cluster"], StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_missing_cluster_fails_that_task_only()
    {
        await using var host = await LocalEcsHost.StartAsync();
        var arn = Run(host.Server, "web", 1, container: "web")[0];
        var result = host.Run("[pscustomobject]@{ TaskArn = 'abc'; Cluster = 'nope' }, [pscustomobject]@{ TaskArn = $args[0]; Cluster = 'demo' } | Stop-EcsTask", arn);
        Assert.Equal("ClusterNotFound" + Id, Assert.Single(result.Errors).FullyQualifiedErrorId);
        Assert.Single(result.Output);
    }
}
