namespace EcsTools.HelpBuilder;

/// <summary>The kinds of text a help page's prose is made of, once markdown formatting is gone.</summary>
public enum TextBlockKind
{
    /// <summary>A paragraph of text, inline formatting removed.</summary>
    Paragraph,

    /// <summary>One item of a bulleted or numbered list.</summary>
    ListItem,

    /// <summary>Verbatim text: a code block, a table, raw HTML.</summary>
    Code,

    /// <summary>A heading (about topics only).</summary>
    Heading,
}
