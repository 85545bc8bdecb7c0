using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EcsTools.Engine.Model;
using EcsTools.LocalEcs;
using Xunit;

namespace EcsTools.Engine.Tests.Client;

/// <summary>The engine against LocalEcs: signing, marshalling, retries, cancellation, error translation, endpoints from the environment.</summary>
[Collection(EnvironmentCollection.Name)]
public sealed class EcsConnectionTests
{
    private static EcsConnectionSettings Settings(LocalEcsServer server, string region = "us-east-1") => new()
    {
        EndpointUrl = server.Endpoint.ToString(),
        Region = region,
        AccessKey = "AKIDENGINETEST",
        SecretKey = "engine-secret",
    };

    [Fact]
    public async Task Signs_with_SigV4_for_ecs_in_the_region_and_reads_the_response()
    {
        await using var server = await LocalEcsServer.StartAsync(new LocalEcsOptions { Scene = LocalEcsScenes.Demo });
        using var connection = EcsConnection.Open(Settings(server, "eu-central-1"));
        var clusters = await connection.ListClustersAsync(new ListClustersRequest());
        Assert.Single(clusters.ClusterArns!);
        var request = server.Requests.Single();
        Assert.Equal("AmazonEC2ContainerServiceV20141113.ListClusters", request.Target);
        Assert.Matches(@"^AWS4-HMAC-SHA256 Credential=AKIDENGINETEST/\d{8}/eu-central-1/ecs/aws4_request, SignedHeaders=.*x-amz-date.*, Signature=[0-9a-f]{64}$", request.Authorization);
        Assert.Equal("{}", request.Body);
        Assert.Equal("eu-central-1", connection.Region);
        Assert.Equal("-EndpointUrl", connection.EndpointSource);
        Assert.DoesNotContain("engine-secret", connection.CredentialSource);
    }

    [Fact]
    public async Task Translates_errors_with_code_kind_and_request_id()
    {
        await using var server = await LocalEcsServer.StartAsync(new LocalEcsOptions { Scene = LocalEcsScenes.Demo });
        using var connection = EcsConnection.Open(Settings(server));
        var e = await Assert.ThrowsAsync<EcsServiceException>(() =>
            connection.DescribeTasksAsync(new DescribeTasksRequest { Cluster = "nope", Tasks = ["x"] }));
        Assert.Equal(EcsErrorKind.ClusterNotFound, e.Kind);
        Assert.Equal("ClusterNotFoundException", e.ErrorCode);
        Assert.Equal("DescribeTasks", e.Operation);
        Assert.Equal(server.Requests.Single().RequestId, e.RequestId);
        Assert.Equal(400, e.StatusCode);
    }

    [Fact]
    public async Task A_dropped_connection_is_retried()
    {
        await using var server = await LocalEcsServer.StartAsync(new LocalEcsOptions { Scene = LocalEcsScenes.Demo });
        server.Faults.Add(LocalEcsFault.DropConnection("ListClusters"));
        using var connection = EcsConnection.Open(Settings(server));
        var clusters = await connection.ListClustersAsync(new ListClustersRequest());
        Assert.Single(clusters.ClusterArns!);
        Assert.Equal(2, server.RequestsFor("ListClusters").Count);
    }

    [Fact]
    public async Task Cancellation_ends_a_call_in_flight_promptly()
    {
        await using var server = await LocalEcsServer.StartAsync(new LocalEcsOptions { Scene = LocalEcsScenes.Demo });
        server.Faults.Add(LocalEcsFault.Slow("ListClusters", TimeSpan.FromSeconds(30)));
        using var connection = EcsConnection.Open(Settings(server));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var started = DateTime.UtcNow;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => connection.ListClustersAsync(new ListClustersRequest(), cancel.Token));
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task AWS_ENDPOINT_URL_ECS_is_honoured_when_no_endpoint_is_given()
    {
        await using var server = await LocalEcsServer.StartAsync(new LocalEcsOptions { Scene = LocalEcsScenes.Demo });
        using var _ = new EnvironmentScope(("AWS_ENDPOINT_URL_ECS", server.Endpoint.ToString().TrimEnd('/')));
        using var connection = EcsConnection.Open(new EcsConnectionSettings { Region = "us-east-1", AccessKey = "AKIDENV", SecretKey = "s" });
        Assert.Equal("environment variable AWS_ENDPOINT_URL_ECS", connection.EndpointSource);
        var clusters = await connection.ListClustersAsync(new ListClustersRequest());
        Assert.Single(clusters.ClusterArns!);
        Assert.Single(server.Requests);
    }

    [Fact]
    public void Nothing_found_is_one_configuration_error_that_lists_where_it_looked()
    {
        using var _ = new EnvironmentScope(
            ("AWS_REGION", null), ("AWS_DEFAULT_REGION", null), ("AWS_PROFILE", null), ("AWS_CONFIG_FILE", "/nonexistent/config"),
            ("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent/credentials"), ("AWS_EC2_METADATA_DISABLED", "true"));
        var e = Assert.Throws<EcsConfigurationException>(() => EcsConnection.Open(new EcsConnectionSettings()));
        Assert.Equal("Region", e.Setting);
        Assert.Contains("AWS_REGION", e.Message);
        Assert.Contains("-Region", e.RecommendedAction);
    }
}
