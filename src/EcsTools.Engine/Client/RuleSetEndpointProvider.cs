using System;
using Amazon.Runtime;
using Amazon.Runtime.Endpoints;
using Amazon.Runtime.Internal.Endpoints.StandardLibrary;

namespace EcsTools.Engine.Client;

/// <summary>
/// What the standard AWS endpoint rule sets of ECS and CloudWatch Logs share, evaluated with the SDK's standard library:
/// a custom endpoint wins (and refuses FIPS and DualStack); otherwise a region is required and its partition decides
/// (see <see cref="ForPartition"/>).
/// </summary>
internal abstract class RuleSetEndpointProvider : IEndpointProvider
{
    /// <summary>The service's name in messages ("ECS", "CloudWatch Logs").</summary>
    protected abstract string ServiceName { get; }

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

        var partition = Fn.Partition(region)
            ?? throw new AmazonClientException($"Cannot resolve {(ServiceName == "ECS" ? "an" : "a")} {ServiceName} endpoint for region '{region}'.");
        var info = new PartitionInfo(
            (string)Fn.GetAttr(partition, "dnsSuffix"),
            (string)Fn.GetAttr(partition, "dualStackDnsSuffix"),
            Equals(true, Fn.GetAttr(partition, "supportsFIPS")),
            Equals(true, Fn.GetAttr(partition, "supportsDualStack")));
        return ForPartition(region, info, useFips, useDualStack);
    }

    /// <summary>The service's own rules for a region of a known partition.</summary>
    protected abstract Endpoint ForPartition(string region, PartitionInfo partition, bool useFips, bool useDualStack);

    /// <summary>What the rules read from a partition.</summary>
    protected readonly record struct PartitionInfo(string DnsSuffix, string DualStackDnsSuffix, bool SupportsFips, bool SupportsDualStack);
}
