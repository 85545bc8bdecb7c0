using System;

namespace EcsTools.Internal;

/// <summary>The checks and defaults of -Timeout and -PollInterval, shared by Wait-EcsTask and Start-EcsTask -Wait.</summary>
internal static class WaitParameters
{
    /// <summary>-Timeout -1 (seconds) means no limit.</summary>
    public static bool IsNoLimit(TimeSpan timeout) => timeout == TimeSpan.FromSeconds(-1) || timeout == System.Threading.Timeout.InfiniteTimeSpan;

    public static void Validate(EcsCmdlet cmdlet, TimeSpan? timeout, TimeSpan pollInterval)
    {
        if (timeout is { } t && !IsNoLimit(t) && t <= TimeSpan.Zero)
        {
            cmdlet.ThrowInvalidArgument("InvalidTimeout", $"-Timeout is {t}; it must be more than 0 seconds, or -1 for no limit.", t,
                "Pass -Timeout in seconds (for example -Timeout 900), as a TimeSpan (-Timeout 0:15:00), or -1 to wait without a limit.");
        }

        if (pollInterval < PollSchedule.MinimumInitialInterval || pollInterval > PollSchedule.MaximumInitialInterval)
        {
            cmdlet.ThrowInvalidArgument("InvalidPollInterval",
                $"-PollInterval is {pollInterval}; it must be from {PollSchedule.MinimumInitialInterval.TotalSeconds} seconds to "
                + $"{PollSchedule.MaximumInitialInterval.TotalMinutes} minutes.",
                pollInterval, "Pass -PollInterval in seconds, for example -PollInterval 5.");
        }
    }

    public static TaskWaitOptions Options(bool untilStopped, TimeSpan? timeout, TimeSpan pollInterval, bool ignoreTaskFailure)
    {
        TimeSpan? limit = timeout switch
        {
            null => untilStopped ? null : TaskWaitOptions.DefaultRunningTimeout,
            { } t when IsNoLimit(t) => null,
            { } t => t,
        };
        return new TaskWaitOptions(untilStopped, limit, pollInterval, ignoreTaskFailure);
    }
}
