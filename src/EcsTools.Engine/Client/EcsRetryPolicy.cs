using System;
using System.Threading.Tasks;
using Amazon.Runtime;
using Amazon.Runtime.Internal;

namespace EcsTools.Engine.Client;

/// <summary>
/// The SDK's standard retry policy (its backoff with jitter, throttling and transient-error detection, clock-skew
/// correction, x-amz-retry-after), with two changes:
/// <list type="bullet">
/// <item>What is retried depends on whether a repeat is safe (<see cref="EcsOperationSafety"/>): reads and creates with a
/// client token on every transient error; StartTask, StopTask and the task set changes only when the request cannot
/// have been processed (throttling, a connection that could not be made). The SDK's stale-connection retry, which
/// resends after a reset, is off for those too, and for every operation an attempt that timed out is not "stale". The
/// engine then finds out what an ambiguous failure did.</item>
/// <item>The retry budget is per call: <see cref="RetryPolicy.MaxRetries"/> retries (AWS_MAX_ATTEMPTS - 1, default 2),
/// with no process-wide retry quota. The standard mode's quota (a token bucket per endpoint, shared by every client of
/// the process) runs dry after a few dozen retries and then retries nothing for the rest of the session.</item>
/// </list>
/// ECS's LimitExceededException (a quota, such as task sets per service) is not treated as throttling.
/// </summary>
internal sealed class EcsRetryPolicy : StandardRetryPolicy
{
    // Built with the retry count only: the constructor that takes the config attaches the shared retry quota.
    public EcsRetryPolicy(int maxRetries)
        : base(maxRetries)
    {
        ThrottlingErrorCodes.Remove("LimitExceededException");
    }

    public static string OperationOf(IExecutionContext executionContext) =>
        executionContext?.RequestContext?.OriginalRequest is EcsWireRequest wire ? wire.Operation : "";

    public override bool RetryForException(IExecutionContext executionContext, Exception exception) =>
        Decide(executionContext, exception, base.RetryForException(executionContext, exception));

    public override async Task<bool> RetryForExceptionAsync(IExecutionContext executionContext, Exception exception) =>
        Decide(executionContext, exception, await base.RetryForExceptionAsync(executionContext, exception).ConfigureAwait(false));

    /// <summary>
    /// The SDK resends after a "stale pooled connection" error (a reset) before it asks <see cref="RetryForException"/>,
    /// if this returns true. For an unsafe operation it returns false unless the failed attempt cannot have been
    /// processed (<see cref="EcsAttemptRecorder"/> keeps the attempt's exception).
    /// </summary>
    public override bool CanRetry(IExecutionContext executionContext)
    {
        if (!base.CanRetry(executionContext))
        {
            return false;
        }

        return EcsOperationSafety.Of(OperationOf(executionContext)) != RepeatSafety.Unsafe
            || EcsAttemptRecorder.LastFailure(executionContext) is not { } failure
            || EcsOperationSafety.CannotHaveBeenProcessed(failure);
    }

    /// <summary>
    /// The SDK takes an attempt whose exception chain holds a reset or "the response ended prematurely" for a stale pooled
    /// connection, and resends it at once without counting it. But an attempt ended by the request timeout or by
    /// cancellation has one too, inside its TimeoutException or OperationCanceledException, because ending it aborts the
    /// connection: the SDK would then send a read one time more than AWS_MAX_ATTEMPTS, after waiting a whole timeout. Such
    /// an attempt is a timeout, counted and retried (or not) as one.
    /// </summary>
    public override bool IsStaleConnectionError(Exception exception) =>
        !EndedByTimeoutOrCancellation(exception) && base.IsStaleConnectionError(exception);

    private static bool EndedByTimeoutOrCancellation(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is TimeoutException or OperationCanceledException)
            {
                return true;
            }
        }

        return false;
    }

    private static bool Decide(IExecutionContext executionContext, Exception exception, bool sdkWouldRetry)
    {
        if (EcsOperationSafety.Of(OperationOf(executionContext)) != RepeatSafety.Unsafe)
        {
            return sdkWouldRetry;
        }

        return sdkWouldRetry && EcsOperationSafety.CannotHaveBeenProcessed(exception);
    }
}
