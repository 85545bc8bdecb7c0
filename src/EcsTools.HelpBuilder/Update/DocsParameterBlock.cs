using System.Collections.Generic;

namespace EcsTools.HelpBuilder.Update;

/// <summary>
/// The metadata one <c>```yaml</c> block of a parameter shows: platyPS writes one block for each distinct combination of
/// Required, Position and pipeline input across the parameter sets, naming the sets it applies to (or <c>(All)</c>).
/// </summary>
/// <param name="ParameterSets">The set names, in the command's order, or just <c>(All)</c>.</param>
/// <param name="Required">Whether the parameter is mandatory in these sets.</param>
/// <param name="Position"><c>Named</c> or the position (<c>0</c>, <c>1</c> ...).</param>
/// <param name="PipelineInput">As platyPS writes it: <c>False</c>, <c>True (ByValue)</c>, <c>True (ByPropertyName)</c> or <c>True (ByPropertyName, ByValue)</c>.</param>
public sealed record DocsParameterBlock(IReadOnlyList<string> ParameterSets, bool Required, string Position, string PipelineInput);
