using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using EcsTools.Tests.Host;
using EcsTools.Tests.Infrastructure;
using Xunit;

namespace EcsTools.Tests.Commands;

/// <summary>
/// The task set cmdlets against moto, the third-party ECS emulator: a whole blue/green deployment of the EXTERNAL service
/// <c>checkout</c> in cluster <c>ec2</c>, and moto's quirks (no failures in DescribeTaskSets, PRIMARY only by full ARN).
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class TaskSetMotoTests(MotoFixture moto)
{
    [Fact]
    public async Task A_blue_green_deployment_from_start_to_finish()
    {
        var scene = await moto.ResetSceneAsync();
        using var session = PsSession.Create(moto.Endpoint);

        // Blue serves production at 100 percent.
        var blue = session.Run("$blue = New-EcsTaskSet -Cluster ec2 -Service checkout -TaskDefinition web:1 -LaunchType EC2 -Scale 100 -ExternalId blue -Tag @{color='blue'}; "
            + "$blue = $blue | Set-EcsTaskSet -Primary; $blue").EnsureSuccess();
        dynamic blueSet = Assert.Single(blue.Output).BaseObject;
        Assert.Equal("PRIMARY", blueSet.Status);
        Assert.Equal(scene.Web1TaskDefinitionArn, blueSet.TaskDefinitionArn);
        Assert.Equal(scene.CheckoutServiceArn, blueSet.ServiceArn);
        Assert.Equal(scene.Ec2ClusterArn, blueSet.ClusterArn);
        Assert.Equal("checkout", blueSet.ServiceName);
        Assert.Equal("blue", blueSet.ExternalId);

        // Green is created at 0, scaled to 100 and waited for, then promoted.
        var green = session.Run("$green = New-EcsTaskSet -Cluster ec2 -Service checkout -TaskDefinition web:2 -LaunchType EC2 -Scale 0 -ExternalId green; "
            + "$green = $green | Set-EcsTaskSet -Scale 100 -Wait -PollInterval 0.05 -Timeout 30; $green = $green | Set-EcsTaskSet -Primary; $green").EnsureSuccess();
        dynamic greenSet = Assert.Single(green.Output).BaseObject;
        Assert.Equal("PRIMARY", greenSet.Status);
        Assert.Equal(100.0, (double)greenSet.Scale);
        Assert.Equal("STEADY_STATE", greenSet.StabilityStatus);
        var statuses = session.Run("Get-EcsTaskSet -Cluster ec2 -Service checkout | ForEach-Object { '{0}={1}' -f $_.ExternalId, $_.Status }")
            .EnsureSuccess().Output.Select(o => o.BaseObject.ToString()).Order();
        Assert.Equal(new[] { "blue=ACTIVE", "green=PRIMARY" }, statuses);

        // Blue is scaled to 0, waited for, and removed.
        session.Run("$blue | Set-EcsTaskSet -Scale 0 -Wait -PollInterval 0.05 -Timeout 30").EnsureSuccess();
        var removed = session.Run("Get-EcsTaskSet -Cluster ec2 -Service checkout | Where-Object Status -eq ACTIVE | Remove-EcsTaskSet -Force").EnsureSuccess();
        Assert.Equal((string)blueSet.TaskSetArn, Assert.Single(removed.Output).BaseObject.ToString());

        var left = session.Run("Get-EcsTaskSet -Cluster ec2 -Service checkout").EnsureSuccess();
        dynamic only = Assert.Single(left.Output).BaseObject;
        Assert.Equal((string)greenSet.TaskSetArn, only.TaskSetArn);
        var service = await moto.Ecs.CallAsync("DescribeServices", new { cluster = "ec2", services = new[] { "checkout" } });
        Assert.Equal(scene.Web2TaskDefinitionArn, (string?)service["services"]![0]!["taskDefinition"]);
    }

    [Fact]
    public void Unknown_ids_are_errors_although_moto_reports_no_failures()
    {
        using var session = PsSession.Create(moto.Endpoint);
        var result = session.Run("Get-EcsTaskSet ecs-svc/999 -Cluster ec2 -Service checkout");
        var error = Assert.Single(result.Errors);
        Assert.Equal("TaskSetNotFound,EcsTools.Commands.GetEcsTaskSetCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        Assert.Empty(result.Output);
    }

    [Fact]
    public void Missing_service_and_cluster_are_ObjectNotFound()
    {
        using var session = PsSession.Create(moto.Endpoint);
        var service = session.Run("New-EcsTaskSet -Cluster ec2 -Service nope -TaskDefinition web:1 -LaunchType EC2");
        Assert.Equal("ServiceNotFound,EcsTools.Commands.NewEcsTaskSetCommand", Assert.Single(service.Errors).FullyQualifiedErrorId);
        var cluster = session.Run("Get-EcsTaskSet -Cluster nope -Service checkout");
        Assert.Equal("ClusterNotFound,EcsTools.Commands.GetEcsTaskSetCommand", Assert.Single(cluster.Errors).FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, cluster.Errors[0].CategoryInfo.Category);
    }
}
