using System.IO;
using System.Linq;
using System.Management.Automation.Language;
using Xunit;

namespace EcsTools.Tests.Tour;

/// <summary>Every example parses, and starts with comment-based help: a synopsis, a description, each parameter, and examples.</summary>
public sealed class ExampleHelpTests
{
    public static TheoryData<string> Examples() => [.. Directory.GetFiles(TourRun.ExamplesDirectory, "*.ps1").Select(Path.GetFileName).OfType<string>().Order()];

    [Theory]
    [MemberData(nameof(Examples))]
    public void Each_example_has_comment_based_help_for_all_it_takes(string example)
    {
        var ast = Parser.ParseFile(Path.Combine(TourRun.ExamplesDirectory, example), out _, out var errors);
        Assert.Empty(errors);
        Assert.StartsWith("<#", File.ReadAllText(Path.Combine(TourRun.ExamplesDirectory, example)));

        var help = ast.GetHelpContent();
        Assert.NotNull(help);
        Assert.False(string.IsNullOrWhiteSpace(help.Synopsis), $"{example}: .SYNOPSIS");
        Assert.False(string.IsNullOrWhiteSpace(help.Description), $"{example}: .DESCRIPTION");
        Assert.NotEmpty(help.Examples);
        var parameters = ast.ParamBlock?.Parameters.Select(p => p.Name.VariablePath.UserPath).ToList() ?? [];
        Assert.NotEmpty(parameters);
        Assert.All(parameters, p => Assert.True(help.Parameters.ContainsKey(p.ToUpperInvariant()), $"{example}: .PARAMETER {p}"));
    }
}
