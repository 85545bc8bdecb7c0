using System.Collections.Generic;

namespace EcsTools.HelpBuilder.Update;

/// <summary>What <see cref="DocsUpdate"/> rewrites, from which module.</summary>
public sealed class DocsUpdateOptions
{
    /// <summary>The folder of the pages (docs/).</summary>
    public required string DocsDirectory { get; init; }

    /// <summary>The built module's manifest (out/EcsTools/EcsTools.psd1), imported as a user would.</summary>
    public required string ModuleManifest { get; init; }

    /// <summary>The module's XML documentation file, for the first description of a new parameter; none leaves platyPS's placeholder.</summary>
    public string? XmlDocumentation { get; init; }

    /// <summary>The pages to rewrite (<c>Start-EcsTask</c>, <c>EcsTools</c>); null or empty for all.</summary>
    public IReadOnlyCollection<string>? Pages { get; init; }
}
