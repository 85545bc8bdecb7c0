using System;

namespace EcsTools.Engine.Waiting;

/// <summary>What one poll found: whether everything waited for has settled, and the transient error the poll met, if any.</summary>
public readonly record struct PollReport(bool Settled, EcsServiceException? TransientError)
{
    public static PollReport Done => new(true, null);

    public static PollReport Pending => new(false, null);

    /// <summary>A poll that met a transient error (throttling, a server or network error, a timeout).</summary>
    public static PollReport Failed(EcsServiceException error, bool settled = false)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new(settled, error);
    }

    /// <summary>Errors a wait retries at its next poll (within its budget): throttling, server, network and timeout errors.</summary>
    public static bool IsTransient(EcsServiceException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error.Kind is EcsErrorKind.Throttled or EcsErrorKind.Server or EcsErrorKind.Network or EcsErrorKind.Timeout;
    }
}
