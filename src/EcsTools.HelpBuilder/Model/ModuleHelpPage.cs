using System.Collections.Generic;

namespace EcsTools.HelpBuilder;

/// <summary>The platyPS module page (<c>docs/&lt;Module&gt;.md</c>).</summary>
public sealed class ModuleHelpPage
{
    /// <summary>The path the page was read from.</summary>
    public required string FilePath { get; init; }

    /// <summary>The front matter.</summary>
    public required IReadOnlyDictionary<string, string> Metadata { get; init; }

    /// <summary>The <c>Module Name</c>.</summary>
    public required string ModuleName { get; init; }

    /// <summary>The <c>Module Guid</c>.</summary>
    public required System.Guid ModuleGuid { get; init; }

    /// <summary>The <c>## Description</c> as plain-text paragraphs.</summary>
    public required IReadOnlyList<string> DescriptionParagraphs { get; init; }

    /// <summary>The entries of <c>## &lt;Module&gt; Cmdlets</c>.</summary>
    public required IReadOnlyList<ModuleCmdletEntry> Cmdlets { get; init; }
}
