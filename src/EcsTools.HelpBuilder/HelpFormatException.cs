using System;

namespace EcsTools.HelpBuilder;

/// <summary>A help page that does not follow the platyPS schema, with the file and 1-based line at fault.</summary>
public sealed class HelpFormatException : Exception
{
    public HelpFormatException()
        : this(string.Empty, 0, "The help page is malformed.")
    {
    }

    public HelpFormatException(string message)
        : this(string.Empty, 0, message)
    {
    }

    public HelpFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
        FilePath = string.Empty;
        Reason = message;
    }

    public HelpFormatException(string filePath, int line, string reason)
        : base(Format(filePath, line, reason))
    {
        FilePath = filePath ?? string.Empty;
        Line = line;
        Reason = reason;
    }

    /// <summary>The page's path as it was given to the parser.</summary>
    public string FilePath { get; }

    /// <summary>1-based line of the fault; 0 when it concerns the whole file.</summary>
    public int Line { get; }

    /// <summary>The message without the location.</summary>
    public string Reason { get; }

    /// <summary>The fault as an MSBuild diagnostic.</summary>
    public HelpDiagnostic ToDiagnostic() => new(FilePath, Line, Reason);

    private static string Format(string filePath, int line, string reason) =>
        line > 0 ? $"{filePath}({line}): {reason}" : $"{filePath}: {reason}";
}
