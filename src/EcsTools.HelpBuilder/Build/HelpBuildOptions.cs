namespace EcsTools.HelpBuilder;

/// <summary>What <see cref="HelpBuild"/> reads and writes.</summary>
public sealed class HelpBuildOptions
{
    /// <summary>The folder of platyPS pages (<c>docs/</c>).</summary>
    public required string DocsDirectory { get; init; }

    /// <summary>The folder the help goes to (<c>out/EcsTools/en-US/</c>).</summary>
    public required string OutputDirectory { get; init; }

    /// <summary>The module name: its page is <c>&lt;ModuleName&gt;.md</c>, and cmdlet pages must name it.</summary>
    public required string ModuleName { get; init; }

    /// <summary>The MAML file name, which every cmdlet page's <c>external help file</c> must name.</summary>
    public string? HelpFileName { get; init; }

    /// <summary>The MAML file name in effect: <see cref="HelpFileName"/>, or <c>&lt;ModuleName&gt;.dll-Help.xml</c>.</summary>
    public string EffectiveHelpFileName => HelpFileName ?? ModuleName + ".dll-Help.xml";
}
