using System;
using System.Threading.Tasks;
using Amazon.Runtime;
using Amazon.Runtime.Internal;

namespace EcsTools.Engine.Client;

/// <summary>
/// Sits just inside the SDK's retry handler and keeps the exception of the attempt that failed last, so that
/// <see cref="EcsRetryPolicy.CanRetry"/> can refuse the SDK's stale-connection resend for an unsafe operation.
/// </summary>
internal sealed class EcsAttemptRecorder : PipelineHandler
{
    private const string Key = "EcsTools.LastAttemptFailure";

    public static Exception? LastFailure(IExecutionContext executionContext) =>
        executionContext?.RequestContext?.ContextAttributes is { } attributes && attributes.TryGetValue(Key, out var value) ? value as Exception : null;

    public override void InvokeSync(IExecutionContext executionContext)
    {
        ArgumentNullException.ThrowIfNull(executionContext);
        try
        {
            base.InvokeSync(executionContext);
        }
        catch (Exception e)
        {
            executionContext.RequestContext.ContextAttributes[Key] = e;
            throw;
        }
    }

    public override async Task<T> InvokeAsync<T>(IExecutionContext executionContext)
    {
        ArgumentNullException.ThrowIfNull(executionContext);
        try
        {
            return await base.InvokeAsync<T>(executionContext).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            executionContext.RequestContext.ContextAttributes[Key] = e;
            throw;
        }
    }
}
