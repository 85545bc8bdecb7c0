using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using EcsTools.LocalEcs;
using Xunit;
using static EcsTools.Tests.Commands.TaskSetTestKit;

namespace EcsTools.Tests.Commands;

/// <summary>Set-EcsTaskSet against LocalEcs: -Scale (UpdateTaskSet), -Primary (UpdateServicePrimaryTaskSet), -Wait, pipeline, errors.</summary>
public sealed class SetEcsTaskSetTests
{
    private const string Suffix = ",EcsTools.Commands.SetEcsTaskSetCommand";

    [Theory]
    [InlineData("50")]
    [InlineData("'50%'")]
    [InlineData("'50 %'")]
    public async Task Scale_sends_UpdateTaskSet_as_the_ECS_model_expects(string scale)
    {
        await using var host = await StartAsync();
        var green = CreateSet(host.Server, 0);
        var result = host.Run($"Set-EcsTaskSet $args[0] -Cluster demo -Service checkout -Scale {scale}", green).EnsureSuccess();
        var body = Assert.Single(host.Server.RequestsFor("UpdateTaskSet")).Json!.AsObject();
        Assert.Equal($$$"""{"cluster":"demo","service":"checkout","taskSet":"{{{green}}}","scale":{"value":50,"unit":"PERCENT"}}""", body.ToJsonString());
        Assert.Empty(host.Server.RequestsFor("UpdateServicePrimaryTaskSet"));
        dynamic set = Assert.Single(result.Output).BaseObject;
        Assert.Equal(50.0, (double)set.Scale);
        Assert.Equal(2, (int)set.ComputedDesiredCount);
    }

    [Fact]
    public async Task Primary_sends_UpdateServicePrimaryTaskSet_as_the_ECS_model_expects()
    {
        await using var host = await StartAsync();
        CreateSet(host.Server, 100);
        var green = CreateSet(host.Server, 100);
        var result = host.Run("Set-EcsTaskSet $args[0] -Cluster demo -Service checkout -Primary", green).EnsureSuccess();
        var body = Assert.Single(host.Server.RequestsFor("UpdateServicePrimaryTaskSet")).Json!.AsObject();
        Assert.Equal($$"""{"cluster":"demo","service":"checkout","primaryTaskSet":"{{green}}"}""", body.ToJsonString());
        Assert.Empty(host.Server.RequestsFor("UpdateTaskSet"));
        Assert.Equal("PRIMARY", ((dynamic)Assert.Single(result.Output).BaseObject).Status);
        Assert.Equal(new[] { "ACTIVE", "PRIMARY" }, Sets(host.Server).Select(s => (string)s["status"]!));
    }

    [Fact]
    public async Task Scale_and_Primary_together_scale_first_then_promote()
    {
        await using var host = await StartAsync();
        CreateSet(host.Server, 100);
        var green = CreateSet(host.Server, 0);
        host.Run("Set-EcsTaskSet $args[0] -Cluster demo -Service checkout -Scale 100 -Primary", green).EnsureSuccess();
        Assert.Equal(new[] { "UpdateTaskSet", "UpdateServicePrimaryTaskSet" }, host.Server.Requests.Select(r => r.Operation));
    }

    [Fact]
    public async Task Parameter_sets_are_Scale_and_Primary_and_one_of_them_is_needed()
    {
        await using var host = await StartAsync();
        var sets = host.Run("(Get-Command Set-EcsTaskSet).ParameterSets | ForEach-Object { '{0}:{1}' -f $_.Name, $_.IsDefault }")
            .EnsureSuccess().Output.Select(o => o.BaseObject.ToString()).Order().ToArray();
        Assert.Equal(new[] { "Primary:True", "Scale:False" }, sets);
        var result = host.Run("Set-EcsTaskSet ecs-svc/1 -Cluster demo -Service checkout");
        // Our own error, not PowerShell's prompt for a mandatory switch (which fails where nothing can answer).
        Assert.StartsWith("NoChangeRequested,", Assert.Single(result.ErrorIds));
        Assert.Empty(host.Server.Requests);
    }

    [Theory]
    [InlineData("-Scale 101", "InvalidScale")]
    [InlineData("-Scale '101%'", "InvalidScale")]
    [InlineData("-Scale -0.5", "InvalidScale")]
    [InlineData("-Scale 10 -Wait -PollInterval 600", "InvalidPollInterval")]
    [InlineData("-Scale 10 -Wait -Timeout -5", "InvalidTimeout")]
    public async Task Client_side_checks_fail_before_any_request(string parameters, string errorId)
    {
        await using var host = await StartAsync();
        var result = host.Run("Set-EcsTaskSet ecs-svc/1 -Cluster demo -Service checkout " + parameters);
        SingleError(result, errorId + Suffix, ErrorCategory.InvalidArgument);
        Assert.Empty(host.Server.Requests);
    }

    [Fact]
    public async Task New_piped_to_Set_Scale_100_Wait_outputs_the_settled_task_set()
    {
        await using var host = await StartAsync();
        var result = host.Run("New-EcsTaskSet -Cluster demo -Service checkout -TaskDefinition fargate-web -LaunchType FARGATE -Scale 0 | "
            + "Set-EcsTaskSet -Scale 100 -Wait -PollInterval 0.05 -Timeout 30").EnsureSuccess();
        dynamic set = Assert.Single(result.Output).BaseObject;
        Assert.Equal("STEADY_STATE", set.StabilityStatus);
        Assert.Equal(4, (int)set.RunningCount);
        var update = Assert.Single(host.Server.RequestsFor("UpdateTaskSet")).Json!;
        Assert.Equal((string)set.TaskSetArn, (string?)update["taskSet"]);
        Assert.Equal("arn:aws:ecs:us-east-1:123456789012:service/demo/checkout", (string?)update["service"]);
        Assert.Equal("arn:aws:ecs:us-east-1:123456789012:cluster/demo", (string?)update["cluster"]);
        Assert.True(host.Server.RequestsFor("DescribeTaskSets").Count >= 2);
    }

    [Fact]
    public async Task Waiting_on_several_task_sets_of_a_service_makes_one_DescribeTaskSets_per_poll()
    {
        await using var host = await StartAsync();
        var blue = CreateSet(host.Server, 0);
        var green = CreateSet(host.Server, 0, "stuck");
        var result = host.Run("Get-EcsTaskSet -Cluster demo -Service checkout | Set-EcsTaskSet -Scale 50 -Wait -PollInterval 0.05 -Timeout 1.5");
        Assert.Equal(blue, Assert.Single(result.Output).BaseObject.ToString());
        var error = SingleError(result, "WaitTimeout" + Suffix, ErrorCategory.OperationTimeout);
        Assert.Equal(green, error.TargetObject.ToString());
        var polls = host.Server.RequestsFor("DescribeTaskSets").Skip(1).Select(r => r.Json!["taskSets"]!.AsArray().Select(t => (string)t!).ToArray()).ToArray();
        Assert.Equal(new[] { blue, green }, polls[0]);
        Assert.Equal(new[] { green }, polls[^1]);
        Assert.True(polls.Length >= 4);
    }

    [Fact]
    public async Task AWS_Tools_shaped_task_set_objects_bind_and_send_the_ARN()
    {
        await using var host = await StartAsync();
        var green = CreateSet(host.Server, 0);
        host.Run("[pscustomobject]@{ ClusterArn = 'arn:aws:ecs:us-east-1:123456789012:cluster/demo'; ServiceArn = 'arn:aws:ecs:us-east-1:123456789012:service/demo/checkout'; "
            + "Id = $args[0]; TaskSetArn = $args[1]; Scale = [pscustomobject]@{ Value = 0; Unit = 'PERCENT' } } | Set-EcsTaskSet -Primary", Id(green), green).EnsureSuccess();
        Assert.Equal(green, (string?)Assert.Single(host.Server.RequestsFor("UpdateServicePrimaryTaskSet")).Json!["primaryTaskSet"]);
    }

    [Fact]
    public async Task Get_piped_to_Set_Primary_promotes_each_and_WhatIf_sends_nothing()
    {
        await using var host = await StartAsync();
        CreateSet(host.Server, 100);
        var green = CreateSet(host.Server, 100);
        host.Run("Get-EcsTaskSet -Cluster demo -Service checkout | Where-Object Status -eq ACTIVE | Set-EcsTaskSet -Primary -WhatIf").EnsureSuccess();
        Assert.Empty(host.Server.RequestsFor("UpdateServicePrimaryTaskSet"));
        host.Run("Get-EcsTaskSet -Cluster demo -Service checkout | Where-Object Status -eq ACTIVE | Set-EcsTaskSet -Primary").EnsureSuccess();
        Assert.Equal(green, (string?)Assert.Single(host.Server.RequestsFor("UpdateServicePrimaryTaskSet")).Json!["primaryTaskSet"]);
    }

    [Fact]
    public async Task An_unknown_task_set_fails_that_input_only()
    {
        await using var host = await StartAsync();
        var green = CreateSet(host.Server, 0);
        var result = host.Run("'ecs-svc/1', $args[0] | ForEach-Object { [pscustomobject]@{ Cluster = 'demo'; Service = 'checkout'; TaskSet = $_ } } | Set-EcsTaskSet -Scale 10",
            green);
        Assert.Equal(green, Assert.Single(result.Output).BaseObject.ToString());
        var error = SingleError(result, "TaskSetNotFound" + Suffix, ErrorCategory.ObjectNotFound);
        Assert.Equal("ecs-svc/1", error.TargetObject);
    }

    [Theory]
    [InlineData("UpdateTaskSet", "-Scale 10", "LimitExceededException", "LimitExceeded", ErrorCategory.LimitsExceeded)]
    [InlineData("UpdateTaskSet", "-Scale 10", "ServiceNotActiveException", "ServiceNotActive", ErrorCategory.InvalidOperation)]
    [InlineData("UpdateTaskSet", "-Scale 10", "AccessDeniedException", "AccessDenied", ErrorCategory.PermissionDenied)]
    [InlineData("UpdateServicePrimaryTaskSet", "-Primary", "TaskSetNotFoundException", "TaskSetNotFound", ErrorCategory.ObjectNotFound)]
    [InlineData("UpdateServicePrimaryTaskSet", "-Primary", "ClusterNotFoundException", "ClusterNotFound", ErrorCategory.ObjectNotFound)]
    [InlineData("UpdateServicePrimaryTaskSet", "-Primary", "UnsupportedFeatureException", "UnsupportedFeature", ErrorCategory.NotImplemented)]
    public async Task ECS_errors_get_stable_ids_and_categories(string operation, string parameters, string code, string errorId, ErrorCategory category)
    {
        await using var host = await StartAsync();
        var green = CreateSet(host.Server, 0);
        host.Server.Faults.Add(LocalEcsFault.Error(operation, code, "Injected " + code).Times(3));
        var result = host.Run("Set-EcsTaskSet $args[0] -Cluster demo -Service checkout " + parameters, green);
        var error = SingleError(result, errorId + Suffix, category);
        Assert.Equal(green, error.TargetObject);
        Assert.Empty(result.Output);
    }
}
