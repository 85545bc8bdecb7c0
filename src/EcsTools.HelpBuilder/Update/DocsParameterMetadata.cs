using System.Collections.Generic;

namespace EcsTools.HelpBuilder.Update;

/// <summary>What a page says about one parameter that the module's metadata decides (everything but the prose and the default value).</summary>
public sealed class DocsParameterMetadata
{
    public required string Name { get; init; }

    /// <summary>The type as platyPS writes it: <c>String</c>, <c>String[]</c>, <c>SwitchParameter</c>, a nullable's underlying type.</summary>
    public required string Type { get; init; }

    public required bool IsSwitch { get; init; }

    /// <summary>The aliases, in the order of the Alias attribute.</summary>
    public required IReadOnlyList<string> Aliases { get; init; }

    /// <summary>ValidateSet values (or enum names), in their order; empty when none.</summary>
    public required IReadOnlyList<string> AcceptedValues { get; init; }

    public required bool SupportsWildcards { get; init; }

    /// <summary>Declared on EcsTools.EcsCmdlet (credentials, region, endpoint): the same on every cmdlet and documented alike.</summary>
    public required bool IsShared { get; init; }

    /// <summary>The yaml blocks, in the order of the command's parameter sets.</summary>
    public required IReadOnlyList<DocsParameterBlock> Blocks { get; init; }
}
