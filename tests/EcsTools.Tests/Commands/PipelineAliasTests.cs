using System;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using EcsTools.Tests.Host;
using Xunit;
using static EcsTools.Tests.Commands.TaskSetTestKit;

namespace EcsTools.Tests.Commands;

/// <summary>
/// What users pipe in: rows made by Select-Object (TaskId, ClusterName), objects with only a TaskSetArn, and task set
/// ARNs as strings, which name their cluster and service.
/// </summary>
public sealed class PipelineAliasTests
{
    [Theory]
    [InlineData("Get-EcsTask", "Task", "TaskArn,TaskId,Tasks")]
    [InlineData("Stop-EcsTask", "Task", "TaskArn,TaskId,Tasks")]
    [InlineData("Wait-EcsTask", "Task", "TaskArn,TaskId,Tasks")]
    [InlineData("Get-EcsTaskSet", "TaskSet", "TaskSetArn,Id,TaskSetId")]
    [InlineData("Set-EcsTaskSet", "TaskSet", "TaskSetArn,Id,TaskSetId")]
    [InlineData("Remove-EcsTaskSet", "TaskSet", "TaskSetArn,Id,TaskSetId")]
    [InlineData("Start-EcsTask", "ContainerInstance", "ContainerInstanceArn,ContainerInstanceId,ContainerInstances")]
    [InlineData("Get-EcsTask", "ContainerInstance", "ContainerInstanceArn,ContainerInstanceId")]
    [InlineData("Start-EcsTask", "TaskDefinition", "TaskDefinitionArn")]
    [InlineData("New-EcsTaskSet", "TaskDefinition", "TaskDefinitionArn")]
    public void Id_parameters_have_the_property_names_of_users_objects_as_aliases(string command, string parameter, string aliases)
    {
        using var session = PsSession.Create();
        var actual = session.Run("(Get-Command $args[0]).Parameters[$args[1]].Aliases -join ','", command, parameter).EnsureSuccess().Output.Single().ToString();
        Assert.Equal(aliases, actual);
    }

    [Fact]
    public void Every_cluster_and_service_parameter_binds_the_names_and_ARNs()
    {
        using var session = PsSession.Create();
        var rows = session.Run("""
            foreach ($c in Get-Command -Module EcsTools) {
                foreach ($p in $c.Parameters.Values) {
                    if ($p.Name -in 'Cluster', 'Service') { '{0} -{1}: {2}' -f $c.Name, $p.Name, ($p.Aliases -join ',') }
                }
            }
            """).EnsureSuccess().Output.Select(o => o.ToString()).ToList();
        Assert.Equal(9 + 5, rows.Count); // Get-EcsTask -Service (was -ServiceName, now its alias) joined the four task-set -Service parameters; Get-EcsTaskLog -Cluster.
        Assert.All(rows.Where(r => r.Contains("-Cluster:", StringComparison.Ordinal)), r => Assert.EndsWith(": ClusterArn,ClusterName", r, StringComparison.Ordinal));
        Assert.All(rows.Where(r => r.Contains("-Service:", StringComparison.Ordinal)), r => Assert.EndsWith(": ServiceArn,ServiceName", r, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Rows_with_TaskId_and_ClusterName_stop_wait_for_and_get_the_tasks()
    {
        await using var host = await LocalEcsHost.StartAsync();
        var arns = GetEcsTaskScenes.Run(host.Server, "web", 2, container: "web");
        const string rows = "$args | ForEach-Object { [pscustomobject]@{ TaskId = ($_ -split '/')[-1]; ClusterName = 'demo' } }";

        var got = host.Run(rows + " | Get-EcsTask", arns.Cast<object>().ToArray()).EnsureSuccess();
        Assert.Equal(arns.Order(), got.Output.Select(o => o.BaseObject.ToString()!).Order());
        var stopped = host.Run(rows + " | Stop-EcsTask", arns.Cast<object>().ToArray()).EnsureSuccess();
        Assert.Equal(2, stopped.Output.Count);
        var stops = host.Server.RequestsFor("StopTask");
        Assert.Equal(arns.Select(a => a.Split('/')[^1]).Order(), stops.Select(r => (string?)r.Json!["task"]).Order());
        Assert.All(stops, r => Assert.Equal("demo", (string?)r.Json!["cluster"]));
        var waited = host.Run(rows + " | Wait-EcsTask -PollInterval 0.05", arns.Cast<object>().ToArray()).EnsureSuccess();
        Assert.Equal(2, waited.Output.Count);
    }

    [Theory]
    [InlineData("Get-EcsTask", "GetEcsTaskCommand")]
    [InlineData("Stop-EcsTask", "StopEcsTaskCommand")]
    [InlineData("Wait-EcsTask -Timeout 5", "WaitEcsTaskCommand")]
    public async Task An_object_without_task_properties_is_an_error_and_sends_nothing(string command, string type)
    {
        await using var host = await LocalEcsHost.StartAsync();

        var result = host.Run("[pscustomobject]@{ Name = 'nightly'; ClusterName = 'demo' } | " + command);

        var error = Assert.Single(result.Errors);
        Assert.Equal("InvalidInputObject,EcsTools.Commands." + type, error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Contains("without a property Task", (string)error.TargetObject, StringComparison.Ordinal);
        Assert.Contains("-Task", error.ErrorDetails.RecommendedAction, StringComparison.Ordinal);
        Assert.Empty(host.Server.Requests);
    }

    [Fact]
    public async Task A_task_set_ARN_string_or_object_needs_no_Cluster_or_Service()
    {
        await using var host = await StartAsync();
        var blue = CreateSet(host.Server, 100);
        var green = CreateSet(host.Server, 0);

        var byString = host.Run("$args | Get-EcsTaskSet", green).EnsureSuccess();
        Assert.Equal(green, Assert.Single(byString.Output).BaseObject.ToString());
        var byObject = host.Run("[pscustomobject]@{ TaskSetArn = $args[0] } | Get-EcsTaskSet", green).EnsureSuccess();
        Assert.Equal(green, Assert.Single(byObject.Output).BaseObject.ToString());
        var positional = host.Run("Get-EcsTaskSet $args[0]", blue).EnsureSuccess();
        Assert.Equal(blue, Assert.Single(positional.Output).BaseObject.ToString());
        Assert.All(host.Server.RequestsFor("DescribeTaskSets"), r =>
        {
            Assert.Equal("demo", (string?)r.Json!["cluster"]);
            Assert.Equal("checkout", (string?)r.Json!["service"]);
        });

        host.Run("[pscustomobject]@{ TaskSetArn = $args[0] } | Set-EcsTaskSet -Scale 0 -Confirm:$false", blue).EnsureSuccess();
        var update = Assert.Single(host.Server.RequestsFor("UpdateTaskSet")).Json!;
        Assert.Equal(("demo", "checkout"), ((string?)update["cluster"], (string?)update["service"]));
        var removed = host.Run("[pscustomobject]@{ TaskSetArn = $args[0] } | Remove-EcsTaskSet -Force", green).EnsureSuccess();
        Assert.Equal("DRAINING", (string)((dynamic)Assert.Single(removed.Output).BaseObject).Status);
        var delete = Assert.Single(host.Server.RequestsFor("DeleteTaskSet")).Json!;
        Assert.Equal(("demo", "checkout"), ((string?)delete["cluster"], (string?)delete["service"]));
    }

    [Fact]
    public async Task A_service_object_still_lists_its_task_sets_and_is_not_taken_for_a_task_set()
    {
        await using var host = await StartAsync();
        var blue = CreateSet(host.Server, 100);
        var result = host.Run("[pscustomobject]@{ ClusterName = 'demo'; ServiceName = 'checkout' } | Get-EcsTaskSet").EnsureSuccess();
        Assert.Equal(blue, Assert.Single(result.Output).BaseObject.ToString());
        Assert.False(Assert.Single(host.Server.RequestsFor("DescribeTaskSets")).Json!.AsObject().ContainsKey("taskSets"));
    }

    [Fact]
    public async Task ARNs_of_two_services_are_described_per_service()
    {
        await using var host = await StartAsync();
        var green = CreateSet(host.Server, 0);
        var other = green.Replace("/checkout/", "/elsewhere/", StringComparison.Ordinal);

        var result = host.Run("$args | Get-EcsTaskSet", green, other);

        Assert.Equal(green, Assert.Single(result.Output).BaseObject.ToString());
        Assert.Equal(["checkout", "elsewhere"], host.Server.RequestsFor("DescribeTaskSets").Select(r => (string?)r.Json!["service"]));
        Assert.Equal("ServiceNotFound,EcsTools.Commands.GetEcsTaskSetCommand", Assert.Single(result.Errors).FullyQualifiedErrorId);
    }

    [Theory]
    [InlineData("Get-EcsTaskSet ecs-svc/123", "GetEcsTaskSetCommand")]
    [InlineData("Get-EcsTaskSet ecs-svc/123 -Cluster demo", "GetEcsTaskSetCommand")]
    [InlineData("Get-EcsTaskSet", "GetEcsTaskSetCommand")]
    [InlineData("Set-EcsTaskSet ecs-svc/123 -Scale 0 -Service checkout", "SetEcsTaskSetCommand")]
    [InlineData("Remove-EcsTaskSet ecs-svc/123 -Force", "RemoveEcsTaskSetCommand")]
    public async Task An_id_without_Cluster_and_Service_is_an_error_and_sends_nothing(string script, string command)
    {
        await using var host = await StartAsync();

        var result = host.Run(script);

        var error = SingleError(result, "ClusterAndServiceRequired,EcsTools.Commands." + command, ErrorCategory.InvalidArgument);
        Assert.Matches("-Cluster|-Service", error.Exception.Message);
        Assert.Matches("(is|are) needed", error.Exception.Message);
        Assert.Contains("ARN", error.ErrorDetails.RecommendedAction, StringComparison.Ordinal);
        Assert.Empty(host.Server.Requests);
    }

    [Theory]
    [InlineData("Stop-EcsTask -Confirm:$false", "StopTask")]
    [InlineData("Wait-EcsTask -WaitUntil Running", "DescribeTasks")]
    [InlineData("Get-EcsTask", "DescribeTasks")]
    [InlineData("Get-EcsTaskLog", "DescribeTasks")]
    public async Task A_piped_task_keeps_its_own_cluster_over_a_session_default_cluster(string command, string operation)
    {
        // PowerShell binds $PSDefaultParameterValues before the pipeline, so the piped task's ClusterArn cannot bind; the
        // cluster its ARN names wins over the default. A -Cluster typed on the line is still sent as typed.
        await using var host = await LocalEcsHost.StartAsync();
        var task = host.Run("Start-EcsTask web -Cluster demo -LaunchType EC2").EnsureSuccess().Output.Single();
        host.Run("$PSDefaultParameterValues['*-Ecs*:Cluster'] = 'other'").EnsureSuccess();
        host.Server.ClearRequests();

        var result = host.Run("$args[0] | " + command, task);

        Assert.Empty(result.Errors);
        Assert.Null(result.Terminating);
        Assert.All(host.Server.RequestsFor(operation), r => Assert.Equal("demo", (string?)r.Json!["cluster"]));
        Assert.NotEmpty(host.Server.RequestsFor(operation));

        host.Server.ClearRequests();
        var typed = host.Run("$args[0] | " + command + " -Cluster elsewhere", task);
        Assert.NotEmpty(typed.Errors);
        Assert.All(host.Server.RequestsFor(operation), r => Assert.Equal("elsewhere", (string?)r.Json!["cluster"]));
    }
}
