using System.Collections.Generic;

namespace EcsTools.HelpBuilder;

/// <summary>What a <see cref="HelpBuild"/> run found and wrote.</summary>
public sealed class HelpBuildResult
{
    /// <summary>The errors; nothing was written when there are any.</summary>
    public required IReadOnlyList<HelpDiagnostic> Diagnostics { get; init; }

    /// <summary>The cmdlet pages that parsed.</summary>
    public required IReadOnlyList<CommandHelpPage> Commands { get; init; }

    /// <summary>The about topics that parsed.</summary>
    public required IReadOnlyList<AboutTopicPage> AboutTopics { get; init; }

    /// <summary>The module page, when there is one and it parsed.</summary>
    public ModuleHelpPage? ModulePage { get; init; }

    /// <summary>The files written.</summary>
    public required IReadOnlyList<string> WrittenFiles { get; init; }

    /// <summary>Whether the run found no error.</summary>
    public bool Succeeded => Diagnostics.Count == 0;
}
