using System;
using System.IO;
using System.Linq;
using EcsTools.HelpBuilder;
using EcsTools.HelpBuilder.Examples;
using EcsTools.HelpBuilder.Update;
using Xunit;

namespace EcsTools.Tests.Help;

/// <summary>
/// Every example of every cmdlet page runs, against LocalEcs with the demo scene (see <see cref="DocsExampleRunner"/>).
/// An example is a <c>```powershell</c> block, optionally followed at once by an <c>```Output</c> block: what the
/// console shows when the code runs (Out-Default through the module's format views, 120 columns; errors, warnings and
/// what-if messages in place). The test compares the two, line by line without trailing spaces. An example without an
/// Output block must run without showing an error or a warning. The help tool's update mode
/// (<see cref="DocsUpdate.Command"/>) rewrites an Output block that differs with what the example showed: review the change.
/// </summary>
public sealed class DocsExamplesTests : IClassFixture<DocsExampleFixture>
{
    private readonly DocsExampleRunner _runner;

    public DocsExamplesTests(DocsExampleFixture fixture) => _runner = fixture.Runner;

    public static TheoryData<string, int> Examples()
    {
        var data = new TheoryData<string, int>();
        foreach (var name in DocsExample.CommandPages(DocsModule.DocsDirectory))
        {
            int count;
            try
            {
                count = MarkdownHelpParser.ParseFile(DocsModule.PagePath(name)).Examples.Count;
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
        var example = new DocsExample(page, help.Examples[number - 1]);
        Assert.True(example.IsWellFormed, example.FormMessage);

        var result = _runner.Run(example.Code[0].Text);

        var where = example.Where;
        Assert.True(result.Terminating is null, $"{where} stopped with a terminating error: {result.Terminating}{Environment.NewLine}It showed:{Environment.NewLine}{result.Shown}");
        if (example.ExpectedOutput is not { } expected)
        {
            Assert.True(result.Errors.Count == 0, $"{where} showed errors or warnings (show them in an ```Output block if they are the point):{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", result.Errors)}");
            return;
        }

        Assert.True(expected == result.Shown,
            $"{where} shows other output than the page says.{Environment.NewLine}--- the page:{Environment.NewLine}{expected}{Environment.NewLine}"
            + $"--- the example:{Environment.NewLine}{result.Shown}{Environment.NewLine}---{Environment.NewLine}"
            + $"({DocsUpdate.Command} writes the example's output into the page; or, for this page only, "
            + $"dotnet run --project src/EcsTools.HelpBuilder -- --update --docs docs --manifest out/EcsTools/EcsTools.psd1 --pages {page}.)");
    }
}
