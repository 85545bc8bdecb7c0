using System;
using Amazon.Runtime;
using Amazon.Runtime.Endpoints;
using Amazon.Runtime.Internal.Endpoints.StandardLibrary;

namespace EcsTools.Engine.Client;

/// <summary>
/// The CloudWatch Logs endpoint rule set (botocore 1.43's logs endpoint-rule-set-1.json), evaluated with the SDK's
/// standard library: a custom endpoint wins; FIPS in us-gov-east-1 and us-gov-west-1 is logs.{region}.amazonaws.com;
/// otherwise logs[-fips].{region}.{dnsSuffix | dualStackDnsSuffix} of the region's partition.
/// </summary>
internal sealed class LogsEndpointProvider : IEndpointProvider
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

        var partition = Fn.Partition(region) ?? throw new AmazonClientException($"Cannot resolve a CloudWatch Logs endpoint for region '{region}'.");
        var dnsSuffix = (string)Fn.GetAttr(partition, "dnsSuffix");
        var dualStackDnsSuffix = (string)Fn.GetAttr(partition, "dualStackDnsSuffix");
        var supportsFips = Equals(true, Fn.GetAttr(partition, "supportsFIPS"));
        var supportsDualStack = Equals(true, Fn.GetAttr(partition, "supportsDualStack"));

        if (useFips && useDualStack)
        {
            return supportsFips && supportsDualStack
                ? new Endpoint($"https://logs-fips.{region}.{dualStackDnsSuffix}")
                : throw new AmazonClientException("FIPS and DualStack are enabled, but this partition does not support one or both");
        }

        if (useFips)
        {
            if (!supportsFips)
            {
                throw new AmazonClientException("FIPS is enabled but this partition does not support FIPS");
            }

            return region is "us-gov-east-1" or "us-gov-west-1"
                ? new Endpoint($"https://logs.{region}.amazonaws.com")
                : new Endpoint($"https://logs-fips.{region}.{dnsSuffix}");
        }

        if (useDualStack)
        {
            return supportsDualStack
                ? new Endpoint($"https://logs.{region}.{dualStackDnsSuffix}")
                : throw new AmazonClientException("DualStack is enabled but this partition does not support DualStack");
        }

        return new Endpoint($"https://logs.{region}.{dnsSuffix}");
    }
}
