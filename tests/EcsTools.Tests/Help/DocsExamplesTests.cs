using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using EcsTools.HelpBuilder;
using Xunit;

namespace EcsTools.Tests.Help;

/// <summary>
/// Every example of every cmdlet page runs, against LocalEcs with the demo scene (see <see cref="DocsExampleRunner"/>).
/// An example is a <c>```powershell</c> block, optionally followed at once by an <c>```Output</c> block: what the
/// console shows when the code runs (Out-Default through the module's format views, 120 columns; errors, warnings and
/// what-if messages in place). The test compares the two, line by line without trailing spaces. An example without an
/// Output block must run without showing an error or a warning. With <c>ECSTOOLS_UPDATE_DOCS=1</c> (or naming the page), an Output block that differs is rewritten
/// with what the example showed: review the change.
/// </summary>
public sealed class DocsExamplesTests : IClassFixture<DocsExampleRunner>
{
    private readonly DocsExampleRunner _runner;

    public DocsExamplesTests(DocsExampleRunner runner) => _runner = runner;

    public static TheoryData<string, int> Examples()
    {
        var data = new TheoryData<string, int>();
        foreach (var path in Directory.GetFiles(DocsModule.DocsDirectory, "*.md").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(path);
            if (name == DocsPageWriter.ModuleName || name.StartsWith("about_", StringComparison.Ordinal))
            {
                continue;
            }

            int count;
            try
            {
                count = MarkdownHelpParser.ParseFile(path).Examples.Count;
            }
            catch (HelpFormatException)
            {
                count = 0;
            }

            // Example 0 stands for a page without examples (or that does not parse): it fails with the reason.
            for (var i = Math.Min(count, 1) == 0 ? 0 : 1; i <= count; i++)
            {
                data.Add(name, i);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void The_example_runs_and_shows_what_the_page_says(string page, int number)
    {
        var path = DocsModule.PagePath(page);
        var help = MarkdownHelpParser.ParseFile(path);
        Assert.True(number > 0 && number <= help.Examples.Count, $"docs/{page}.md has no example {number}.");
        var example = help.Examples[number - 1];
        var code = example.CodeBlocks.TakeWhile(b => !IsOutput(b)).ToList();
        var output = example.CodeBlocks.Skip(code.Count).ToList();
        Assert.True(code.Count == 1 && output.Count <= 1 && output.All(IsOutput) && code[0].Language.Equals("powershell", StringComparison.OrdinalIgnoreCase),
            $"docs/{page}.md({example.Line}): an example is one ```powershell block, optionally followed by one ```Output block; "
            + $"this one has [{string.Join(", ", example.CodeBlocks.Select(b => b.Language))}].");

        var result = _runner.Run(code[0].Text);

        var where = $"docs/{page}.md({example.Line}) '{example.Title}'";
        Assert.True(result.Terminating is null, $"{where} stopped with a terminating error: {result.Terminating}{Environment.NewLine}It showed:{Environment.NewLine}{result.Shown}");
        if (output.Count == 0)
        {
            Assert.True(result.Errors.Count == 0, $"{where} showed errors or warnings (show them in an ```Output block if they are the point):{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", result.Errors)}");
            return;
        }

        var expected = DocsExampleResult.Normalize(output[0].Text);
        if (expected != result.Shown && DocsUpdateTests.Updating(page))
        {
            RewriteOutput(path, example.Line, result.Shown);
            return;
        }

        Assert.True(expected == result.Shown,
            $"{where} shows other output than the page says.{Environment.NewLine}--- the page:{Environment.NewLine}{expected}{Environment.NewLine}"
            + $"--- the example:{Environment.NewLine}{result.Shown}{Environment.NewLine}---{Environment.NewLine}"
            + $"({DocsUpdateTests.UpdateVariable}=1 dotnet test tests/EcsTools.Tests --filter FullyQualifiedName~DocsExamples writes the example's output into the page.)");
    }

    private static bool IsOutput(ExampleCodeBlock block) => block.Language.Equals("Output", StringComparison.OrdinalIgnoreCase);

    /// <summary>Replaces the body of the first ```Output block after the example's heading.</summary>
    private static void RewriteOutput(string path, int headingLine, string shown)
    {
        var lines = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').ToList();
        var open = lines.FindIndex(headingLine, l => l.TrimStart().StartsWith("```", StringComparison.Ordinal)
            && l.Trim()[3..].Trim().Equals("Output", StringComparison.OrdinalIgnoreCase));
        var close = open < 0 ? -1 : lines.FindIndex(open + 1, l => l.Trim() == "```");
        Assert.True(open >= 0 && close > open, $"{path}: no ```Output block after line {headingLine}.");
        lines.RemoveRange(open + 1, close - open - 1);
        lines.InsertRange(open + 1, shown.Split('\n'));
        File.WriteAllText(path, string.Join("\n", lines), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
    }
}
