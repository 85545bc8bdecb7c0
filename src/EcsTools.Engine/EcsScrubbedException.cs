using System;

namespace EcsTools.Engine;

/// <summary>
/// Stands in for an exception whose message held a secret (or secret-shaped text): the original type name, the message
/// with secrets masked, the original stack trace, and the cause scrubbed the same way. No data entries are kept.
/// </summary>
public sealed class EcsScrubbedException : Exception
{
    private readonly string? _stackTrace;

    public EcsScrubbedException()
    {
        OriginalType = "";
    }

    public EcsScrubbedException(string message)
        : base(message)
    {
        OriginalType = "";
    }

    public EcsScrubbedException(string message, Exception innerException)
        : base(message, innerException)
    {
        OriginalType = "";
    }

    internal EcsScrubbedException(Exception original, string message, Exception? innerException)
        : base(message, innerException)
    {
        OriginalType = original.GetType().FullName ?? original.GetType().Name;
        _stackTrace = original.StackTrace;
        HResult = original.HResult;
    }

    /// <summary>The full name of the exception type this stands in for, e.g. Amazon.Runtime.ProcessAWSCredentialException.</summary>
    public string OriginalType { get; }

    public override string? StackTrace => _stackTrace ?? base.StackTrace;

    public override string ToString() => $"{OriginalType} (scrubbed by EcsTools): " + base.ToString();
}
