using System;
using System.Collections.Generic;
using System.Linq;

namespace EcsTools.HelpBuilder;

/// <summary>A <c>### -Name</c> entry of the PARAMETERS section.</summary>
public sealed class ParameterHelp
{
    /// <summary>The parameter name, without the dash.</summary>
    public required string Name { get; init; }

    /// <summary>The description as plain-text paragraphs.</summary>
    public required IReadOnlyList<string> DescriptionParagraphs { get; init; }

    /// <summary>The description, paragraphs separated by a blank line.</summary>
    public string Description => TextBlock.Join(DescriptionParagraphs);

    /// <summary>The <c>Type</c> as written (<c>String</c>, <c>SwitchParameter</c>, <c>String[]</c> ...).</summary>
    public required string Type { get; init; }

    /// <summary>The <c>Aliases</c>, empty when none.</summary>
    public required IReadOnlyList<string> Aliases { get; init; }

    /// <summary>The <c>Accepted values</c> (a ValidateSet or enum), empty when not written.</summary>
    public required IReadOnlyList<string> AcceptedValues { get; init; }

    /// <summary>The yaml blocks, in page order: one per distinct metadata (see <see cref="ParameterSetHelp"/>).</summary>
    public required IReadOnlyList<ParameterSetHelp> Metadata { get; init; }

    /// <summary>1-based line of the heading.</summary>
    public int Line { get; init; }

    /// <summary>Every parameter set named by the yaml blocks, in order (<c>(All)</c> for all of them).</summary>
    public IReadOnlyList<string> ParameterSets =>
        Metadata.SelectMany(m => m.ParameterSets).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    /// <summary>Whether the parameter is in every parameter set.</summary>
    public bool IsInAllParameterSets => Metadata.Any(m => m.IsAllParameterSets);

    /// <summary><c>Required</c> of the first yaml block (the MAML parameters section shows <see cref="AcrossSets"/>).</summary>
    public bool Required => Metadata[0].Required;

    /// <summary><c>Position</c> of the first yaml block.</summary>
    public string Position => Metadata[0].Position;

    /// <summary><c>Default value</c> of the first yaml block, null when none.</summary>
    public string? DefaultValue => Metadata[0].DefaultValue;

    /// <summary><c>Accept pipeline input</c> of the first yaml block.</summary>
    public PipelineInput AcceptPipelineInput => Metadata[0].AcceptPipelineInput;

    /// <summary><c>Accept wildcard characters</c> of the first yaml block.</summary>
    public bool AcceptWildcardCharacters => Metadata[0].AcceptWildcardCharacters;

    /// <summary>
    /// What is true of the parameter across its parameter sets, for the one entry per parameter that MAML keeps (the
    /// PARAMETERS section of Get-Help and <c>Get-Help -Parameter</c>): required only if every block says so, pipeline
    /// input and wildcards if any block takes them, the position when every block agrees (else the first number), and
    /// the first default value written.
    /// </summary>
    public ParameterSetHelp AcrossSets
    {
        get
        {
            bool byValue = Metadata.Any(m => m.AcceptPipelineInput.ByValue);
            bool byPropertyName = Metadata.Any(m => m.AcceptPipelineInput.ByPropertyName);
            PipelineInput pipeline = Metadata.Select(m => m.AcceptPipelineInput).FirstOrDefault(p => p.ByValue == byValue && p.ByPropertyName == byPropertyName)
                ?? new PipelineInput("True (ByPropertyName, ByValue)", byValue, byPropertyName);
            bool samePosition = Metadata.All(m => m.Position.Equals(Metadata[0].Position, StringComparison.OrdinalIgnoreCase));
            return new ParameterSetHelp
            {
                ParameterSets = [ParameterSetHelp.AllParameterSets],
                Required = Metadata.All(m => m.Required),
                Position = samePosition ? Metadata[0].Position : Metadata.FirstOrDefault(m => m.PositionNumber is not null)?.Position ?? Metadata[0].Position,
                DefaultValue = Metadata.Select(m => m.DefaultValue).FirstOrDefault(d => d is not null),
                AcceptPipelineInput = pipeline,
                AcceptWildcardCharacters = Metadata.Any(m => m.AcceptWildcardCharacters),
                Line = Metadata[0].Line,
            };
        }
    }

    /// <summary>Whether the type is a switch.</summary>
    public bool IsSwitch => IsSwitchType(Type);

    /// <summary>The metadata that applies in a parameter set, or null when the parameter is not in it.</summary>
    public ParameterSetHelp? MetadataFor(string parameterSetName) =>
        Metadata.FirstOrDefault(m => !m.IsAllParameterSets && m.AppliesTo(parameterSetName))
        ?? Metadata.FirstOrDefault(m => m.IsAllParameterSets);

    /// <summary>Whether the parameter is mandatory in a parameter set; null when it is not in the set.</summary>
    public bool? IsRequiredIn(string parameterSetName) => MetadataFor(parameterSetName)?.Required;

    internal static bool IsSwitchType(string type) =>
        type.Equals("switch", StringComparison.OrdinalIgnoreCase)
        || type.Equals("SwitchParameter", StringComparison.OrdinalIgnoreCase)
        || type.Equals("System.Management.Automation.SwitchParameter", StringComparison.OrdinalIgnoreCase);
}
