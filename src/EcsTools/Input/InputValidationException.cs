using System;
using System.Management.Automation;
using EcsTools.Errors;

namespace EcsTools.Input;

/// <summary>
/// A client-side check failed; nothing is sent. Every check of the module reports this way (throw it, or hand it to
/// <see cref="EcsCmdlet.ThrowInvalidArgument"/>), and <see cref="EcsTools.Errors.ErrorRecords.FromInput(InputValidationException, object?)"/> is the one place it
/// becomes an error record: this id, category and recommended action, the exception kept as the record's cause.
/// </summary>
internal sealed class InputValidationException : Exception
{
    public InputValidationException(string errorId, string message, string recommendedAction, object? target = null,
        ErrorCategory category = ErrorCategory.InvalidArgument)
        : base(message)
    {
        ErrorId = errorId;
        RecommendedAction = recommendedAction;
        Target = target;
        Category = category;
    }

    /// <summary>The record's category: InvalidArgument unless the check says otherwise.</summary>
    public ErrorCategory Category { get; }

    public string ErrorId { get; }

    public string RecommendedAction { get; }

    public object? Target { get; }
}
