using System;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using EcsTools.Tests.Host;
using Xunit;
using static EcsTools.Tests.Commands.GetEcsTaskScenes;

namespace EcsTools.Tests.Commands;

/// <summary>Start-EcsTask -Wait / -WaitUntil against LocalEcs: the started tasks are waited for as Wait-EcsTask does.</summary>
public sealed class StartEcsTaskWaitTests
{
    private const string Id = ",EcsTools.Commands.StartEcsTaskCommand";

    [Fact]
    public async Task Wait_outputs_the_tasks_once_they_have_stopped()
    {
        await using var host = await LocalEcsHost.StartAsync();
        var result = host.Run("Start-EcsTask batch -Cluster demo -LaunchType EC2 -Count 3 -Container job -Environment @{ LOCALECS_RUN_FOR = '300ms' } -Wait -PollInterval 0.1")
            .EnsureSuccess();

        Assert.Equal(3, result.Output.Count);
        Assert.All(result.Dynamic, t =>
        {
            Assert.Equal("STOPPED", (string)t.LastStatus);
            Assert.Equal("job=0", (string)t.ExitCodes);
        });
        Assert.Contains(result.Progress, p => p.Activity == "Waiting for 3 ECS task(s) to be STOPPED" && p.StatusDescription.Contains("RUNNING 3", StringComparison.Ordinal));
        Assert.All(host.Server.RequestsFor("DescribeTasks"), r => Assert.Equal(3, r.Json!["tasks"]!.AsArray().Count));
    }

    [Fact]
    public async Task WaitUntil_Running_outputs_running_tasks()
    {
        await using var host = await LocalEcsHost.StartAsync();
        var result = host.Run("Start-EcsTask web -Cluster demo -LaunchType EC2 -WaitUntil Running -PollInterval 0.05").EnsureSuccess();
        Assert.Equal("RUNNING", (string)Assert.Single(result.Dynamic).LastStatus);
    }

    [Fact]
    public async Task A_failed_task_is_an_error_that_ErrorAction_Stop_turns_terminating()
    {
        await using var host = await LocalEcsHost.StartAsync();
        var result = host.Run("Start-EcsTask batch-fail -Cluster demo -LaunchType EC2 -Container job -Environment @{ LOCALECS_RUN_FOR = '200ms' } -Wait -PollInterval 0.1");
        Assert.Equal("job=2", (string)Assert.Single(result.Dynamic).ExitCodes);
        Assert.Equal("TaskFailed" + Id, Assert.Single(result.Errors).FullyQualifiedErrorId);

        var stop = host.Run("try { Start-EcsTask batch-fail -Cluster demo -LaunchType EC2 -Container job -Environment @{ LOCALECS_RUN_FOR = '200ms' } -Wait -PollInterval 0.1 -ErrorAction Stop; 'not reached' } "
            + "catch { $_.Exception.StopCode }").EnsureSuccess();
        // The failed task is written first, then its error, which -ErrorAction Stop turns terminating.
        Assert.Equal(2, stop.Output.Count);
        Assert.Equal("STOPPED", (string)((dynamic)stop.Output[0].BaseObject).LastStatus);
        Assert.Equal("EssentialContainerExited", stop.Output[1].BaseObject);

        var ignored = host.Run("Start-EcsTask batch-fail -Cluster demo -LaunchType EC2 -Container job -Environment @{ LOCALECS_RUN_FOR = '200ms' } -Wait -PollInterval 0.1 -IgnoreTaskFailure")
            .EnsureSuccess();
        Assert.Single(ignored.Output);
    }

    [Fact]
    public async Task The_timeout_is_an_error_listing_the_tasks()
    {
        await using var host = await LocalEcsHost.StartAsync();
        var result = host.Run("Start-EcsTask web -Cluster demo -LaunchType EC2 -Wait -Timeout 0.5 -PollInterval 0.1");
        Assert.Empty(result.Output);
        var error = Assert.Single(result.Errors);
        Assert.Equal("WaitTimeout" + Id, error.FullyQualifiedErrorId);
        Assert.Contains("(RUNNING)", error.Exception.Message);
    }

    [Fact]
    public async Task Wait_settings_from_PSDefaultParameterValues_do_not_break_a_start_without_a_wait()
    {
        await using var host = await LocalEcsHost.StartAsync();
        var result = host.Run(
            "$PSDefaultParameterValues['*-Ecs*:PollInterval'] = 0.05; $PSDefaultParameterValues['*-Ecs*:Timeout'] = 60; "
            + "Start-EcsTask web -Cluster demo -LaunchType EC2").EnsureSuccess();
        Assert.Single(result.Output);
        Assert.Single(host.Server.RequestsFor("RunTask"));
        Assert.Empty(host.Server.RequestsFor("DescribeTasks"));
    }

    [Theory]
    [InlineData("-Timeout 5")]
    [InlineData("-PollInterval 1")]
    [InlineData("-IgnoreTaskFailure")]
    public async Task Wait_parameters_without_a_wait_are_refused_before_any_request(string parameter)
    {
        await using var host = await LocalEcsHost.StartAsync();
        var result = host.Run($"Start-EcsTask web -Cluster demo -LaunchType EC2 {parameter}");
        Assert.Equal("WaitParameterWithoutWait" + Id, result.FirstError!.FullyQualifiedErrorId);
        Assert.Empty(result.Output);
        Assert.Empty(host.Server.Requests);
    }

    [Theory]
    [InlineData("-Wait -PollInterval 0", "InvalidPollInterval")]
    [InlineData("-WaitUntil Running -Timeout 0", "InvalidTimeout")]
    public async Task Bad_wait_parameters_are_refused_before_any_request(string parameters, string errorId)
    {
        await using var host = await LocalEcsHost.StartAsync();
        var result = host.Run($"Start-EcsTask web -Cluster demo -LaunchType EC2 {parameters}");
        Assert.Equal(errorId + Id, result.FirstError!.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, result.FirstError.CategoryInfo.Category);
        Assert.Empty(host.Server.Requests);
    }

    [Fact]
    public async Task WhatIf_starts_nothing_and_waits_for_nothing()
    {
        await using var host = await LocalEcsHost.StartAsync();
        var result = host.Run("Start-EcsTask web -Cluster demo -LaunchType EC2 -Wait -WhatIf").EnsureSuccess();
        Assert.Empty(result.Output);
        Assert.Empty(host.Server.Requests);
    }
}
