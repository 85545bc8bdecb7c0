using Amazon.Runtime;
using Amazon.Runtime.Endpoints;

namespace EcsTools.Engine.Client;

/// <summary>
/// The CloudWatch Logs endpoint rule set (botocore 1.43's logs endpoint-rule-set-1.json), evaluated with the SDK's
/// standard library: a custom endpoint wins; FIPS in us-gov-east-1 and us-gov-west-1 is logs.{region}.amazonaws.com;
/// otherwise logs[-fips].{region}.{dnsSuffix | dualStackDnsSuffix} of the region's partition.
/// </summary>
internal sealed class LogsEndpointProvider : RuleSetEndpointProvider
{
    protected override string ServiceName => "CloudWatch Logs";

    protected override Endpoint ForPartition(string region, PartitionInfo partition, bool useFips, bool useDualStack)
    {
        var (dnsSuffix, dualStackDnsSuffix, supportsFips, supportsDualStack) = partition;
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
