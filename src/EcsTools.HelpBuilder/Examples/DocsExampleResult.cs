using System;
using System.Collections.Generic;
using System.Linq;

namespace EcsTools.HelpBuilder.Examples;

/// <summary>What an example showed on the console, the errors and warnings among it, and a terminating error's message.</summary>
public sealed record DocsExampleResult(string Text, IReadOnlyList<string> Errors, string? Terminating)
{
    /// <summary>
    /// Console text as examples show it: LF line endings, no trailing spaces, no blank lines before the first line or
    /// after the last.
    /// </summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(l => l.TrimEnd()).ToList();
        return string.Join("\n", lines.SkipWhile(l => l.Length == 0).Reverse().SkipWhile(l => l.Length == 0).Reverse());
    }

    /// <summary>The console text, normalized.</summary>
    public string Shown => Normalize(Text);
}
