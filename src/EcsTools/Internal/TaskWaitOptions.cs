using System;

namespace EcsTools.Internal;

/// <summary>What a task wait waits for and for how long.</summary>
/// <param name="UntilStopped">Wait for STOPPED (else RUNNING).</param>
/// <param name="Timeout">Give up after this long; null: no limit.</param>
/// <param name="PollInterval">The first interval between DescribeTasks polls.</param>
/// <param name="IgnoreTaskFailure">Waiting for STOPPED: a task that failed is output without an error.</param>
internal sealed record TaskWaitOptions(bool UntilStopped, TimeSpan? Timeout, TimeSpan PollInterval, bool IgnoreTaskFailure)
{
    /// <summary>Waiting for RUNNING gives up after 10 minutes unless -Timeout says otherwise.</summary>
    public static readonly TimeSpan DefaultRunningTimeout = TimeSpan.FromMinutes(10);

    public string TargetState => UntilStopped ? "STOPPED" : "RUNNING";
}
