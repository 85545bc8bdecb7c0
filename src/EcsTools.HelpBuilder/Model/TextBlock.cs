using System;
using System.Linq;

namespace EcsTools.HelpBuilder;

/// <summary>One block of a page's prose as plain text.</summary>
/// <param name="Kind">What the block is.</param>
/// <param name="Text">The text: inline markdown removed, soft line breaks joined; verbatim for code.</param>
/// <param name="Indent">Columns of indentation from list nesting.</param>
/// <param name="Marker">The list marker (<c>-</c>, <c>1.</c>) for list items, else empty.</param>
/// <param name="Level">The heading level for headings, else 0.</param>
/// <param name="Line">1-based line in the page.</param>
public sealed record TextBlock(TextBlockKind Kind, string Text, int Indent, string Marker, int Level, int Line)
{
    /// <summary>
    /// The block as one MAML paragraph, the way platyPS flattens prose: list items keep their marker,
    /// verbatim text is indented by four spaces.
    /// </summary>
    public string ToParagraph()
    {
        string pad = new(' ', Indent);
        return Kind switch
        {
            TextBlockKind.ListItem => pad + Marker + " " + Text,
            TextBlockKind.Code => string.Join(
                "\n",
                Text.Split('\n').Select(l => l.Length == 0 ? l : pad + "    " + l)),
            _ => pad + Text,
        };
    }

    internal bool IsBlank => string.IsNullOrWhiteSpace(Text);

    internal static string Join(System.Collections.Generic.IEnumerable<string> paragraphs) =>
        string.Join("\n\n", paragraphs ?? Array.Empty<string>());
}
