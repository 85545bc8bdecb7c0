using Amazon.Runtime;
using Amazon.Runtime.Endpoints;
using Amazon.Runtime.Internal;
using Amazon.Util.Internal;

namespace EcsTools.Engine.Client;

/// <summary>
/// Client configuration for CloudWatch Logs on AWSSDK.Core: service id "CloudWatch Logs" (so AWS_ENDPOINT_URL_CLOUDWATCH_LOGS
/// and the shared config file's services section "logs" apply), SigV4 signing name "logs", the Logs endpoint rules.
/// </summary>
internal sealed class LogsClientConfig : ClientConfig
{
    internal const string LogsServiceId = "CloudWatch Logs";
    internal const string SigningName = "logs";

    private static readonly string s_userAgent =
        InternalSDKUtils.BuildUserAgentString("CloudWatch Logs", typeof(LogsClientConfig).Assembly.GetName().Version?.ToString(3) ?? "0.0.0");

    public LogsClientConfig()
        : base(new DefaultConfigurationProvider(EcsClientConfig.DefaultConfigurations()))
    {
        ServiceId = LogsServiceId;
        AuthenticationServiceName = SigningName;
        EndpointProvider = new LogsEndpointProvider();
    }

    public override string RegionEndpointServiceName => SigningName;

    public override string ServiceVersion => "2014-03-28";

    public override string UserAgent => s_userAgent;

    public override Endpoint DetermineServiceOperationEndpoint(ServiceOperationEndpointParameters parameters) =>
        EcsClientConfig.DetermineEndpoint(this, LogsServiceId, parameters);
}
