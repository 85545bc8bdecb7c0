using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace EcsTools.HelpBuilder.Parsing;

/// <summary>Reads a platyPS schema 2.0.0 cmdlet page into a <see cref="CommandHelpPage"/>.</summary>
internal static partial class CommandPageReader
{
    public const string Synopsis = "SYNOPSIS";
    public const string SyntaxSection = "SYNTAX";
    public const string Description = "DESCRIPTION";
    public const string Examples = "EXAMPLES";
    public const string Parameters = "PARAMETERS";
    public const string Inputs = "INPUTS";
    public const string Outputs = "OUTPUTS";
    public const string Notes = "NOTES";
    public const string RelatedLinks = "RELATED LINKS";

    private const string DefaultSuffix = "(Default)";

    private static readonly string[] s_sections =
        [Synopsis, SyntaxSection, Description, Examples, Parameters, Inputs, Outputs, Notes, RelatedLinks];

    private static readonly string[] s_requiredSections = [Synopsis, SyntaxSection, Description, Parameters];

    public static CommandHelpPage Read(string text, string path)
    {
        PageSource page = PageSource.Parse(text, path);
        FrontMatter front = page.FrontMatter
            ?? throw page.Error(1, "A platyPS cmdlet page starts with a '---' front matter that holds 'schema: 2.0.0'.");
        if (!front.Values.TryGetValue("schema", out string? schema) || schema != "2.0.0")
        {
            throw page.Error(front.LineOf("schema"), $"The front matter must say 'schema: 2.0.0' (it says '{schema}').");
        }

        if (page.Blocks.Count == 0 || page.Blocks[0] is not HeadingBlock { Level: 1 } title)
        {
            throw page.Error(page.Blocks.Count == 0 ? front.EndIndex + 1 : MarkdownProse.LineOf(page.Blocks[0]), "Expected the '# Command-Name' heading after the front matter.");
        }

        string name = MarkdownProse.LeafText(title);
        if (!CommandName().IsMatch(name))
        {
            throw page.Error(title, $"'{name}' is not a command name.");
        }

        Dictionary<string, (HeadingBlock Heading, List<Block> Body)> sections = ReadSections(page, title);
        var parameters = ParameterSectionReader.Read(page, Section(sections, Parameters), out bool common);
        var syntax = ReadSyntax(page, name, Section(sections, SyntaxSection));
        var result = new CommandHelpPage
        {
            FilePath = path,
            Metadata = front.Values,
            Name = name,
            NameLine = MarkdownProse.LineOf(title),
            SynopsisParagraphs = ReadSynopsis(page, sections[Synopsis]),
            DescriptionParagraphs = ReadText(page, Section(sections, Description), Description),
            Syntax = syntax,
            Examples = ReadExamples(page, Section(sections, Examples)),
            Parameters = parameters,
            SupportsCommonParameters = common,
            Inputs = ReadTypes(page, Section(sections, Inputs), Inputs),
            Outputs = ReadTypes(page, Section(sections, Outputs), Outputs),
            NotesParagraphs = ReadText(page, Section(sections, Notes), Notes),
            RelatedLinks = ReadLinks(page, Section(sections, RelatedLinks)),
        };
        CommandPageChecks.Check(page, result);
        return result;
    }

    private static List<Block> Section(Dictionary<string, (HeadingBlock Heading, List<Block> Body)> sections, string name) =>
        sections.TryGetValue(name, out var section) ? section.Body : [];

    private static Dictionary<string, (HeadingBlock Heading, List<Block> Body)> ReadSections(PageSource page, HeadingBlock title)
    {
        var sections = new Dictionary<string, (HeadingBlock Heading, List<Block> Body)>(StringComparer.OrdinalIgnoreCase);
        List<Block>? current = null;
        foreach (Block block in page.Blocks.Skip(1))
        {
            if (block is HeadingBlock { Level: 1 })
            {
                throw page.Error(block, "A cmdlet page has a single '#' heading: the command name.");
            }

            if (block is HeadingBlock { Level: 2 } heading)
            {
                string text = Regex.Replace(MarkdownProse.LeafText(heading), @"\s+", " ").Trim();
                string? known = s_sections.FirstOrDefault(s => s.Equals(text, StringComparison.OrdinalIgnoreCase))
                    ?? throw page.Error(heading, $"Unknown section '## {text}'; a platyPS cmdlet page has: {string.Join(", ", s_sections)}.");
                current = [];
                if (!sections.TryAdd(known, (heading, current)))
                {
                    throw page.Error(heading, $"Duplicate section '## {known}'.");
                }
            }
            else if (current is null)
            {
                throw page.Error(block, "Expected the '## SYNOPSIS' heading after the command name.");
            }
            else
            {
                current.Add(block);
            }
        }

        string? missing = s_requiredSections.FirstOrDefault(s => !sections.ContainsKey(s));
        if (missing is not null)
        {
            throw page.Error(title, $"The page has no '## {missing}' section.");
        }

        return sections;
    }

    private static List<string> ReadSynopsis(PageSource page, (HeadingBlock Heading, List<Block> Body) section)
    {
        var (preamble, entries) = page.SplitEntries(section.Body, Synopsis);
        page.RequireNoEntries(entries, Synopsis);
        Block? notText = preamble.FirstOrDefault(b => b is not ParagraphBlock);
        if (notText is not null)
        {
            throw page.Error(notText, "SYNOPSIS must be plain paragraphs.");
        }

        List<string> paragraphs = page.Paragraphs(preamble);
        if (paragraphs.Count == 0)
        {
            throw page.Error(section.Heading, "SYNOPSIS is empty.");
        }

        return paragraphs;
    }

    private static List<string> ReadText(PageSource page, List<Block> body, string section)
    {
        var (preamble, entries) = page.SplitEntries(body, section);
        page.RequireNoEntries(entries, section);
        return page.Paragraphs(preamble);
    }

    private static List<SyntaxBlock> ReadSyntax(PageSource page, string name, List<Block> body)
    {
        var (preamble, entries) = page.SplitEntries(body, SyntaxSection);
        var result = new List<SyntaxBlock>();
        if (entries.Count == 0)
        {
            if (preamble.Count != 1 || preamble[0] is not FencedCodeBlock code)
            {
                throw page.Error(preamble.Count > 0 ? MarkdownProse.LineOf(preamble[0]) : 1, "SYNTAX must hold one code block, or a '### ParameterSetName' heading and a code block for each parameter set.");
            }

            result.Add(ToSyntax(page, name, ParameterSetHelp.AllParameterSets, true, code, MarkdownProse.LineOf(code)));
            return result;
        }

        page.RequireNoPreamble(preamble, SyntaxSection, "parameter set");
        foreach (var (heading, entry) in entries)
        {
            string setName = MarkdownProse.LeafText(heading);
            bool isDefault = setName.EndsWith(DefaultSuffix, StringComparison.OrdinalIgnoreCase);
            if (isDefault)
            {
                setName = setName[..^DefaultSuffix.Length].TrimEnd();
            }

            if (entry.Count != 1 || entry[0] is not FencedCodeBlock code)
            {
                throw page.Error(heading, $"The parameter set '{setName}' must be followed by exactly one syntax code block.");
            }

            if (setName.Length == 0 || result.Any(s => s.ParameterSetName.Equals(setName, StringComparison.OrdinalIgnoreCase)))
            {
                throw page.Error(heading, $"Parameter set names in SYNTAX must be unique and not empty ('{setName}').");
            }

            if (isDefault && result.Any(s => s.IsDefault))
            {
                throw page.Error(heading, "Only one parameter set can be marked (Default).");
            }

            result.Add(ToSyntax(page, name, setName, isDefault, code, MarkdownProse.LineOf(heading)));
        }

        return result;
    }

    private static SyntaxBlock ToSyntax(PageSource page, string name, string setName, bool isDefault, FencedCodeBlock code, int line)
    {
        string text = Regex.Replace(MarkdownProse.CodeText(code), @"\s+", " ").Trim();
        if (!text.StartsWith(name, StringComparison.OrdinalIgnoreCase)
            || (text.Length > name.Length && text[name.Length] != ' '))
        {
            throw page.Error(code, $"The syntax of parameter set '{setName}' must start with the command name '{name}'.");
        }

        return new SyntaxBlock
        {
            ParameterSetName = setName,
            IsDefault = isDefault,
            Text = text,
            ParameterNames = SyntaxParameter().Matches(text[name.Length..]).Select(m => m.Groups["name"].Value).ToList(),
            HasCommonParameters = text.Contains("<CommonParameters>", StringComparison.OrdinalIgnoreCase),
            Line = line,
        };
    }

    private static List<CommandExample> ReadExamples(PageSource page, List<Block> body)
    {
        var (preamble, entries) = page.SplitEntries(body, Examples);
        page.RequireNoPreamble(preamble, Examples, "example");
        var result = new List<CommandExample>();
        foreach (var (heading, entry) in entries)
        {
            string title = MarkdownProse.LeafText(heading);
            page.CheckPlaceholder(title, MarkdownProse.LineOf(heading));
            int first = entry.FindIndex(b => b is FencedCodeBlock);
            if (first < 0)
            {
                throw page.Error(heading, $"The example '{title}' has no code block.");
            }

            int last = first;
            while (last + 1 < entry.Count && entry[last + 1] is FencedCodeBlock)
            {
                last++;
            }

            var code = new List<ExampleCodeBlock>();
            foreach (FencedCodeBlock block in entry.Skip(first).Take(last - first + 1).Cast<FencedCodeBlock>())
            {
                string text = MarkdownProse.CodeText(block);
                page.CheckPlaceholder(text, MarkdownProse.LineOf(block), isCode: true);
                code.Add(new ExampleCodeBlock(MarkdownProse.FenceLanguage(block), text));
            }

            result.Add(new CommandExample
            {
                Title = title,
                IntroductionParagraphs = page.Paragraphs(entry.Take(first)),
                CodeBlocks = code,
                RemarksParagraphs = page.Paragraphs(entry.Skip(last + 1)),
                Line = MarkdownProse.LineOf(heading),
            });
        }

        return result;
    }

    private static List<TypeHelp> ReadTypes(PageSource page, List<Block> body, string section)
    {
        var (preamble, entries) = page.SplitEntries(body, section);
        page.RequireNoPreamble(preamble, section, "type name");
        return entries.Select(e => new TypeHelp
        {
            TypeName = MarkdownProse.LeafText(e.Heading),
            DescriptionParagraphs = page.Paragraphs(e.Body),
            Line = MarkdownProse.LineOf(e.Heading),
        }).ToList();
    }

    private static List<RelatedLink> ReadLinks(PageSource page, List<Block> body)
    {
        var (preamble, entries) = page.SplitEntries(body, RelatedLinks);
        page.RequireNoEntries(entries, RelatedLinks);
        var result = new List<RelatedLink>();
        foreach (Block block in preamble)
        {
            if (block is not ParagraphBlock { Inline: { } inlines })
            {
                throw page.Error(block, "RELATED LINKS must hold only [text](uri) links, one per line.");
            }

            foreach (Inline inline in inlines)
            {
                switch (inline)
                {
                    case LinkInline { IsImage: false } link:
                        result.Add(new RelatedLink(MarkdownProse.InlineText(link).Trim(), link.Url ?? string.Empty));
                        break;
                    case AutolinkInline autolink:
                        result.Add(new RelatedLink(autolink.Url, autolink.Url));
                        break;
                    case LineBreakInline:
                    case LiteralInline literal when literal.Content.IsEmptyOrWhitespace():
                        break;
                    default:
                        throw page.Error(inline.Line + 1, $"RELATED LINKS must hold only [text](uri) links, not '{inline}'.");
                }
            }
        }

        return result;
    }

    [GeneratedRegex(@"^[A-Za-z][\w]*(-[\w.]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex CommandName();

    [GeneratedRegex(@"(?<=[\s\[])-(?<name>[A-Za-z_][\w]*)", RegexOptions.CultureInvariant)]
    private static partial Regex SyntaxParameter();
}
