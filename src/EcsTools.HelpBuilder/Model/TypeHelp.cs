using System.Collections.Generic;

namespace EcsTools.HelpBuilder;

/// <summary>A <c>###</c> entry of INPUTS or OUTPUTS: a type name and what it means.</summary>
public sealed class TypeHelp
{
    /// <summary>The type name from the heading.</summary>
    public required string TypeName { get; init; }

    /// <summary>The description as plain-text paragraphs.</summary>
    public required IReadOnlyList<string> DescriptionParagraphs { get; init; }

    /// <summary>The description, paragraphs separated by a blank line.</summary>
    public string Description => TextBlock.Join(DescriptionParagraphs);

    /// <summary>1-based line of the heading.</summary>
    public int Line { get; init; }
}
