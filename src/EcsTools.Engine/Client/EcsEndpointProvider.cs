using System;
using Amazon.Runtime;
using Amazon.Runtime.Endpoints;
using Amazon.Runtime.Internal.Endpoints.StandardLibrary;

namespace EcsTools.Engine.Client;

/// <summary>
/// The ECS endpoint rule set (botocore's ecs endpoint-rule-set-1.json), evaluated with the SDK's standard library:
/// a custom endpoint wins; otherwise ecs[-fips].{region}.{dnsSuffix | dualStackDnsSuffix} of the region's partition.
/// </summary>
internal sealed class EcsEndpointProvider : IEndpointProvider
{
    public Endpoint ResolveEndpoint(EndpointParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var region = parameters["Region"] as string;
        var useFips = parameters["UseFIPS"] is true;
        var useDualStack = parameters["UseDualStack"] is true;
        var endpoint = parameters["Endpoint"] as string;

        if (!string.IsNullOrEmpty(endpoint))
        {
            if (useFips)
            {
                throw new AmazonClientException("Invalid Configuration: FIPS and custom endpoint are not supported");
            }

            if (useDualStack)
            {
                throw new AmazonClientException("Invalid Configuration: Dualstack and custom endpoint are not supported");
            }

            return new Endpoint(endpoint);
        }

        if (string.IsNullOrEmpty(region))
        {
            throw new AmazonClientException("Invalid Configuration: Missing Region");
        }

        var partition = Fn.Partition(region) ?? throw new AmazonClientException($"Cannot resolve an ECS endpoint for region '{region}'.");
        var dnsSuffix = (string)Fn.GetAttr(partition, "dnsSuffix");
        var dualStackDnsSuffix = (string)Fn.GetAttr(partition, "dualStackDnsSuffix");
        var supportsFips = Equals(true, Fn.GetAttr(partition, "supportsFIPS"));
        var supportsDualStack = Equals(true, Fn.GetAttr(partition, "supportsDualStack"));

        if (useFips && !supportsFips)
        {
            throw new AmazonClientException("FIPS is enabled but this partition does not support FIPS");
        }

        if (useDualStack && !supportsDualStack)
        {
            throw new AmazonClientException("DualStack is enabled but this partition does not support DualStack");
        }

        var host = useFips ? "ecs-fips" : "ecs";
        var suffix = useDualStack ? dualStackDnsSuffix : dnsSuffix;
        return new Endpoint($"https://{host}.{region}.{suffix}");
    }
}
