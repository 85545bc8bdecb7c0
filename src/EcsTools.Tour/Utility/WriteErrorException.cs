using System;

namespace EcsTools.Tour.Utility;

/// <summary>The exception of an error that Write-Error made from a message.</summary>
public sealed class WriteErrorException : SystemException
{
    public WriteErrorException()
    {
    }

    public WriteErrorException(string message)
        : base(message)
    {
    }

    public WriteErrorException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
