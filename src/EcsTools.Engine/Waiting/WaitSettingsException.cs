using System;

namespace EcsTools.Engine.Waiting;

/// <summary>A wait setting (-Timeout, -PollInterval) out of range: the cmdlet turns it into a terminating error before any request.</summary>
public sealed class WaitSettingsException : Exception
{
    public WaitSettingsException()
        : this(ErrorIds.InvalidWaitSetting, "A wait setting is out of range.", null, "")
    {
    }

    public WaitSettingsException(string message)
        : this(ErrorIds.InvalidWaitSetting, message, null, "")
    {
    }

    public WaitSettingsException(string message, Exception innerException)
        : base(message, innerException)
    {
        ErrorId = ErrorIds.InvalidWaitSetting;
        RecommendedAction = "";
    }

    public WaitSettingsException(string errorId, string message, object? value, string recommendedAction)
        : base(message)
    {
        ErrorId = errorId;
        Value = value;
        RecommendedAction = recommendedAction;
    }

    /// <summary>The error id: InvalidTimeout or InvalidPollInterval.</summary>
    public string ErrorId { get; }

    /// <summary>The value refused.</summary>
    public object? Value { get; }

    public string RecommendedAction { get; }
}
