using System;
using System.IO;
using System.Linq;
using EcsTools.HelpBuilder;
using Xunit;

namespace EcsTools.Tests.Help;

public sealed class AboutTopicTests
{
    [Fact]
    public void The_platyPS_template_layout_parses()
    {
        AboutTopicPage page = MarkdownHelpParser.ParseAboutFile(HelpFixtures.Valid("about_EcsTools.md"));

        Assert.Equal("EcsTools", page.Title);
        Assert.Equal("about_EcsTools", page.TopicName);
        Assert.Equal("Manage Amazon ECS from PowerShell.", page.ShortDescription);
        Assert.Equal(1, page.SectionLevel);
        Assert.Equal(
            ["SHORT DESCRIPTION", "LONG DESCRIPTION", "Credentials", "SEE ALSO", "KEYWORDS"],
            page.Blocks.Where(b => b.Kind == TextBlockKind.Heading).Select(b => b.Text));
    }

    [Fact]
    public void The_text_has_the_header_PowerShell_expects_and_wraps_at_80_columns()
    {
        AboutTopicPage page = MarkdownHelpParser.ParseAboutFile(HelpFixtures.Valid("about_EcsTools.md"));

        string text = AboutTopicWriter.Write(page);

        Assert.Equal(
            """
            TOPIC
                about_ecstools

            SHORT DESCRIPTION
                Manage Amazon ECS from PowerShell.

            LONG DESCRIPTION
                EcsTools is a binary module for Amazon ECS. It starts, lists and stops
                tasks, and it talks to the ECS API directly, without the AWS Tools for
                PowerShell, so that its commands load fast and its output objects are shaped
                for the pipeline.

                Commands:

                - `Get-EcsTask` lists the tasks of a cluster, with a filter on their status
                  that defaults to the running ones.
                - `Start-EcsTask` starts tasks.

                CREDENTIALS
                EcsTools reads credentials the way the AWS SDKs do.

                    $env:AWS_PROFILE = 'prod'
                    Get-EcsTask

            SEE ALSO
                Get-Help Start-EcsTask

            KEYWORDS
                - ECS
                - Fargate

            """.Replace("\r\n", "\n", StringComparison.Ordinal),
            text);
    }

    [Fact]
    public void Get_Help_takes_the_fifth_line_as_the_synopsis()
    {
        // PowerShell's HelpFileHelpInfo reads the synopsis of an about topic from its fifth line.
        AboutTopicPage page = MarkdownHelpParser.ParseAboutFile(HelpFixtures.About("about_EcsToolsDocsStyle.md"));

        string[] lines = AboutTopicWriter.Write(page).Split('\n');

        Assert.Equal("TOPIC", lines[0]);
        Assert.Equal("    about_ecstoolsdocsstyle", lines[1]);
        Assert.Equal("SHORT DESCRIPTION", lines[3]);
        Assert.Equal("Shows the PowerShell-Docs layout.", lines[4].Trim());
    }

    [Fact]
    public void The_PowerShell_Docs_layout_parses_with_subtopics_indented()
    {
        AboutTopicPage page = MarkdownHelpParser.ParseAboutFile(HelpFixtures.About("about_EcsToolsDocsStyle.md"));

        Assert.Equal("about_EcsToolsDocsStyle", page.TopicName);
        Assert.Equal(2, page.SectionLevel);
        string[] lines = AboutTopicWriter.Write(page).Split('\n');
        Assert.Contains("LONG DESCRIPTION", lines);
        Assert.Contains("SEE ALSO", lines);
        Assert.Contains("    A SUBTOPIC", lines);
        Assert.Contains("    1. First step.", lines);
        Assert.Contains("    2. Second step.", lines);
        Assert.Contains("        | Name | Meaning |", lines);
        Assert.Contains("    - about_EcsTools (about_EcsTools.md)", lines);
        Assert.All(lines, l => Assert.True(l.Length <= AboutTopicWriter.LineWidth, $"longer than 80: '{l}'"));
        Assert.All(lines, l => Assert.Equal(l.TrimEnd(), l));
    }

    [Theory]
    [InlineData("# EcsTools\n\n# SHORT DESCRIPTION\nx\n\n# LONG DESCRIPTION\ny\n", 1, "topic name is missing")]
    [InlineData("# about_X\n\nIntro.\n\n## Short description\nx\n\n## Long description\ny\n", 3, "'SHORT DESCRIPTION' heading right after the topic name")]
    [InlineData("# about_X\n\n## Short description\n\n## Long description\ny\n", 3, "must be followed by a paragraph")]
    [InlineData("# about_X\n\n## Short description\nx\n\n## Details\ny\n", 3, "no 'LONG DESCRIPTION' heading")]
    [InlineData("# about_X\n\n## Short description\n{{ Short Description Placeholder }}\n\n## Long description\ny\n", 4, "placeholder")]
    [InlineData("# about_X\n\n## Short description\nx\n\n```\nABOUT TOPIC NOTE:\nAbout topics can be no longer than 80 characters wide.\n```\n\n## Long description\ny\n", 6, "ABOUT TOPIC NOTE")]
    [InlineData("Text first.\n", 1, "starts with a '#' heading")]
    public void A_malformed_about_page_throws_with_its_line(string text, int line, string reason)
    {
        HelpFormatException error = Assert.Throws<HelpFormatException>(() => MarkdownHelpParser.ParseAboutPage(text, "about_X.md"));

        Assert.Equal("about_X.md", error.FilePath);
        Assert.Equal(line, error.Line);
        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void WriteFile_writes_the_text_without_bom()
    {
        string dir = HelpFixtures.NewScratch();
        try
        {
            AboutTopicPage page = MarkdownHelpParser.ParseAboutFile(HelpFixtures.Valid("about_EcsTools.md"));
            string path = Path.Combine(dir, "en-US", "about_EcsTools.help.txt");

            AboutTopicWriter.WriteFile(path, page);

            byte[] bytes = File.ReadAllBytes(path);
            Assert.Equal((byte)'T', bytes[0]);
            Assert.Equal(AboutTopicWriter.Write(page), File.ReadAllText(path));
        }
        finally
        {
            HelpFixtures.DeleteScratch(dir);
        }
    }
}
