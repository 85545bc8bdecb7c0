using System;
using System.Collections.Generic;
using System.Linq;

namespace EcsTools.HelpBuilder;

/// <summary>
/// One <c>```yaml</c> block of a parameter: platyPS writes one block for every distinct combination of
/// required/position/pipeline metadata, each naming the parameter sets it applies to.
/// </summary>
public sealed class ParameterSetHelp
{
    /// <summary>The <c>(All)</c> moniker platyPS writes for a parameter in every parameter set.</summary>
    public const string AllParameterSets = "(All)";

    /// <summary>The parameter sets this block applies to, or just <c>(All)</c>.</summary>
    public required IReadOnlyList<string> ParameterSets { get; init; }

    /// <summary>Whether the parameter is mandatory in these sets.</summary>
    public required bool Required { get; init; }

    /// <summary><c>Named</c> or the position as written (<c>0</c>, <c>1</c> ...).</summary>
    public required string Position { get; init; }

    /// <summary>The default value as written, or null when the page says none (<c>None</c> or empty).</summary>
    public string? DefaultValue { get; init; }

    /// <summary>The pipeline binding.</summary>
    public required PipelineInput AcceptPipelineInput { get; init; }

    /// <summary>Whether the parameter accepts wildcards.</summary>
    public required bool AcceptWildcardCharacters { get; init; }

    /// <summary>1-based line of the opening fence.</summary>
    public int Line { get; init; }

    /// <summary>Whether this block applies to every parameter set.</summary>
    public bool IsAllParameterSets =>
        ParameterSets.Count == 1 && ParameterSets[0].Equals(AllParameterSets, StringComparison.OrdinalIgnoreCase);

    /// <summary>The numeric position, or null for a named parameter.</summary>
    public int? PositionNumber => int.TryParse(Position, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int n) ? n : null;

    /// <summary>Whether this block applies to the given parameter set (directly or through <c>(All)</c>).</summary>
    public bool AppliesTo(string parameterSetName) =>
        IsAllParameterSets || ParameterSets.Contains(parameterSetName, StringComparer.OrdinalIgnoreCase);
}
