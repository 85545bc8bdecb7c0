using System.Collections.Generic;

namespace EcsTools.HelpBuilder;

/// <summary>A platyPS about topic page (<c>docs/about_*.md</c>).</summary>
public sealed class AboutTopicPage
{
    /// <summary>The path the page was read from.</summary>
    public required string FilePath { get; init; }

    /// <summary>The <c>#</c> heading.</summary>
    public required string Title { get; init; }

    /// <summary>The name Get-Help looks the topic up by (<c>about_EcsTools</c>).</summary>
    public required string TopicName { get; init; }

    /// <summary>The SHORT DESCRIPTION text.</summary>
    public required string ShortDescription { get; init; }

    /// <summary>Everything from the SHORT DESCRIPTION heading on, as text blocks (headings included).</summary>
    public required IReadOnlyList<TextBlock> Blocks { get; init; }

    /// <summary>The heading level of SHORT DESCRIPTION: headings at this level or above are sections.</summary>
    public required int SectionLevel { get; init; }
}
