using System.Threading.Tasks;
using EcsTools.Engine.Tests.Client;
using EcsTools.LocalEcs;
using Xunit;

namespace EcsTools.Engine.Tests.Logs;

/// <summary>Where the connection's CloudWatch Logs client sends its requests: -EndpointUrl, AWS_ENDPOINT_URL_LOGS, the SDK's settings, the rules.</summary>
[Collection(EnvironmentCollection.Name)]
public sealed class LogsEndpointTests
{
    private static EcsConnectionSettings Settings(string? endpoint = null, string region = "eu-west-1") => new()
    {
        EndpointUrl = endpoint,
        Region = region,
        AccessKey = "AKIDLOGSTEST",
        SecretKey = "logs-secret",
    };

    [Fact]
    public void Without_an_endpoint_the_Logs_rules_of_the_region_apply_and_awslogs_region_picks_another()
    {
        using var _ = new EnvironmentScope(("AWS_ENDPOINT_URL_LOGS", null), ("AWS_ENDPOINT_URL_CLOUDWATCH_LOGS", null), ("AWS_ENDPOINT_URL", null), ("AWS_ENDPOINT_URL_ECS", null));
        using var connection = EcsConnection.Open(Settings());
        Assert.Equal("https://logs.eu-west-1.amazonaws.com", connection.LogsEndpoint(null).Endpoint.TrimEnd('/'));
        Assert.Equal("https://logs.cn-north-1.amazonaws.com.cn", connection.LogsEndpoint("cn-north-1").Endpoint.TrimEnd('/'));
    }

    [Fact]
    public void EndpointUrl_serves_Logs_too_and_AWS_ENDPOINT_URL_LOGS_is_honoured_without_it()
    {
        using (new EnvironmentScope(("AWS_ENDPOINT_URL_LOGS", "http://127.0.0.1:9999"), ("AWS_ENDPOINT_URL_CLOUDWATCH_LOGS", null), ("AWS_ENDPOINT_URL", null)))
        {
            using var withUrl = EcsConnection.Open(Settings("http://127.0.0.1:4566"));
            var (explicitEndpoint, explicitSource) = withUrl.LogsEndpoint(null);
            Assert.Equal("http://127.0.0.1:4566", explicitEndpoint.TrimEnd('/'));
            Assert.Equal("-EndpointUrl", explicitSource);

            using var fromEnvironment = EcsConnection.Open(Settings());
            var (endpoint, source) = fromEnvironment.LogsEndpoint(null);
            Assert.Equal("http://127.0.0.1:9999", endpoint.TrimEnd('/'));
            Assert.Equal("environment variable AWS_ENDPOINT_URL_LOGS", source);
        }
    }

    [Fact]
    public async Task The_SDK_variable_AWS_ENDPOINT_URL_CLOUDWATCH_LOGS_sends_the_reads_there_signed_for_logs()
    {
        await using var scene = await LogScene.StartAsync();
        using var _ = new EnvironmentScope(("AWS_ENDPOINT_URL_LOGS", null), ("AWS_ENDPOINT_URL_CLOUDWATCH_LOGS", scene.Server.Endpoint.ToString().TrimEnd('/')), ("AWS_ENDPOINT_URL", null));
        using var connection = EcsConnection.Open(Settings(region: "us-east-1"));
        Assert.Equal(scene.Server.Endpoint.ToString().TrimEnd('/'), connection.LogsEndpoint(null).Endpoint.TrimEnd('/'));
        var reader = new EcsTools.Engine.Logs.TaskLogReader(connection);
        reader.Add(new EcsTools.Engine.Logs.TaskLogSource("arn", "id", "app", "us-east-1", "/none", "app/app/id"));
        var result = await reader.ReadAsync(toTheEnd: true);
        Assert.Empty(result.Failures);
        Assert.Single(scene.Server.RequestsFor("GetLogEvents"));
    }

    [Fact]
    public async Task A_Logs_endpoint_variable_changed_between_reads_moves_the_next_read_on_the_same_connection()
    {
        await using var first = await LogScene.StartAsync();
        await using var second = await LogScene.StartAsync();
        using var _ = new EnvironmentScope(("AWS_ENDPOINT_URL_LOGS", first.Server.Endpoint.ToString()), ("AWS_ENDPOINT_URL_CLOUDWATCH_LOGS", null), ("AWS_ENDPOINT_URL", null));
        using var connection = EcsConnection.Open(Settings(region: "us-east-1"));
        var source = new EcsTools.Engine.Logs.TaskLogSource("arn", "id", "app", "us-east-1", "/none", "app/app/id");

        var reader = new EcsTools.Engine.Logs.TaskLogReader(connection);
        reader.Add(source);
        Assert.Empty((await reader.ReadAsync(toTheEnd: true)).Failures);
        System.Environment.SetEnvironmentVariable("AWS_ENDPOINT_URL_LOGS", second.Server.Endpoint.ToString());
        var again = new EcsTools.Engine.Logs.TaskLogReader(connection);
        again.Add(source);
        Assert.Empty((await again.ReadAsync(toTheEnd: true)).Failures);

        Assert.Single(first.Server.RequestsFor("GetLogEvents"));
        Assert.Single(second.Server.RequestsFor("GetLogEvents"));
        Assert.Equal(second.Server.Endpoint.ToString().TrimEnd('/'), connection.LogsEndpoint(null).Endpoint.TrimEnd('/'));
    }
}
