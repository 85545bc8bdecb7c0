using System;
using System.Collections.Generic;
using System.Linq;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace EcsTools.HelpBuilder.Parsing;

/// <summary>Reads the platyPS module page (<c>New-MarkdownHelp -WithModulePage</c>).</summary>
internal static class ModulePageReader
{
    private static readonly string[] s_requiredKeys =
        ["Module Name", "Module Guid", "Download Help Link", "Help Version", "Locale"];

    public static ModuleHelpPage Read(string text, string path)
    {
        PageSource page = PageSource.Parse(text, path);
        FrontMatter front = page.FrontMatter
            ?? throw page.Error(1, "The module page starts with a '---' front matter (Module Name, Module Guid, Download Help Link, Help Version, Locale).");
        string? missing = s_requiredKeys.FirstOrDefault(k => !front.Values.ContainsKey(k));
        if (missing is not null)
        {
            throw page.Error(1, $"The module page's front matter lacks '{missing}:'.");
        }

        string moduleName = front.Values["Module Name"];
        if (moduleName.Length == 0)
        {
            throw page.Error(front.LineOf("Module Name"), "'Module Name' is empty.");
        }

        if (!Guid.TryParse(front.Values["Module Guid"], out Guid guid))
        {
            throw page.Error(front.LineOf("Module Guid"), $"'Module Guid' is not a GUID: '{front.Values["Module Guid"]}'.");
        }

        string expectedTitle = moduleName + " Module";
        if (page.Blocks.Count == 0 || page.Blocks[0] is not HeadingBlock { Level: 1 } title
            || !MarkdownProse.LeafText(title).Equals(expectedTitle, StringComparison.OrdinalIgnoreCase))
        {
            throw page.Error(page.Blocks.Count > 0 ? MarkdownProse.LineOf(page.Blocks[0]) : front.EndIndex + 1, $"Expected the heading '# {expectedTitle}' after the front matter.");
        }

        string descriptionName = "Description";
        string cmdletsName = moduleName + " Cmdlets";
        var sections = new Dictionary<string, (HeadingBlock Heading, List<Block> Body)>(StringComparer.OrdinalIgnoreCase);
        List<Block>? current = null;
        foreach (Block block in page.Blocks.Skip(1))
        {
            if (block is HeadingBlock { Level: <= 2 } heading)
            {
                string name = MarkdownProse.LeafText(heading);
                if (heading.Level == 1 || !(name.Equals(descriptionName, StringComparison.OrdinalIgnoreCase) || name.Equals(cmdletsName, StringComparison.OrdinalIgnoreCase)))
                {
                    throw page.Error(heading, $"Unexpected heading '{name}': the module page has '## {descriptionName}' and '## {cmdletsName}'.");
                }

                current = [];
                if (!sections.TryAdd(name, (heading, current)))
                {
                    throw page.Error(heading, $"Duplicate section '## {name}'.");
                }
            }
            else if (current is null)
            {
                throw page.Error(block, $"Expected '## {descriptionName}' after the module heading.");
            }
            else
            {
                current.Add(block);
            }
        }

        if (!sections.TryGetValue(descriptionName, out var description) || !sections.TryGetValue(cmdletsName, out var cmdlets))
        {
            throw page.Error(title, $"The module page needs the sections '## {descriptionName}' and '## {cmdletsName}'.");
        }

        var (preamble, none) = page.SplitEntries(description.Body, descriptionName);
        page.RequireNoEntries(none, descriptionName);
        return new ModuleHelpPage
        {
            FilePath = path,
            Metadata = front.Values,
            ModuleName = moduleName,
            ModuleGuid = guid,
            DescriptionParagraphs = page.Paragraphs(preamble),
            Cmdlets = ReadCmdlets(page, cmdlets.Body, cmdletsName),
        };
    }

    private static List<ModuleCmdletEntry> ReadCmdlets(PageSource page, List<Block> body, string section)
    {
        var (preamble, entries) = page.SplitEntries(body, section);
        page.RequireNoPreamble(preamble, section, "[Command](Command.md)");
        var result = new List<ModuleCmdletEntry>();
        foreach (var (heading, entry) in entries)
        {
            List<Inline> inlines = heading.Inline?.Where(i => i is not LiteralInline l || !l.Content.IsEmptyOrWhitespace()).ToList() ?? [];
            if (inlines.Count != 1 || inlines[0] is not LinkInline { IsImage: false } link || string.IsNullOrWhiteSpace(link.Url))
            {
                throw page.Error(heading, $"A command entry of the module page is '### [Command-Name](Command-Name.md)', not '### {MarkdownProse.LeafText(heading)}'.");
            }

            Block? notText = entry.FirstOrDefault(b => b is not ParagraphBlock);
            if (notText is not null)
            {
                throw page.Error(notText, "A command entry of the module page holds only its one-line synopsis.");
            }

            result.Add(new ModuleCmdletEntry(
                MarkdownProse.InlineText(link).Trim(),
                link.Url!,
                string.Join(" ", page.Paragraphs(entry)),
                MarkdownProse.LineOf(heading)));
        }

        return result;
    }
}
