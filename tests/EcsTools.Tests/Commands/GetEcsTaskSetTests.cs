using System;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using System.Xml.Linq;
using EcsTools.LocalEcs;
using Xunit;
using static EcsTools.Tests.Commands.TaskSetTestKit;

namespace EcsTools.Tests.Commands;

/// <summary>Get-EcsTaskSet against LocalEcs: all or some task sets, pipeline binding, unknown ids, errors.</summary>
public sealed class GetEcsTaskSetTests
{
    private const string Suffix = ",EcsTools.Commands.GetEcsTaskSetCommand";

    [Fact]
    public async Task Without_TaskSet_it_describes_every_task_set_of_the_service_with_tags()
    {
        await using var host = await StartAsync();
        var blue = CreateSet(host.Server, 100);
        var green = CreateSet(host.Server, 0);
        var result = host.Run("Get-EcsTaskSet -Cluster demo -Service checkout").EnsureSuccess();
        Assert.Equal(new[] { blue, green }, result.Output.Select(o => o.BaseObject.ToString()));
        Assert.Equal(new[] { "PRIMARY", "ACTIVE" }, result.Output.Select(o => (string)((dynamic)o.BaseObject).Status));
        var body = Assert.Single(host.Server.RequestsFor("DescribeTaskSets")).Json!.AsObject();
        Assert.Equal("""{"cluster":"demo","service":"checkout","include":["TAGS"]}""", body.ToJsonString());
    }

    [Fact]
    public async Task By_id_and_by_ARN()
    {
        await using var host = await StartAsync();
        var blue = CreateSet(host.Server, 100);
        var green = CreateSet(host.Server, 0);
        var result = host.Run("Get-EcsTaskSet $args[0], $args[1] -Cluster demo -Service checkout", Id(green), blue).EnsureSuccess();
        Assert.Equal(new[] { green, blue }.Order(), result.Output.Select(o => o.BaseObject.ToString()).Order());
        var body = Assert.Single(host.Server.RequestsFor("DescribeTaskSets")).Json!;
        Assert.Equal($$"""["{{Id(green)}}","{{blue}}"]""", body["taskSets"]!.ToJsonString());
    }

    [Fact]
    public async Task An_unknown_id_is_an_ObjectNotFound_error_and_the_known_ones_are_still_output()
    {
        await using var host = await StartAsync();
        var blue = CreateSet(host.Server, 100);
        var result = host.Run("Get-EcsTaskSet ecs-svc/1234, $args[0] -Cluster demo -Service checkout", blue);
        Assert.Equal(blue, Assert.Single(result.Output).BaseObject.ToString());
        var error = SingleError(result, "TaskSetNotFound" + Suffix, ErrorCategory.ObjectNotFound);
        Assert.Equal("ecs-svc/1234", error.TargetObject);
        Assert.Contains("Task set 'ecs-svc/1234' was not found in service 'checkout' of cluster 'demo'", error.Exception.Message);
        Assert.Contains("Get-EcsTaskSet -Cluster demo -Service checkout", error.ErrorDetails.RecommendedAction);
    }

    [Fact]
    public async Task Service_objects_bind_from_the_pipeline()
    {
        await using var host = await StartAsync();
        var blue = CreateSet(host.Server, 100);
        var result = host.Run("[pscustomobject]@{ ClusterArn = 'arn:aws:ecs:us-east-1:123456789012:cluster/demo'; ServiceName = 'checkout'; "
            + "ServiceArn = 'arn:aws:ecs:us-east-1:123456789012:service/demo/checkout'; TaskSets = @([pscustomobject]@{ Id = 'ecs-svc/1' }) } | Get-EcsTaskSet")
            .EnsureSuccess();
        Assert.Equal(blue, Assert.Single(result.Output).BaseObject.ToString());
        var body = Assert.Single(host.Server.RequestsFor("DescribeTaskSets")).Json!.AsObject();
        Assert.Equal("arn:aws:ecs:us-east-1:123456789012:service/demo/checkout", (string?)body["service"]);
        Assert.False(body.ContainsKey("taskSets"));
    }

    [Fact]
    public async Task Task_set_objects_bind_from_the_pipeline_ours_and_AWS_Tools_shaped()
    {
        await using var host = await StartAsync();
        var blue = CreateSet(host.Server, 100);
        var green = CreateSet(host.Server, 0);
        var ours = host.Run("Get-EcsTaskSet -Cluster demo -Service checkout | Get-EcsTaskSet").EnsureSuccess();
        Assert.Equal(new[] { blue, green }, ours.Output.Select(o => o.BaseObject.ToString()));
        Assert.Equal(blue, (string?)host.Server.RequestsFor("DescribeTaskSets")[1].Json!["taskSets"]![0]);

        host.Server.ClearRequests();
        var awsTools = host.Run("[pscustomobject]@{ ClusterArn = 'arn:aws:ecs:us-east-1:123456789012:cluster/demo'; "
            + "ServiceArn = 'arn:aws:ecs:us-east-1:123456789012:service/demo/checkout'; Id = $args[0]; TaskSetArn = $args[1] } | Get-EcsTaskSet",
            Id(green), green).EnsureSuccess();
        Assert.Equal(green, Assert.Single(awsTools.Output).BaseObject.ToString());
        Assert.Equal(green, (string?)Assert.Single(host.Server.RequestsFor("DescribeTaskSets")).Json!["taskSets"]![0]);

        host.Server.ClearRequests();
        host.Run("[pscustomobject]@{ ClusterArn = 'demo'; ServiceName = 'checkout'; Id = $args[0] } | Get-EcsTaskSet", Id(green)).EnsureSuccess();
        Assert.Equal(Id(green), (string?)Assert.Single(host.Server.RequestsFor("DescribeTaskSets")).Json!["taskSets"]![0]);
    }

    [Fact]
    public async Task A_missing_service_fails_that_input_only()
    {
        await using var host = await StartAsync();
        CreateSet(host.Server, 100);
        var result = host.Run("'nope','checkout' | ForEach-Object { [pscustomobject]@{ Cluster = 'demo'; Service = $_ } } | Get-EcsTaskSet");
        Assert.Single(result.Output);
        var error = SingleError(result, "ServiceNotFound" + Suffix, ErrorCategory.ObjectNotFound);
        Assert.Equal("nope", error.TargetObject);
    }

    [Theory]
    [InlineData("ClusterNotFoundException", "ClusterNotFound", ErrorCategory.ObjectNotFound)]
    [InlineData("ServiceNotActiveException", "ServiceNotActive", ErrorCategory.InvalidOperation)]
    [InlineData("AccessDeniedException", "AccessDenied", ErrorCategory.PermissionDenied)]
    [InlineData("UnsupportedFeatureException", "UnsupportedFeature", ErrorCategory.NotImplemented)]
    public async Task ECS_errors_get_stable_ids_and_categories(string code, string errorId, ErrorCategory category)
    {
        await using var host = await StartAsync();
        host.Server.Faults.Add(LocalEcsFault.Error("DescribeTaskSets", code, "Injected " + code).Times(3));
        var result = host.Run("Get-EcsTaskSet -Cluster demo -Service checkout");
        SingleError(result, errorId + Suffix, category);
    }

    [Fact]
    public async Task A_service_with_the_ECS_controller_is_refused_with_advice_about_EXTERNAL()
    {
        await using var host = await StartAsync();
        var result = host.Run("Get-EcsTaskSet -Cluster demo -Service classic");
        var error = SingleError(result, "InvalidParameter" + Suffix, ErrorCategory.InvalidArgument);
        Assert.Contains("EXTERNAL", error.ErrorDetails.RecommendedAction);
    }

    [Fact]
    public void The_table_view_fits_120_columns_and_every_view_names_real_properties()
    {
        var format = XDocument.Load(System.IO.Path.Combine(EcsTools.Tests.Host.TestPaths.ModuleDirectory, "EcsTools.Format.ps1xml"));
        var views = format.Descendants("View").Where(v => (string?)v.Element("ViewSelectedBy")?.Element("TypeName") == "EcsTools.EcsTaskSet").ToArray();
        Assert.Equal(2, views.Length);
        var widths = views.Single(v => v.Element("TableControl") is not null).Descendants("TableColumnHeader").Select(h => (int)h.Element("Width")!).ToArray();
        Assert.True(widths.Sum() + widths.Length - 1 <= 120, $"{widths.Sum() + widths.Length - 1} columns");
        using var session = EcsTools.Tests.Host.PsSession.Create();
        var properties = session.Run("[EcsTools.EcsTaskSet].GetProperties().Name").EnsureSuccess().Output.Select(o => o.BaseObject.ToString()).ToHashSet();
        foreach (var name in views.Descendants("PropertyName").Select(p => p.Value))
        {
            Assert.Contains(name, properties);
        }
    }
}
