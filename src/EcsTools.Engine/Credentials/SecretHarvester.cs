using System;
using System.Threading.Tasks;
using Amazon.Runtime;
using Amazon.Runtime.Internal;

namespace EcsTools.Engine.Credentials;

/// <summary>
/// Added after the signer of every client the engine's copy of the SDK builds (ECS, STS, SSO, SSO OIDC): before a
/// request leaves, the secret key and session token it was signed with, its signature, and any bearer token are handed
/// to <see cref="EcsSecrets"/>, so that an error, header echo or log line that repeats them is masked. This is how the
/// secrets of refreshing sources (SSO, assume-role, credential_process, web identity, instance metadata) become known.
/// </summary>
internal sealed class SecretHarvester : IRuntimePipelineCustomizer
{
    public string UniqueName => "EcsTools.SecretHarvester";

    public void Customize(Type type, RuntimePipeline pipeline)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        pipeline.AddHandlerAfter<Signer>(new Handler());
    }

    internal static void Harvest(IRequestContext context)
    {
        if (context.Identity is AWSCredentials credentials && credentials is not AnonymousAWSCredentials)
        {
            try
            {
                var current = credentials.GetCredentials();
                EcsSecrets.Register(current?.SecretKey);
                EcsSecrets.Register(current?.Token);
            }
            catch (Exception e) when (e is AmazonClientException or InvalidOperationException)
            {
                // The signer has just used them; if they cannot be read again there is nothing more to learn here.
            }
        }
        else if (context.Identity is AWSToken token)
        {
            EcsSecrets.Register(token.Token);
        }

        if (context.Request?.Headers is { } headers)
        {
            foreach (var name in (string[])["X-Amz-Security-Token", "x-amz-sso_bearer_token", "Authorization"])
            {
                if (headers.TryGetValue(name, out var value) && !string.IsNullOrEmpty(value))
                {
                    var signature = value.IndexOf("Signature=", StringComparison.Ordinal);
                    if (signature >= 0)
                    {
                        EcsSecrets.RegisterSignature(value[(signature + "Signature=".Length)..]);
                    }
                    else
                    {
                        EcsSecrets.Register(value);
                    }
                }
            }
        }
    }

    private sealed class Handler : PipelineHandler
    {
        public override void InvokeSync(IExecutionContext executionContext)
        {
            ArgumentNullException.ThrowIfNull(executionContext);
            Harvest(executionContext.RequestContext);
            base.InvokeSync(executionContext);
        }

        public override Task<T> InvokeAsync<T>(IExecutionContext executionContext)
        {
            ArgumentNullException.ThrowIfNull(executionContext);
            Harvest(executionContext.RequestContext);
            return base.InvokeAsync<T>(executionContext);
        }
    }
}
