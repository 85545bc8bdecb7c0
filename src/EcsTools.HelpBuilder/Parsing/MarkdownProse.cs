using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace EcsTools.HelpBuilder.Parsing;

/// <summary>Markdown to plain text, the way platyPS flattens prose for MAML.</summary>
internal static class MarkdownProse
{
    public static MarkdownPipeline Pipeline { get; } = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UsePreciseSourceLocation()
        .Build();

    /// <summary>1-based line of a block.</summary>
    public static int LineOf(Block block) => block.Line + 1;

    /// <summary>
    /// Inline markdown as plain text: emphasis dropped, code spans keep their backticks, links become
    /// "text (url)", soft line breaks become spaces and hard ones newlines.
    /// </summary>
    public static string InlineText(ContainerInline? container)
    {
        if (container is null)
        {
            return string.Empty;
        }

        var sb = new StringBuilder();
        AppendInlines(container, sb);
        return string.Join("\n", sb.ToString().Split('\n').Select(l => CollapseSpaces(l.Trim())));
    }

    /// <summary>Heading or paragraph text.</summary>
    public static string LeafText(LeafBlock block) => InlineText(block.Inline).Trim();

    /// <summary>The content of a fenced or indented code block, verbatim.</summary>
    public static string CodeText(LeafBlock block) => block.Lines.ToString().TrimEnd('\n', '\r', ' ');

    /// <summary>The language of a fenced code block, empty when none.</summary>
    public static string FenceLanguage(Block block) =>
        block is FencedCodeBlock fenced ? (fenced.Info ?? string.Empty).Trim() : string.Empty;

    /// <summary>
    /// Blocks of prose as text blocks. Headings are an error unless <paramref name="allowHeadings"/>.
    /// </summary>
    public static List<TextBlock> ToTextBlocks(IEnumerable<Block> blocks, string source, string path, bool allowHeadings)
    {
        var result = new List<TextBlock>();
        foreach (Block block in blocks)
        {
            Append(block, source, path, allowHeadings, 0, result);
        }

        return result;
    }

    /// <summary>Text blocks flattened to MAML paragraphs.</summary>
    public static List<string> ToParagraphs(IEnumerable<TextBlock> blocks) =>
        blocks.Where(b => !b.IsBlank).Select(b => b.ToParagraph()).ToList();

    private static void Append(Block block, string source, string path, bool allowHeadings, int indent, List<TextBlock> into)
    {
        int line = LineOf(block);
        switch (block)
        {
            case HeadingBlock heading:
                if (!allowHeadings)
                {
                    throw new HelpFormatException(path, line, string.Create(CultureInfo.InvariantCulture, $"Unexpected level-{heading.Level} heading '{LeafText(heading)}': the platyPS schema has no heading here."));
                }

                into.Add(new TextBlock(TextBlockKind.Heading, LeafText(heading), 0, string.Empty, heading.Level, line));
                break;
            case ParagraphBlock paragraph:
                into.Add(new TextBlock(TextBlockKind.Paragraph, LeafText(paragraph), indent, string.Empty, 0, line));
                break;
            case FencedCodeBlock or CodeBlock:
                into.Add(new TextBlock(TextBlockKind.Code, CodeText((LeafBlock)block), indent, string.Empty, 0, line));
                break;
            case ListBlock list:
                AppendList(list, source, path, allowHeadings, indent, into);
                break;
            case QuoteBlock quote:
                foreach (Block child in quote)
                {
                    Append(child, source, path, allowHeadings, indent, into);
                }

                break;
            case HtmlBlock { Type: HtmlBlockType.Comment }:
                break;
            case Table or HtmlBlock:
                into.Add(new TextBlock(TextBlockKind.Code, Raw(block, source), indent, string.Empty, 0, line));
                break;
            case ThematicBreakBlock or LinkReferenceDefinitionGroup or BlankLineBlock:
                break;
            default:
                throw new HelpFormatException(path, line, $"Unsupported markdown block ({block.GetType().Name}).");
        }
    }

    private static void AppendList(ListBlock list, string source, string path, bool allowHeadings, int indent, List<TextBlock> into)
    {
        int number = 1;
        if (list.IsOrdered && int.TryParse(list.OrderedStart, NumberStyles.None, CultureInfo.InvariantCulture, out int start))
        {
            number = start;
        }

        foreach (Block item in list)
        {
            string marker = list.IsOrdered
                ? string.Create(CultureInfo.InvariantCulture, $"{number++}{list.OrderedDelimiter}")
                : "-";
            bool first = true;
            int childIndent = indent + marker.Length + 1;
            foreach (Block child in (ContainerBlock)item)
            {
                if (first && child is ParagraphBlock paragraph)
                {
                    into.Add(new TextBlock(TextBlockKind.ListItem, LeafText(paragraph), indent, marker, 0, LineOf(paragraph)));
                }
                else
                {
                    if (first)
                    {
                        into.Add(new TextBlock(TextBlockKind.ListItem, string.Empty, indent, marker, 0, LineOf(child)));
                    }

                    Append(child, source, path, allowHeadings, childIndent, into);
                }

                first = false;
            }
        }
    }

    private static string Raw(Block block, string source)
    {
        int start = Math.Clamp(block.Span.Start, 0, source.Length);
        int end = Math.Clamp(block.Span.End + 1, start, source.Length);
        return source[start..end].Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n', ' ');
    }

    private static string CollapseSpaces(string text)
    {
        while (text.Contains("  ", StringComparison.Ordinal))
        {
            text = text.Replace("  ", " ", StringComparison.Ordinal);
        }

        return text;
    }

    private static void AppendInlines(ContainerInline container, StringBuilder sb)
    {
        foreach (Inline inline in container)
        {
            switch (inline)
            {
                case LiteralInline literal:
                    sb.Append(literal.Content.ToString());
                    break;
                case CodeInline code:
                    sb.Append('`').Append(code.Content).Append('`');
                    break;
                case LineBreakInline lineBreak:
                    sb.Append(lineBreak.IsHard ? '\n' : ' ');
                    break;
                case LinkInline link:
                    AppendLink(link, sb);
                    break;
                case AutolinkInline autolink:
                    sb.Append(autolink.Url);
                    break;
                case HtmlEntityInline entity:
                    sb.Append(entity.Transcoded.ToString());
                    break;
                case HtmlInline html when !html.Tag.StartsWith("<!--", StringComparison.Ordinal):
                    sb.Append(html.Tag);
                    break;
                case HtmlInline:
                    break;
                case ContainerInline inner:
                    AppendInlines(inner, sb);
                    break;
                default:
                    sb.Append(inline.ToString());
                    break;
            }
        }
    }

    private static void AppendLink(LinkInline link, StringBuilder sb)
    {
        var text = new StringBuilder();
        AppendInlines(link, text);
        sb.Append(text);
        if (!link.IsImage && !string.IsNullOrWhiteSpace(link.Url))
        {
            sb.Append(" (").Append(link.Url).Append(')');
        }
    }
}
