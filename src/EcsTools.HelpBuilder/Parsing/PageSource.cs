using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using Markdig;
using Markdig.Syntax;

namespace EcsTools.HelpBuilder.Parsing;

/// <summary>A page's text, its front matter and its top-level markdown blocks, with shared checks.</summary>
internal sealed partial class PageSource
{
    private PageSource(string path, string text, FrontMatter? frontMatter, List<Block> blocks)
    {
        Path = path;
        Text = text;
        FrontMatter = frontMatter;
        Blocks = blocks;
    }

    public string Path { get; }

    /// <summary>The markdown as parsed: LF line endings, no BOM, front matter lines blanked (block spans index it).</summary>
    public string Text { get; }

    public FrontMatter? FrontMatter { get; }

    /// <summary>Top-level blocks after the front matter.</summary>
    public List<Block> Blocks { get; }

    public static PageSource Parse(string text, string path)
    {
        ArgumentNullException.ThrowIfNull(text);
        string normalized = text.TrimStart('\uFEFF').Replace("\r\n", "\n", StringComparison.Ordinal);
        CheckCharacters(normalized, path);
        FrontMatter? front = FrontMatter.Read(normalized, path);
        string body = front is null ? normalized : front.BlankOut(normalized);
        MarkdownDocument document = Markdown.Parse(body, MarkdownProse.Pipeline);
        return new PageSource(path, body, front, document.ToList());
    }

    public HelpFormatException Error(int line, string reason) => new(Path, line, reason);

    /// <summary>
    /// Fails on a character that XML, and so the MAML help, cannot hold: a control character such as the ESC of a
    /// terminal's color codes pasted with some output.
    /// </summary>
    private static void CheckCharacters(string text, string path)
    {
        for (int i = 0; i < text.Length; i++)
        {
            if (char.IsSurrogatePair(text, i))
            {
                i++;
                continue;
            }

            if (!System.Xml.XmlConvert.IsXmlChar(text[i]))
            {
                int line = 1 + text.AsSpan(0, i).Count('\n');
                throw new HelpFormatException(path, line, string.Create(CultureInfo.InvariantCulture,
                    $"The page holds the character U+{(int)text[i]:X4}, which help files cannot carry{(text[i] == '\u001b' ? " (an ANSI color code in pasted output?)" : string.Empty)}: remove it."));
            }
        }
    }

    public HelpFormatException Error(Block block, string reason) => new(Path, MarkdownProse.LineOf(block), reason);

    /// <summary>Prose blocks as MAML paragraphs; platyPS placeholders left in them are an error.</summary>
    public List<string> Paragraphs(IEnumerable<Block> blocks)
    {
        List<TextBlock> text = MarkdownProse.ToTextBlocks(blocks, Text, Path, allowHeadings: false);
        foreach (TextBlock block in text)
        {
            CheckPlaceholder(block.Text, block.Line, block.Kind == TextBlockKind.Code);
        }

        return MarkdownProse.ToParagraphs(text);
    }

    /// <summary>
    /// Fails on the <c>{{ Fill in the Synopsis }}</c> kind of placeholder New-MarkdownHelp writes for text still to
    /// be written. In code only platyPS's own example placeholder counts: <c>'{{0}}' -f $x</c> is PowerShell.
    /// </summary>
    public void CheckPlaceholder(string text, int line, bool isCode = false)
    {
        Match match = isCode ? CodePlaceholder().Match(text) : Placeholder().Match(text);
        if (match.Success)
        {
            throw Error(line, $"Unfinished platyPS placeholder '{match.Value}': write the text.");
        }
    }

    /// <summary>Splits a section body at its <c>###</c> headings; deeper headings are an error.</summary>
    public (List<Block> Preamble, List<(HeadingBlock Heading, List<Block> Body)> Entries) SplitEntries(List<Block> body, string section)
    {
        var preamble = new List<Block>();
        var entries = new List<(HeadingBlock, List<Block>)>();
        foreach (Block block in body)
        {
            if (block is HeadingBlock heading)
            {
                if (heading.Level != 3)
                {
                    throw Error(heading, string.Create(CultureInfo.InvariantCulture, $"Unexpected level-{heading.Level} heading '{MarkdownProse.LeafText(heading)}' in {section}: the platyPS schema only has '###' headings here."));
                }

                entries.Add((heading, new List<Block>()));
            }
            else if (entries.Count == 0)
            {
                preamble.Add(block);
            }
            else
            {
                entries[^1].Item2.Add(block);
            }
        }

        return (preamble, entries);
    }

    /// <summary>Fails when a section that holds only <c>###</c> entries has text before the first one.</summary>
    public void RequireNoPreamble(List<Block> preamble, string section, string entryDescription)
    {
        if (preamble.Count > 0)
        {
            throw Error(preamble[0], $"Unexpected text in {section} before its first '###' {entryDescription} heading.");
        }
    }

    /// <summary>Fails when a section that holds only text has <c>###</c> headings.</summary>
    public void RequireNoEntries(List<(HeadingBlock Heading, List<Block> Body)> entries, string section)
    {
        if (entries.Count > 0)
        {
            throw Error(entries[0].Heading, $"Unexpected '###' heading '{MarkdownProse.LeafText(entries[0].Heading)}' in {section}.");
        }
    }

    [GeneratedRegex(@"\{\{ ?[A-Za-z][^{}\n]*\}\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"\{\{ Add example code here \}\}", RegexOptions.CultureInvariant)]
    private static partial Regex CodePlaceholder();
}
