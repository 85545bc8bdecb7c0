using System;

namespace EcsTools.Input;

/// <summary>A client-side check failed. The cmdlet turns it into an error record with this id; nothing is sent.</summary>
internal sealed class InputValidationException : Exception
{
    public InputValidationException(string errorId, string message, string recommendedAction, object? target = null)
        : base(message)
    {
        ErrorId = errorId;
        RecommendedAction = recommendedAction;
        Target = target;
    }

    public string ErrorId { get; }

    public string RecommendedAction { get; }

    public object? Target { get; }
}
