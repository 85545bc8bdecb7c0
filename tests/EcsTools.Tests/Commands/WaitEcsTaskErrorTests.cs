using System;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using EcsTools.Tests.Host;
using Xunit;
using static EcsTools.Tests.Commands.GetEcsTaskScenes;

namespace EcsTools.Tests.Commands;

/// <summary>
/// Wait-EcsTask's errors name what they are about: the cluster and region of ClusterNotFound, as Get-EcsTask's do; a
/// timeout under a minute says how long in seconds, not "0:00".
/// </summary>
public sealed class WaitEcsTaskErrorTests
{
    private const string Id = ",EcsTools.Commands.WaitEcsTaskCommand";

    [Fact]
    public async Task A_cluster_that_does_not_exist_is_ClusterNotFound_naming_the_cluster_and_the_region()
    {
        await using var host = await LocalEcsHost.StartAsync();

        var result = host.Run("Wait-EcsTask -Cluster nope -Task abc -PollInterval 0.1 -Timeout 20");

        var error = Assert.Single(result.Errors);
        Assert.Equal("ClusterNotFound" + Id, error.FullyQualifiedErrorId);
        Assert.StartsWith("The cluster 'nope' was not found in region us-east-1. ", error.ErrorDetails.Message, StringComparison.Ordinal);
        Assert.Empty(result.Output);
        Assert.Single(host.Server.RequestsFor("DescribeTasks"));
    }

    [Fact]
    public async Task Without_Cluster_ClusterNotFound_says_that_ECS_used_the_cluster_named_default()
    {
        await using var host = await LocalEcsHost.StartAsync();

        var result = host.Run("Wait-EcsTask -Task abc -PollInterval 0.1 -Timeout 20");

        var error = Assert.Single(result.Errors);
        Assert.Equal("ClusterNotFound" + Id, error.FullyQualifiedErrorId);
        Assert.StartsWith("The cluster 'default' was not found in region us-east-1: -Cluster was not given", error.ErrorDetails.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_timeout_under_a_minute_says_how_long_in_seconds_with_a_decimal()
    {
        await using var host = await LocalEcsHost.StartAsync();
        var arn = Run(host.Server, "web", 1, container: "web")[0];
        await WaitClocks.Until(() => (string?)host.Server.Invoke("DescribeTasks", new JsonObject { ["cluster"] = "demo", ["tasks"] = new JsonArray(arn) })["tasks"]![0]!["lastStatus"] == "RUNNING");
        var time = host.UseWaitClock();
        var described = host.Server.RequestsFor("DescribeTasks").Count;
        var (shell, completion) = host.Session.Start("Wait-EcsTask $args[0] -Timeout 0.5 -PollInterval 0.1 -Verbose 4>&1", arn);
        using (shell)
        {
            await WaitClocks.Until(() => host.Server.RequestsFor("DescribeTasks").Count > described);
            await WaitClocks.AdvanceUntil(time, TimeSpan.FromSeconds(0.01), () => completion.IsCompleted);
            var result = await completion;

            var error = Assert.Single(result.Errors);
            Assert.Equal("WaitTimeout" + Id, error.FullyQualifiedErrorId);
            Assert.Matches(@"^Timed out after 0\.[5-9] s: 1 task\(s\) are not STOPPED yet", error.Exception.Message);
            Assert.Contains(result.Output, o => o.BaseObject is System.Management.Automation.VerboseRecord v && v.Message.Contains("timeout 0.5 s.", StringComparison.Ordinal));
        }
    }
}
