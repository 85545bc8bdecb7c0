using Amazon.Runtime;
using Amazon.Runtime.Endpoints;

namespace EcsTools.Engine.Client;

/// <summary>
/// The ECS endpoint rule set (botocore's ecs endpoint-rule-set-1.json), evaluated with the SDK's standard library:
/// a custom endpoint wins; otherwise ecs[-fips].{region}.{dnsSuffix | dualStackDnsSuffix} of the region's partition.
/// </summary>
internal sealed class EcsEndpointProvider : RuleSetEndpointProvider
{
    protected override string ServiceName => "ECS";

    protected override Endpoint ForPartition(string region, PartitionInfo partition, bool useFips, bool useDualStack)
    {
        var (dnsSuffix, dualStackDnsSuffix, supportsFips, supportsDualStack) = partition;
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
