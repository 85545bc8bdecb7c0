using System;
using EcsTools.Engine.Waiting;

namespace EcsTools.Waiting;

/// <summary>What a task wait waits for and for how long.</summary>
/// <param name="UntilStopped">Wait for STOPPED (else RUNNING).</param>
/// <param name="Settings">-Timeout (null: no limit) and -PollInterval, checked.</param>
/// <param name="IgnoreTaskFailure">Waiting for STOPPED: a task that failed is output without an error.</param>
internal sealed record TaskWaitOptions(bool UntilStopped, WaitSettings Settings, bool IgnoreTaskFailure)
{
    /// <summary>Waiting for RUNNING gives up after 10 minutes unless -Timeout says otherwise.</summary>
    public static readonly TimeSpan DefaultRunningTimeout = TimeSpan.FromMinutes(10);

    public string TargetState => UntilStopped ? "STOPPED" : "RUNNING";

    /// <summary>The default -Timeout of a task wait: 10 minutes for RUNNING, none for STOPPED.</summary>
    public static TimeSpan? DefaultTimeout(bool untilStopped) => untilStopped ? null : DefaultRunningTimeout;
}
