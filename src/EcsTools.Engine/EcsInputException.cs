using System;

namespace EcsTools.Engine;

/// <summary>
/// Input the engine refuses before anything is sent: a user-supplied structure that does not fit its ECS shape, or a value
/// over an ECS limit. <see cref="ErrorId"/> names the condition (stable, PascalCase), <see cref="RecommendedAction"/> says
/// what to do, and <see cref="Target"/> is the value at fault (or <see cref="ItemIndex"/> the item of a list).
/// </summary>
public sealed class EcsInputException : Exception
{
    public EcsInputException()
    {
    }

    public EcsInputException(string message)
        : base(message)
    {
    }

    public EcsInputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public EcsInputException(string errorId, string message, string recommendedAction, object? target = null, Exception? innerException = null)
        : base(message, innerException)
    {
        ErrorId = errorId;
        RecommendedAction = recommendedAction;
        Target = target;
    }

    /// <summary>The condition, e.g. OverridesTooLong; null for a structure that could not be read (the caller names it).</summary>
    public string? ErrorId { get; }

    public string? RecommendedAction { get; }

    public object? Target { get; }

    /// <summary>For an item of a list that could not be read: its position (0-based), so that the caller can name what it was given.</summary>
    public int? ItemIndex { get; init; }
}
