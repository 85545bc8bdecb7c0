using Amazon.Runtime;
using Amazon.Runtime.Internal;

namespace EcsTools.Engine.Client;

/// <summary>The ECS client: awsJson1_1 with target prefix AmazonEC2ContainerServiceV20141113 (see <see cref="AwsJsonServiceClient"/>).</summary>
internal sealed class EcsServiceClient : AwsJsonServiceClient
{
    private static readonly EcsServiceMetadata s_metadata = new(EcsClientConfig.EcsServiceId);

    public EcsServiceClient(AWSCredentials credentials, EcsClientConfig config)
        : base(credentials, config, EcsRequestMarshaller.Instance, "ECS")
    {
    }

    protected override IServiceMetadata ServiceMetadata => s_metadata;
}
