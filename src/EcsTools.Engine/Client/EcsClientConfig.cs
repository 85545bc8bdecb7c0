using System;
using System.Collections.Generic;
using Amazon.Runtime;
using Amazon.Runtime.Endpoints;
using Amazon.Runtime.Internal;
using Amazon.Util.Internal;

namespace EcsTools.Engine.Client;

/// <summary>
/// Client configuration for ECS on AWSSDK.Core: service id "ECS" (so AWS_ENDPOINT_URL_ECS and the shared config file's
/// services section apply), SigV4 signing name "ecs", the ECS endpoint rules.
/// </summary>
internal sealed class EcsClientConfig : ClientConfig
{
    internal const string EcsServiceId = "ECS";
    internal const string SigningName = "ecs";

    private static readonly string s_userAgent =
        InternalSDKUtils.BuildUserAgentString("ECS", typeof(EcsClientConfig).Assembly.GetName().Version?.ToString(3) ?? "0.0.0");

    public EcsClientConfig()
        : base(new DefaultConfigurationProvider(DefaultConfigurations()))
    {
        ServiceId = EcsServiceId;
        AuthenticationServiceName = SigningName;
        EndpointProvider = new EcsEndpointProvider();
    }

    public override string RegionEndpointServiceName => SigningName;

    public override string ServiceVersion => "2014-11-13";

    public override string UserAgent => s_userAgent;

    public override Endpoint DetermineServiceOperationEndpoint(ServiceOperationEndpointParameters parameters) =>
        DetermineEndpoint(this, EcsServiceId, parameters);

    /// <summary>The endpoint of one operation as the client's pipeline resolves it (the config's EndpointProvider and the SDK's endpoint settings).</summary>
    internal static Endpoint DetermineEndpoint(ClientConfig config, string serviceId, ServiceOperationEndpointParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var requestContext = new RequestContext(false)
        {
            ClientConfig = config,
            OriginalRequest = parameters.Request,
            Request = new DefaultRequest(parameters.Request, serviceId),
        };
        requestContext.Request.AlternateEndpoint = parameters.AlternateEndpoint;
        return new EcsEndpointResolver().GetEndpoint(new ExecutionContext(requestContext, null));
    }

    // The SDK's defaults modes, as every AWSSDK service client declares them.
    internal static List<IDefaultConfiguration> DefaultConfigurations()
    {
        static DefaultConfiguration Mode(DefaultConfigurationMode name, int connectMilliseconds) => new()
        {
            Name = name,
            RetryMode = RequestRetryMode.Standard,
            S3UsEast1RegionalEndpoint = S3UsEast1RegionalEndpointValue.Regional,
            ConnectTimeout = TimeSpan.FromMilliseconds(connectMilliseconds),
            TlsNegotiationTimeout = TimeSpan.FromMilliseconds(connectMilliseconds),
        };

        return
        [
            Mode(DefaultConfigurationMode.Standard, 3100),
            Mode(DefaultConfigurationMode.InRegion, 1100),
            Mode(DefaultConfigurationMode.CrossRegion, 3100),
            Mode(DefaultConfigurationMode.Mobile, 30000),
            Mode(DefaultConfigurationMode.Auto, 1100),
        ];
    }
}
