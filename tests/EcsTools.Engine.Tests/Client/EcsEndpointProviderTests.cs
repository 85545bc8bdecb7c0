using Amazon.Runtime;
using Amazon.Runtime.Endpoints;
using EcsTools.Engine.Client;
using Xunit;

namespace EcsTools.Engine.Tests.Client;

/// <summary>The ECS endpoint rules, as botocore's endpoint-rule-set-1.json states them.</summary>
public sealed class EcsEndpointProviderTests
{
    [Theory]
    [InlineData("us-east-1", false, false, "https://ecs.us-east-1.amazonaws.com")]
    [InlineData("eu-west-1", true, false, "https://ecs-fips.eu-west-1.amazonaws.com")]
    [InlineData("us-west-2", false, true, "https://ecs.us-west-2.api.aws")]
    [InlineData("us-east-1", true, true, "https://ecs-fips.us-east-1.api.aws")]
    [InlineData("cn-north-1", false, false, "https://ecs.cn-north-1.amazonaws.com.cn")]
    [InlineData("us-gov-west-1", false, false, "https://ecs.us-gov-west-1.amazonaws.com")]
    public void Resolves_the_regional_endpoint(string region, bool fips, bool dualStack, string expected)
    {
        var endpoint = new EcsEndpointProvider().ResolveEndpoint(new EndpointParameters
        {
            ["Region"] = region,
            ["UseFIPS"] = fips,
            ["UseDualStack"] = dualStack,
            ["Endpoint"] = null,
        });
        Assert.Equal(expected, endpoint.URL);
    }

    [Fact]
    public void A_custom_endpoint_wins_and_refuses_FIPS()
    {
        var provider = new EcsEndpointProvider();
        var parameters = new EndpointParameters { ["Region"] = "us-east-1", ["UseFIPS"] = false, ["UseDualStack"] = false, ["Endpoint"] = "http://127.0.0.1:4566" };
        Assert.Equal("http://127.0.0.1:4566", provider.ResolveEndpoint(parameters).URL);
        parameters["UseFIPS"] = true;
        Assert.Throws<AmazonClientException>(() => provider.ResolveEndpoint(parameters));
    }
}
