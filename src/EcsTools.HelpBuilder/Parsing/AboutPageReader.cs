using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Markdig.Syntax;

namespace EcsTools.HelpBuilder.Parsing;

/// <summary>
/// Reads an about topic page. Both layouts are accepted: platyPS's New-MarkdownAboutHelp template
/// (<c># Title</c>, <c>## about_Name</c>, <c># SHORT DESCRIPTION</c>, <c># LONG DESCRIPTION</c>) and the PowerShell-Docs one
/// (<c># about_Name</c>, <c>## Short description</c>, <c>## Long description</c>).
/// </summary>
internal static partial class AboutPageReader
{
    private const string ShortDescription = "SHORT DESCRIPTION";
    private const string LongDescription = "LONG DESCRIPTION";

    public static AboutTopicPage Read(string text, string path)
    {
        PageSource page = PageSource.Parse(text, path);
        List<Block> blocks = page.Blocks;
        if (blocks.Count == 0 || blocks[0] is not HeadingBlock { Level: 1 } title)
        {
            throw page.Error(blocks.Count > 0 ? MarkdownProse.LineOf(blocks[0]) : 1, "An about topic starts with a '#' heading: the topic title.");
        }

        string titleText = MarkdownProse.LeafText(title);
        int next = 1;
        string topicName;
        if (blocks.Count > 1 && blocks[1] is HeadingBlock { Level: 2 } lookup && IsTopicName(MarkdownProse.LeafText(lookup)))
        {
            topicName = MarkdownProse.LeafText(lookup);
            next = 2;
        }
        else if (IsTopicName(titleText))
        {
            topicName = titleText;
        }
        else
        {
            throw page.Error(title, "The topic name is missing: write '# about_Name', or '## about_Name' under the title.");
        }

        if (blocks.Count <= next || blocks[next] is not HeadingBlock shortHeading || !Is(shortHeading, ShortDescription))
        {
            throw page.Error(blocks.Count > next ? MarkdownProse.LineOf(blocks[next]) : MarkdownProse.LineOf(title), $"Expected the '{ShortDescription}' heading right after the topic name.");
        }

        List<TextBlock> body = MarkdownProse.ToTextBlocks(blocks.Skip(next), page.Text, path, allowHeadings: true);
        foreach (TextBlock block in body)
        {
            page.CheckPlaceholder(block.Text, block.Line, block.Kind == TextBlockKind.Code);
            if (block.Kind == TextBlockKind.Code && block.Text.StartsWith("ABOUT TOPIC NOTE:", StringComparison.OrdinalIgnoreCase))
            {
                throw page.Error(block.Line, "Remove the 'ABOUT TOPIC NOTE' of the platyPS template.");
            }
        }

        if (body.Count < 2 || body[1].Kind != TextBlockKind.Paragraph)
        {
            throw page.Error(shortHeading, $"{ShortDescription} must be followed by a paragraph.");
        }

        if (!body.Any(b => b.Kind == TextBlockKind.Heading && Regex.Replace(b.Text, @"\s+", " ").Equals(LongDescription, StringComparison.OrdinalIgnoreCase)))
        {
            throw page.Error(shortHeading, $"The about topic has no '{LongDescription}' heading.");
        }

        return new AboutTopicPage
        {
            FilePath = path,
            Title = titleText,
            TopicName = topicName,
            ShortDescription = body[1].Text,
            Blocks = body,
            SectionLevel = shortHeading.Level,
        };
    }

    private static bool Is(HeadingBlock heading, string text) =>
        Regex.Replace(MarkdownProse.LeafText(heading), @"\s+", " ").Equals(text, StringComparison.OrdinalIgnoreCase);

    private static bool IsTopicName(string text) => TopicName().IsMatch(text);

    [GeneratedRegex(@"^about_[\w.-]+$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TopicName();
}
