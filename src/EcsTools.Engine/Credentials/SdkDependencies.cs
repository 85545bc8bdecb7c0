using System;
using System.Net;
using System.Threading;
using Amazon;
using Amazon.Runtime;
using Amazon.RuntimeDependencies;
using Amazon.SSO;
using Amazon.SSOOIDC;

namespace EcsTools.Engine.Credentials;

/// <summary>
/// Registers the engine's own SSO, SSO OIDC and STS clients with its copy of AWSSDK.Core, before any profile is read
/// (an SSO profile builds its OIDC client when its credentials are created). Without this the SDK finds those clients by
/// reflection, which inside a session that also holds AWS.Tools could reach that module's assemblies. It also adds the
/// <see cref="SecretHarvester"/> to every client's pipeline.
/// </summary>
internal static class SdkDependencies
{
    private static int s_registered;

    public static void EnsureRegistered()
    {
        if (Interlocked.Exchange(ref s_registered, 1) == 1)
        {
            return;
        }

        var registry = GlobalRuntimeDependencyRegistry.Instance;
        registry.RegisterSSOClient(context => CreateSso(context.SSOClientContextData?.Region, context.SSOClientContextData?.ProxySettings));
        registry.RegisterSSOOIDCClient(context => CreateSsoOidc(context.SSOOIDCClientContextData?.Region, context.SSOOIDCClientContextData?.ProxySettings));
        registry.RegisterSecurityTokenServiceClient(context =>
            new AssumeRoleRouter(context.SecurityTokenServiceClientContextData?.Region, context.SecurityTokenServiceClientContextData?.ProxySettings));

        // Every client of the engine's SDK copy (only the engine loads it) hands its signing secrets to EcsSecrets.
        Amazon.Runtime.Internal.RuntimePipelineCustomizerRegistry.Instance.Register(new SecretHarvester());
    }

    private static AmazonSSOClient CreateSso(RegionEndpoint? region, IWebProxy? proxy)
    {
        var config = new AmazonSSOConfig { RegionEndpoint = region ?? throw new InvalidOperationException("The SSO profile has no sso_region.") };
        if (proxy is not null)
        {
            config.SetWebProxy(proxy);
        }

        return new AmazonSSOClient(new AnonymousAWSCredentials(), config);
    }

    private static AmazonSSOOIDCClient CreateSsoOidc(RegionEndpoint? region, IWebProxy? proxy)
    {
        var config = new AmazonSSOOIDCConfig { RegionEndpoint = region ?? throw new InvalidOperationException("The SSO profile has no sso_region.") };
        if (proxy is not null)
        {
            config.SetWebProxy(proxy);
        }

        return new AmazonSSOOIDCClient(new AnonymousAWSCredentials(), config);
    }
}
