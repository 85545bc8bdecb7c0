using System;

namespace EcsTools;

/// <summary>The exception in the error record written for an ECS failures entry.</summary>
public sealed class EcsFailureException : Exception
{
    public EcsFailureException()
    {
        Failure = new EcsFailure(null, null, null);
    }

    public EcsFailureException(string message)
        : base(message)
    {
        Failure = new EcsFailure(null, null, null);
    }

    public EcsFailureException(string message, Exception innerException)
        : base(message, innerException)
    {
        Failure = new EcsFailure(null, null, null);
    }

    public EcsFailureException(EcsFailure failure, string operation, string message)
        : base(message)
    {
        Failure = failure;
        Operation = operation;
    }

    public EcsFailure Failure { get; }

    public string? Operation { get; }
}
