using System;
using EcsTools.HelpBuilder;
using Xunit;

namespace EcsTools.Tests.Help;

/// <summary>Each fixture under Fixtures/Malformed breaks the platyPS schema one way; the error names its line.</summary>
public sealed class MalformedPageTests
{
    [Theory]
    [InlineData("NoFrontMatter", 1, "front matter")]
    [InlineData("UnclosedFrontMatter", 1, "never closed")]
    [InlineData("InvalidFrontMatterYaml", 2, "Invalid YAML in the front matter")]
    [InlineData("WrongSchema", 5, "schema: 2.0.0")]
    [InlineData("NoCommandHeading", 8, "'# Command-Name' heading")]
    [InlineData("SecondTitle", 19, "single '#' heading")]
    [InlineData("UnknownSection", 19, "Unknown section '## ALIASES'")]
    [InlineData("DuplicateSection", 77, "Duplicate section '## SYNOPSIS'")]
    [InlineData("MissingParameters", 8, "no '## PARAMETERS' section")]
    [InlineData("EmptySynopsis", 10, "SYNOPSIS is empty")]
    [InlineData("Placeholder", 11, "{{ Fill in the Synopsis }}")]
    [InlineData("ParameterWithoutYaml", 48, "-Status has no ```yaml metadata")]
    [InlineData("ParameterHeadingWithoutDash", 48, "not '### Status'")]
    [InlineData("UnknownYamlKey", 46, "Unknown parameter metadata key 'Mandatory'")]
    [InlineData("YamlLineWithoutColon", 54, "expected 'Key: value'")]
    [InlineData("MissingYamlKey", 36, "lacks 'Required:'")]
    [InlineData("BadRequired", 41, "'Required' must be True or False, not 'Maybe'")]
    [InlineData("BadPosition", 42, "'Position' must be Named or a number")]
    [InlineData("BadPipelineInput", 44, "not 'True (ByName)'")]
    [InlineData("ContentAfterYaml", 48, "after the ```yaml metadata of -Cluster")]
    [InlineData("LevelFourHeading", 50, "level-4 heading 'Values'")]
    [InlineData("DuplicateParameter", 154, "-Cluster is documented twice")]
    [InlineData("UnknownParameterSet", 96, "parameter set 'LaunchTypes'")]
    [InlineData("SyntaxDisagrees", 15, "PARAMETERS puts -Status in this set, which the syntax does not show")]
    [InlineData("CommonParametersMismatch", 15, "lacks [<CommonParameters>]")]
    [InlineData("SyntaxSetWithoutCode", 20, "'LaunchType' must be followed by exactly one syntax code block")]
    [InlineData("TwoDefaultSets", 20, "Only one parameter set can be marked (Default)")]
    [InlineData("ExampleWithoutCode", 24, "'Example 1' has no code block")]
    [InlineData("RelatedLinksText", 79, "only [text](uri) links")]
    public void A_malformed_page_throws_with_file_and_line(string fixture, int line, string reason)
    {
        string path = HelpFixtures.Malformed(fixture);

        HelpFormatException error = Assert.Throws<HelpFormatException>(() => MarkdownHelpParser.ParseFile(path));

        Assert.Equal(path, error.FilePath);
        Assert.Equal(line, error.Line);
        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
        Assert.StartsWith($"{path}({line}): ", error.Message, StringComparison.Ordinal);
        Assert.Equal($"{path}({line}): error ECSHELP001: {error.Reason}", error.ToDiagnostic().ToString());
    }

    [Fact]
    public void A_syntax_line_showing_an_undocumented_parameter_is_reported()
    {
        string text = System.IO.File.ReadAllText(HelpFixtures.Valid("Get-EcsTask.md"))
            .Replace("[-Status <String>]", "[-Status <String>] [-Family <String>]", StringComparison.Ordinal);

        HelpFormatException error = Assert.Throws<HelpFormatException>(() => MarkdownHelpParser.ParseCommandPage(text, "Get-EcsTask.md"));

        Assert.Equal(15, error.Line);
        Assert.Contains("the syntax shows -Family, which PARAMETERS does not give to this set", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_control_character_is_reported_not_written_into_the_maml()
    {
        string text = System.IO.File.ReadAllText(HelpFixtures.Valid("Start-EcsTask.md"))
            .Replace("TaskArn                                  LastStatus", "\u001b[32;1mTaskArn\u001b[0m                                  LastStatus", StringComparison.Ordinal);

        HelpFormatException error = Assert.Throws<HelpFormatException>(() => MarkdownHelpParser.ParseCommandPage(text, "x.md"));

        Assert.Equal(53, error.Line);
        Assert.Contains("U+001B", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_before_the_first_example_heading_is_reported()
    {
        string text = System.IO.File.ReadAllText(HelpFixtures.Valid("Get-EcsTask.md"))
            .Replace("## EXAMPLES\n", "## EXAMPLES\nSome text.\n", StringComparison.Ordinal);

        HelpFormatException error = Assert.Throws<HelpFormatException>(() => MarkdownHelpParser.ParseCommandPage(text, "x.md"));

        Assert.Equal(23, error.Line);
        Assert.Contains("before its first '###' example heading", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_platyPS_example_code_placeholder_is_reported()
    {
        string text = System.IO.File.ReadAllText(HelpFixtures.Valid("Get-EcsTask.md"))
            .Replace("PS> Get-EcsTask prod", "PS C:\\> {{ Add example code here }}", StringComparison.Ordinal);

        HelpFormatException error = Assert.Throws<HelpFormatException>(() => MarkdownHelpParser.ParseCommandPage(text, "x.md"));

        Assert.Equal(25, error.Line);
        Assert.Contains("{{ Add example code here }}", error.Reason, StringComparison.Ordinal);
    }
}
