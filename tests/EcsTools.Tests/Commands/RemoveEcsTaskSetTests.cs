using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using EcsTools.LocalEcs;
using Xunit;
using static EcsTools.Tests.Commands.TaskSetTestKit;

namespace EcsTools.Tests.Commands;

/// <summary>Remove-EcsTaskSet against LocalEcs: confirmation, -Force, -IgnoreScale, pipeline, errors.</summary>
public sealed class RemoveEcsTaskSetTests
{
    private const string Suffix = ",EcsTools.Commands.RemoveEcsTaskSetCommand";

    [Fact]
    public async Task It_asks_first_and_a_host_that_cannot_ask_deletes_nothing()
    {
        await using var host = await StartAsync();
        var green = CreateSet(host.Server, 0);
        var confirmImpact = host.Run("(Get-Command Remove-EcsTaskSet).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0].ConfirmImpact")
            .EnsureSuccess();
        Assert.Equal("High", Assert.Single(confirmImpact.Output).BaseObject.ToString());
        var result = host.Run("Remove-EcsTaskSet $args[0] -Cluster demo -Service checkout", green);
        Assert.NotNull(result.FirstError);
        Assert.Empty(result.Output);
        Assert.Empty(host.Server.Requests);
        Assert.Single(Sets(host.Server));
    }

    [Theory]
    [InlineData("-Force")]
    [InlineData("-Confirm:$false")]
    public async Task Force_or_Confirm_false_deletes_without_asking_and_outputs_the_deleted_task_set(string parameters)
    {
        await using var host = await StartAsync();
        var green = CreateSet(host.Server, 0);
        var result = host.Run("Remove-EcsTaskSet $args[0] -Cluster demo -Service checkout " + parameters, green).EnsureSuccess();
        var body = Assert.Single(host.Server.RequestsFor("DeleteTaskSet")).Json!.AsObject();
        Assert.Equal($$"""{"cluster":"demo","service":"checkout","taskSet":"{{green}}"}""", body.ToJsonString());
        dynamic deleted = Assert.Single(result.Output).BaseObject;
        Assert.Equal(green, deleted.TaskSetArn);
        Assert.Equal("DRAINING", deleted.Status);
        Assert.Empty(Sets(host.Server));
    }

    [Fact]
    public async Task WhatIf_with_Force_still_sends_nothing()
    {
        await using var host = await StartAsync();
        var green = CreateSet(host.Server, 0);
        host.Run("Remove-EcsTaskSet $args[0] -Cluster demo -Service checkout -Force -WhatIf", green).EnsureSuccess();
        Assert.Empty(host.Server.Requests);
        host.Run("$WhatIfPreference = $true; Remove-EcsTaskSet $args[0] -Cluster demo -Service checkout -Force", green).EnsureSuccess();
        Assert.Empty(host.Server.Requests);
    }

    [Fact]
    public async Task A_scaled_task_set_needs_IgnoreScale_which_sends_force()
    {
        await using var host = await StartAsync();
        var blue = CreateSet(host.Server, 100);
        var refused = host.Run("Remove-EcsTaskSet $args[0] -Cluster demo -Service checkout -Force", blue);
        var error = SingleError(refused, "InvalidParameter" + Suffix, ErrorCategory.InvalidArgument);
        Assert.Contains("scaled down to 0", error.ErrorDetails.Message);
        Assert.False(host.Server.RequestsFor("DeleteTaskSet")[0].Json!.AsObject().ContainsKey("force"));

        host.Run("Remove-EcsTaskSet $args[0] -Cluster demo -Service checkout -Force -IgnoreScale", blue).EnsureSuccess();
        Assert.True((bool?)host.Server.RequestsFor("DeleteTaskSet")[1].Json!["force"]);
        Assert.Empty(Sets(host.Server));
    }

    [Fact]
    public async Task Get_filtered_by_status_pipes_into_Remove()
    {
        await using var host = await StartAsync();
        var blue = CreateSet(host.Server, 0);
        var green = CreateSet(host.Server, 0);
        var third = CreateSet(host.Server, 0);
        var result = host.Run("Get-EcsTaskSet -Cluster demo -Service checkout | Where-Object Status -eq ACTIVE | Remove-EcsTaskSet -Force").EnsureSuccess();
        Assert.Equal(new[] { green, third }, result.Output.Select(o => o.BaseObject.ToString()));
        Assert.Equal(new[] { green, third }, host.Server.RequestsFor("DeleteTaskSet").Select(r => (string)r.Json!["taskSet"]!));
        Assert.Equal(new[] { blue }, Sets(host.Server).Select(s => (string)s["taskSetArn"]!));
    }

    [Fact]
    public async Task AWS_Tools_shaped_objects_bind_from_the_pipeline()
    {
        await using var host = await StartAsync();
        var green = CreateSet(host.Server, 0);
        host.Run("[pscustomobject]@{ ClusterArn = 'arn:aws:ecs:us-east-1:123456789012:cluster/demo'; ServiceArn = 'arn:aws:ecs:us-east-1:123456789012:service/demo/checkout'; "
            + "Id = $args[0]; TaskSetArn = $args[1] } | Remove-EcsTaskSet -Force", Id(green), green).EnsureSuccess();
        var body = Assert.Single(host.Server.RequestsFor("DeleteTaskSet")).Json!;
        Assert.Equal(green, (string?)body["taskSet"]);
        Assert.Equal("arn:aws:ecs:us-east-1:123456789012:service/demo/checkout", (string?)body["service"]);
    }

    [Fact]
    public async Task An_unknown_task_set_fails_that_input_only()
    {
        await using var host = await StartAsync();
        var green = CreateSet(host.Server, 0);
        var result = host.Run("'ecs-svc/1', $args[0] | ForEach-Object { [pscustomobject]@{ Cluster = 'demo'; Service = 'checkout'; Id = $_ } } | Remove-EcsTaskSet -Force",
            Id(green));
        Assert.Equal(green, Assert.Single(result.Output).BaseObject.ToString());
        var error = SingleError(result, "TaskSetNotFound" + Suffix, ErrorCategory.ObjectNotFound);
        Assert.Equal("ecs-svc/1", error.TargetObject);
    }

    [Theory]
    [InlineData("ServiceNotFoundException", "ServiceNotFound", ErrorCategory.ObjectNotFound)]
    [InlineData("LimitExceededException", "LimitExceeded", ErrorCategory.LimitsExceeded)]
    [InlineData("AccessDeniedException", "AccessDenied", ErrorCategory.PermissionDenied)]
    [InlineData("InvalidParameterException", "InvalidParameter", ErrorCategory.InvalidArgument)]
    public async Task ECS_errors_get_stable_ids_and_categories(string code, string errorId, ErrorCategory category)
    {
        await using var host = await StartAsync();
        var green = CreateSet(host.Server, 0);
        host.Server.Faults.Add(LocalEcsFault.Error("DeleteTaskSet", code, "Injected " + code).Times(3));
        var result = host.Run("Remove-EcsTaskSet $args[0] -Cluster demo -Service checkout -Force", green);
        SingleError(result, errorId + Suffix, category);
        Assert.Single(Sets(host.Server));
    }
}
