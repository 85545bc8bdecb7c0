using Amazon.Runtime;
using Amazon.Runtime.Endpoints;
using EcsTools.Engine.Client;
using Xunit;

namespace EcsTools.Engine.Tests.Logs;

/// <summary>The CloudWatch Logs endpoint rules, as botocore 1.43's logs endpoint-rule-set-1.json states them.</summary>
public sealed class LogsEndpointProviderTests
{
    [Theory]
    [InlineData("us-east-1", false, false, "https://logs.us-east-1.amazonaws.com")]
    [InlineData("eu-west-1", true, false, "https://logs-fips.eu-west-1.amazonaws.com")]
    [InlineData("us-gov-east-1", true, false, "https://logs.us-gov-east-1.amazonaws.com")]
    [InlineData("us-gov-west-1", true, false, "https://logs.us-gov-west-1.amazonaws.com")]
    [InlineData("us-west-2", false, true, "https://logs.us-west-2.api.aws")]
    [InlineData("us-east-1", true, true, "https://logs-fips.us-east-1.api.aws")]
    [InlineData("cn-north-1", false, false, "https://logs.cn-north-1.amazonaws.com.cn")]
    public void Resolves_the_regional_endpoint(string region, bool fips, bool dualStack, string expected)
    {
        var endpoint = new LogsEndpointProvider().ResolveEndpoint(Parameters(region, fips, dualStack, null));
        Assert.Equal(expected, endpoint.URL);
    }

    [Fact]
    public void A_custom_endpoint_wins_and_refuses_FIPS_and_dual_stack()
    {
        var provider = new LogsEndpointProvider();
        Assert.Equal("http://127.0.0.1:4566", provider.ResolveEndpoint(Parameters("us-east-1", false, false, "http://127.0.0.1:4566")).URL);
        Assert.Throws<AmazonClientException>(() => provider.ResolveEndpoint(Parameters("us-east-1", true, false, "http://127.0.0.1:4566")));
        Assert.Throws<AmazonClientException>(() => provider.ResolveEndpoint(Parameters("us-east-1", false, true, "http://127.0.0.1:4566")));
    }

    [Fact]
    public void No_region_is_an_error()
    {
        var e = Assert.Throws<AmazonClientException>(() => new LogsEndpointProvider().ResolveEndpoint(Parameters(null, false, false, null)));
        Assert.Contains("Missing Region", e.Message);
    }

    private static EndpointParameters Parameters(string? region, bool fips, bool dualStack, string? endpoint) => new()
    {
        ["Region"] = region,
        ["UseFIPS"] = fips,
        ["UseDualStack"] = dualStack,
        ["Endpoint"] = endpoint,
    };
}
