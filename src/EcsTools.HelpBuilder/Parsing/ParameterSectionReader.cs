using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Markdig.Syntax;

namespace EcsTools.HelpBuilder.Parsing;

/// <summary>The PARAMETERS section: <c>### -Name</c>, description, one or more <c>```yaml</c> metadata blocks.</summary>
internal static partial class ParameterSectionReader
{
    private const string CommonParameters = "CommonParameters";
    private const string WorkflowCommonParameters = "WorkflowCommonParameters";

    public static List<ParameterHelp> Read(PageSource page, List<Block> body, out bool supportsCommonParameters)
    {
        supportsCommonParameters = false;
        var (preamble, entries) = page.SplitEntries(body, CommandPageReader.Parameters);
        page.RequireNoPreamble(preamble, CommandPageReader.Parameters, "parameter");
        var result = new List<ParameterHelp>();
        foreach (var (heading, entry) in entries)
        {
            string text = MarkdownProse.LeafText(heading);
            string bare = text.Trim('<', '>');
            if (bare.Equals(CommonParameters, StringComparison.OrdinalIgnoreCase))
            {
                supportsCommonParameters = true;
                continue;
            }

            if (bare.Equals(WorkflowCommonParameters, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (!ParameterHeading().IsMatch(text))
            {
                throw page.Error(heading, $"A parameter heading is '### -Name' (or '### CommonParameters'), not '### {text}'.");
            }

            ParameterHelp parameter = ReadParameter(page, heading, text[1..], entry);
            if (result.Any(p => p.Name.Equals(parameter.Name, StringComparison.OrdinalIgnoreCase)))
            {
                throw page.Error(heading, $"The parameter -{parameter.Name} is documented twice.");
            }

            result.Add(parameter);
        }

        return result;
    }

    private static ParameterHelp ReadParameter(PageSource page, HeadingBlock heading, string name, List<Block> entry)
    {
        int first = entry.FindIndex(IsYaml);
        if (first < 0)
        {
            throw page.Error(heading, $"The parameter -{name} has no ```yaml metadata block (Type, Parameter Sets, Required, Position ...).");
        }

        Block? stray = entry.Skip(first).FirstOrDefault(b => !IsYaml(b));
        if (stray is not null)
        {
            throw page.Error(stray, $"Unexpected content after the ```yaml metadata of -{name}: the description goes before it.");
        }

        string type = string.Empty;
        List<string> aliases = [];
        List<string> accepted = [];
        var metadata = new List<ParameterSetHelp>();
        foreach (FencedCodeBlock yaml in entry.Skip(first).Cast<FencedCodeBlock>())
        {
            int fenceLine = MarkdownProse.LineOf(yaml);
            var pairs = ParameterYamlReader.Read(MarkdownProse.CodeText(yaml), fenceLine, page.Path);
            string blockType = pairs[ParameterYamlReader.Type].Value;
            if (blockType.Length == 0)
            {
                throw page.Error(pairs[ParameterYamlReader.Type].Line, $"The parameter -{name} has an empty Type.");
            }

            if (metadata.Count == 0)
            {
                type = blockType;
                aliases = ListValue(pairs, ParameterYamlReader.Aliases);
                accepted = ListValue(pairs, ParameterYamlReader.AcceptedValues);
            }
            else if (!blockType.Equals(type, StringComparison.OrdinalIgnoreCase))
            {
                throw page.Error(pairs[ParameterYamlReader.Type].Line, $"The yaml blocks of -{name} disagree on its Type ('{type}', '{blockType}').");
            }

            metadata.Add(ReadMetadata(page, name, pairs, fenceLine, metadata));
        }

        return new ParameterHelp
        {
            Name = name,
            DescriptionParagraphs = page.Paragraphs(entry.Take(first)),
            Type = type,
            Aliases = aliases,
            AcceptedValues = accepted,
            Metadata = metadata,
            Line = MarkdownProse.LineOf(heading),
        };
    }

    private static ParameterSetHelp ReadMetadata(
        PageSource page,
        string name,
        Dictionary<string, (string Value, int Line)> pairs,
        int fenceLine,
        List<ParameterSetHelp> earlier)
    {
        (string setsText, int setsLine) = pairs[ParameterYamlReader.ParameterSets];
        List<string> sets = ParameterYamlReader.SplitList(setsText);
        if (sets.Count == 0)
        {
            throw page.Error(setsLine, $"'Parameter Sets' of -{name} is empty: name the sets, or write (All).");
        }

        bool all = sets.Any(s => s.Equals(ParameterSetHelp.AllParameterSets, StringComparison.OrdinalIgnoreCase));
        if (all && sets.Count > 1)
        {
            throw page.Error(setsLine, $"'Parameter Sets' of -{name} mixes (All) with named sets.");
        }

        if (earlier.Count > 0 && (all || earlier.Any(m => m.IsAllParameterSets)))
        {
            throw page.Error(setsLine, $"-{name} has a yaml block for (All) and another one: one block per distinct set of metadata, each naming its sets.");
        }

        string? twice = sets.FirstOrDefault(s => earlier.Any(m => m.AppliesTo(s)))
            ?? sets.GroupBy(s => s, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1)?.Key;
        if (twice is not null)
        {
            throw page.Error(setsLine, $"The parameter set '{twice}' appears more than once in the metadata of -{name}.");
        }

        string defaultValue = pairs.TryGetValue(ParameterYamlReader.DefaultValue, out var d) ? d.Value : string.Empty;
        return new ParameterSetHelp
        {
            ParameterSets = all ? [ParameterSetHelp.AllParameterSets] : sets,
            Required = ParameterYamlReader.ParseBool(pairs, ParameterYamlReader.Required, page.Path),
            Position = ParameterYamlReader.ParsePosition(pairs, page.Path),
            DefaultValue = defaultValue.Length == 0 || defaultValue.Equals("None", StringComparison.OrdinalIgnoreCase) ? null : defaultValue,
            AcceptPipelineInput = ParameterYamlReader.ParsePipelineInput(pairs, page.Path),
            AcceptWildcardCharacters = ParameterYamlReader.ParseBool(pairs, ParameterYamlReader.AcceptWildcardCharacters, page.Path),
            Line = fenceLine,
        };
    }

    private static List<string> ListValue(Dictionary<string, (string Value, int Line)> pairs, string key) =>
        pairs.TryGetValue(key, out var value) ? ParameterYamlReader.SplitList(value.Value) : [];

    private static bool IsYaml(Block block) =>
        block is FencedCodeBlock && MarkdownProse.FenceLanguage(block).Equals("yaml", StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"^-[A-Za-z_][\w]*$", RegexOptions.CultureInvariant)]
    private static partial Regex ParameterHeading();
}
