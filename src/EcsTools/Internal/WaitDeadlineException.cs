using System;

namespace EcsTools.Internal;

/// <summary>A wait's deadline passed while a request was in flight; the request was cancelled. The wait reports its timeout.</summary>
internal sealed class WaitDeadlineException : Exception
{
    public WaitDeadlineException()
    {
    }

    public WaitDeadlineException(string message)
        : base(message)
    {
    }

    public WaitDeadlineException(Exception innerException)
        : base("The wait's time ran out while a request was in flight.", innerException)
    {
    }

    public WaitDeadlineException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
