using Amazon.Runtime;
using Amazon.Runtime.Internal;

namespace EcsTools.Engine.Client;

/// <summary>
/// The CloudWatch Logs client: awsJson1_1 with target prefix Logs_20140328, signed for "logs" (see
/// <see cref="AwsJsonServiceClient"/>). AWSSDK.CloudWatchLogs is not used: this is the same route as the ECS client.
/// </summary>
internal sealed class LogsServiceClient : AwsJsonServiceClient
{
    private static readonly EcsServiceMetadata s_metadata = new(LogsClientConfig.LogsServiceId);

    public LogsServiceClient(AWSCredentials credentials, LogsClientConfig config)
        : base(credentials, config, EcsRequestMarshaller.Logs, "CloudWatch Logs")
    {
    }

    protected override IServiceMetadata ServiceMetadata => s_metadata;
}
