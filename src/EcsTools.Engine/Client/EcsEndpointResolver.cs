using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Endpoints;
using Amazon.Runtime.Internal;
using Amazon.Util;

namespace EcsTools.Engine.Client;

/// <summary>Pipeline handler that maps the client configuration onto the ECS endpoint rule parameters.</summary>
internal sealed class EcsEndpointResolver : BaseEndpointResolver
{
    protected override EndpointParameters MapEndpointsParameters(IRequestContext requestContext)
    {
        var config = requestContext.ClientConfig;
        var parameters = new EndpointParameters
        {
            ["Region"] = requestContext.Request.AlternateEndpoint?.SystemName ?? config.RegionEndpoint?.SystemName,
            ["UseDualStack"] = config.UseDualstackEndpoint,
            ["UseFIPS"] = config.UseFIPSEndpoint,
            ["Endpoint"] = config.ServiceURL,
        };

        if (config.RegionEndpoint == null && !string.IsNullOrEmpty(config.ServiceURL))
        {
            parameters["Region"] = !string.IsNullOrEmpty(config.AuthenticationRegion)
                ? config.AuthenticationRegion
                : RegionEndpoint.GetBySystemName(AWSSDKUtils.DetermineRegion(config.ServiceURL)).SystemName;
        }

        return parameters;
    }
}
