using System;
using System.Collections.Generic;
using System.Linq;

namespace EcsTools.HelpBuilder;

/// <summary>A platyPS (schema 2.0.0) cmdlet page, parsed.</summary>
public sealed class CommandHelpPage
{
    /// <summary>The path the page was read from (as given to the parser).</summary>
    public required string FilePath { get; init; }

    /// <summary>The front matter (<c>external help file</c>, <c>Module Name</c>, <c>online version</c>, <c>schema</c> ...).</summary>
    public required IReadOnlyDictionary<string, string> Metadata { get; init; }

    /// <summary>The command name from the <c>#</c> heading.</summary>
    public required string Name { get; init; }

    /// <summary>1-based line of the <c>#</c> heading.</summary>
    public int NameLine { get; init; }

    /// <summary>The SYNOPSIS as plain-text paragraphs.</summary>
    public required IReadOnlyList<string> SynopsisParagraphs { get; init; }

    /// <summary>The DESCRIPTION as plain-text paragraphs.</summary>
    public required IReadOnlyList<string> DescriptionParagraphs { get; init; }

    /// <summary>The SYNTAX blocks, in page order.</summary>
    public required IReadOnlyList<SyntaxBlock> Syntax { get; init; }

    /// <summary>The EXAMPLES.</summary>
    public required IReadOnlyList<CommandExample> Examples { get; init; }

    /// <summary>The PARAMETERS, without CommonParameters.</summary>
    public required IReadOnlyList<ParameterHelp> Parameters { get; init; }

    /// <summary>Whether PARAMETERS has the <c>### CommonParameters</c> entry.</summary>
    public required bool SupportsCommonParameters { get; init; }

    /// <summary>The INPUTS.</summary>
    public required IReadOnlyList<TypeHelp> Inputs { get; init; }

    /// <summary>The OUTPUTS.</summary>
    public required IReadOnlyList<TypeHelp> Outputs { get; init; }

    /// <summary>The NOTES as plain-text paragraphs.</summary>
    public required IReadOnlyList<string> NotesParagraphs { get; init; }

    /// <summary>The RELATED LINKS.</summary>
    public required IReadOnlyList<RelatedLink> RelatedLinks { get; init; }

    /// <summary>The synopsis, paragraphs separated by a blank line.</summary>
    public string Synopsis => TextBlock.Join(SynopsisParagraphs);

    /// <summary>The description, paragraphs separated by a blank line.</summary>
    public string Description => TextBlock.Join(DescriptionParagraphs);

    /// <summary>The notes, paragraphs separated by a blank line.</summary>
    public string Notes => TextBlock.Join(NotesParagraphs);

    /// <summary>The part of the name before the first dash.</summary>
    public string Verb => Name.Split('-', 2)[0];

    /// <summary>The part of the name after the first dash.</summary>
    public string Noun => Name.Contains('-', StringComparison.Ordinal) ? Name.Split('-', 2)[1] : string.Empty;

    /// <summary>The <c>external help file</c> metadata, or null.</summary>
    public string? ExternalHelpFile => MetadataValue("external help file");

    /// <summary>The <c>Module Name</c> metadata, or null.</summary>
    public string? ModuleName => MetadataValue("Module Name");

    /// <summary>The <c>online version</c> metadata, or null when empty.</summary>
    public string? OnlineVersion => MetadataValue("online version");

    /// <summary>The default parameter set: the one marked <c>(Default)</c>, else the first.</summary>
    public SyntaxBlock? DefaultSyntax => Syntax.FirstOrDefault(s => s.IsDefault) ?? Syntax.FirstOrDefault();

    /// <summary>A parameter by name (case-insensitive), or null.</summary>
    public ParameterHelp? FindParameter(string name) =>
        Parameters.FirstOrDefault(p => p.Name.Equals(name.TrimStart('-'), StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The parameters in a parameter set (named for it or <c>(All)</c>), ordered as the MAML syntax lists them:
    /// positional parameters by position, then named ones in page order.
    /// </summary>
    public IReadOnlyList<ParameterHelp> ParametersInSet(string parameterSetName) =>
        Parameters
            .Select((p, i) => (Parameter: p, Index: i, Meta: p.MetadataFor(parameterSetName)))
            .Where(x => x.Meta is not null)
            .OrderBy(x => x.Meta!.PositionNumber ?? int.MaxValue)
            .ThenBy(x => x.Index)
            .Select(x => x.Parameter)
            .ToList();

    private string? MetadataValue(string key) =>
        Metadata.TryGetValue(key, out string? value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}
