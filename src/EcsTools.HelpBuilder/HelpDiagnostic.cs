using System.Globalization;

namespace EcsTools.HelpBuilder;

/// <summary>An error found while building help, printed in the canonical form MSBuild turns into a build error.</summary>
/// <param name="FilePath">The file at fault.</param>
/// <param name="Line">1-based line, or 0 for the whole file.</param>
/// <param name="Message">What is wrong.</param>
public sealed record HelpDiagnostic(string FilePath, int Line, string Message)
{
    /// <summary>The code every help error carries.</summary>
    public const string Code = "ECSHELP001";

    /// <summary><c>file(line): error ECSHELP001: message</c>.</summary>
    public override string ToString() => Line > 0
        ? string.Create(CultureInfo.InvariantCulture, $"{FilePath}({Line}): error {Code}: {Message}")
        : $"{FilePath}: error {Code}: {Message}";
}
