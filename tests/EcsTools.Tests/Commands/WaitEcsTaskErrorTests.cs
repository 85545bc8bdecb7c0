using System;
using System.Linq;
using System.Threading.Tasks;
using EcsTools.Tests.Host;
using Xunit;

namespace EcsTools.Tests.Commands;

/// <summary>Wait-EcsTask's errors name what they are about: the cluster and region of ClusterNotFound, as Get-EcsTask's do.</summary>
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
}
