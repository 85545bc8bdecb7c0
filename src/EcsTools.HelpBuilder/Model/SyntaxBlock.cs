using System.Collections.Generic;

namespace EcsTools.HelpBuilder;

/// <summary>A parameter set of the SYNTAX section: its <c>###</c> heading and the syntax code block.</summary>
public sealed class SyntaxBlock
{
    /// <summary>
    /// The parameter set name without the <c>(Default)</c> suffix; <c>(All)</c> when the page has a single
    /// syntax block without a heading (platyPS omits it for a command with one parameter set).
    /// </summary>
    public required string ParameterSetName { get; init; }

    /// <summary>Whether the heading carries <c>(Default)</c>, or the block is the only one.</summary>
    public required bool IsDefault { get; init; }

    /// <summary>The syntax as one line (platyPS wraps long syntax over several).</summary>
    public required string Text { get; init; }

    /// <summary>The parameter names (no dash) the syntax line shows, in order, without common parameters.</summary>
    public required IReadOnlyList<string> ParameterNames { get; init; }

    /// <summary>Whether the syntax line ends with <c>[&lt;CommonParameters&gt;]</c>.</summary>
    public required bool HasCommonParameters { get; init; }

    /// <summary>1-based line of the heading (or of the code block when there is no heading).</summary>
    public int Line { get; init; }
}
