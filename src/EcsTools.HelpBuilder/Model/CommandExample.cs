using System.Collections.Generic;
using System.Linq;

namespace EcsTools.HelpBuilder;

/// <summary>A <c>###</c> example: introduction text, one or more code blocks, remarks.</summary>
public sealed class CommandExample
{
    /// <summary>The heading text.</summary>
    public required string Title { get; init; }

    /// <summary>Paragraphs before the first code block (platyPS's "introduction").</summary>
    public required IReadOnlyList<string> IntroductionParagraphs { get; init; }

    /// <summary>The consecutive code blocks.</summary>
    public required IReadOnlyList<ExampleCodeBlock> CodeBlocks { get; init; }

    /// <summary>Paragraphs after the code blocks.</summary>
    public required IReadOnlyList<string> RemarksParagraphs { get; init; }

    /// <summary>1-based line of the heading.</summary>
    public int Line { get; init; }

    /// <summary>The code blocks joined by a blank line, as the MAML <c>dev:code</c> holds them.</summary>
    public string Code => string.Join("\n\n", CodeBlocks.Select(c => c.Text));

    /// <summary>The remarks, paragraphs separated by a blank line.</summary>
    public string Remarks => TextBlock.Join(RemarksParagraphs);

    /// <summary>The introduction, paragraphs separated by a blank line.</summary>
    public string Introduction => TextBlock.Join(IntroductionParagraphs);
}
