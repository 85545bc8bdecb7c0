using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace EcsTools.HelpBuilder.Examples;

/// <summary>
/// An example of a cmdlet page as the examples check reads it: one <c>```powershell</c> block, optionally followed at
/// once by one <c>```Output</c> block with what the console shows when the code runs.
/// </summary>
/// <param name="Page">The page name (<c>Start-EcsTask</c>).</param>
/// <param name="Example">The example as the help parser reads it.</param>
public sealed record DocsExample(string Page, CommandExample Example)
{
    /// <summary>The code blocks before the first Output block.</summary>
    public IReadOnlyList<ExampleCodeBlock> Code => Example.CodeBlocks.TakeWhile(b => !IsOutput(b)).ToList();

    /// <summary>The Output block and what follows it.</summary>
    public IReadOnlyList<ExampleCodeBlock> Output => Example.CodeBlocks.Skip(Code.Count).ToList();

    /// <summary>Whether the example is one powershell block, optionally followed by one Output block.</summary>
    public bool IsWellFormed =>
        Code.Count == 1 && Output.Count <= 1 && Output.All(IsOutput) && Code[0].Language.Equals("powershell", StringComparison.OrdinalIgnoreCase);

    /// <summary>What the Output block says the console shows (normalized), or null when the example has none.</summary>
    public string? ExpectedOutput => Output.Count == 0 ? null : DocsExampleResult.Normalize(Output[0].Text);

    /// <summary>Where the example is, for messages: <c>docs/Page.md(line) 'title'</c>.</summary>
    public string Where => $"docs/{Page}.md({Example.Line}) '{Example.Title}'";

    /// <summary>Why the example is not well formed.</summary>
    public string FormMessage =>
        $"docs/{Page}.md({Example.Line}): an example is one ```powershell block, optionally followed by one ```Output block; "
        + $"this one has [{string.Join(", ", Example.CodeBlocks.Select(b => b.Language))}].";

    /// <summary>The cmdlet pages of a docs folder (not the module page, not the about topics), by name.</summary>
    public static IEnumerable<string> CommandPages(string docsDirectory) =>
        Directory.GetFiles(docsDirectory, "*.md").Order(StringComparer.Ordinal)
            .Select(Path.GetFileNameWithoutExtension)
            .Where(n => n != Update.DocsPageWriter.ModuleName && !n!.StartsWith("about_", StringComparison.Ordinal))
            .Select(n => n!);

    /// <summary>
    /// Replaces the body of the first ```Output block after the example's heading with what the example showed; the
    /// rest of the file is left as it is. False when there is no such block.
    /// </summary>
    public static bool RewriteOutput(string path, int headingLine, string shown)
    {
        ArgumentNullException.ThrowIfNull(shown);
        var lines = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').ToList();
        var open = lines.FindIndex(headingLine, l => l.TrimStart().StartsWith("```", StringComparison.Ordinal)
            && l.Trim()[3..].Trim().Equals("Output", StringComparison.OrdinalIgnoreCase));
        var close = open < 0 ? -1 : lines.FindIndex(open + 1, l => l.Trim() == "```");
        if (open < 0 || close <= open)
        {
            return false;
        }

        lines.RemoveRange(open + 1, close - open - 1);
        lines.InsertRange(open + 1, shown.Split('\n'));
        File.WriteAllText(path, string.Join("\n", lines), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        return true;
    }

    private static bool IsOutput(ExampleCodeBlock block) => block.Language.Equals("Output", StringComparison.OrdinalIgnoreCase);
}
