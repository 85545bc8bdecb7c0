using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Xunit;

namespace EcsTools.Tests.Help;

/// <summary>
/// Markdown traps in docs/: characters that Markdown reads as markup where the page means them literally, so that
/// Get-Help shows something else than the page's author wrote ('*-Ecs*:PollInterval' became '-Ecs:PollInterval').
/// The pages emphasise only with <c>**bold**</c> around whole words and parameter names; wildcards, identifiers and
/// anything with <c>*</c>, <c>_</c> or angle brackets go in code spans.
/// </summary>
public sealed class DocsMarkdownTrapTests
{
    private static readonly MarkdownPipeline s_pipeline = new MarkdownPipelineBuilder().UsePipeTables().UsePreciseSourceLocation().Build();

    [Fact]
    public void No_page_has_markup_it_means_literally()
    {
        var problems = Directory.GetFiles(DocsModule.DocsDirectory, "*.md").Order(StringComparer.Ordinal)
            .SelectMany(path => Traps(File.ReadAllText(path)).Select(t => $"docs/{Path.GetFileName(path)}:{t}"))
            .ToList();

        Assert.True(problems.Count == 0, $"{problems.Count} Markdown trap(s):{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", problems));
    }

    [Theory]
    [InlineData("set in $PSDefaultParameterValues (as '*-Ecs*:PollInterval'), it is used", "'*-Ecs*'")]
    [InlineData("Use *italics* here.", "'*italics*'")]
    [InlineData("The name _private_ matters.", "'_private_'")]
    [InlineData("Pass **-Task**s to it.", "'**-Task**'")]
    [InlineData("Matches t3.* instances.", "'*'")]
    [InlineData("A value like _FOO stays.", "'_'")]
    [InlineData("Name the <cluster> here.", "'<cluster>'")]
    public void Each_kind_of_trap_is_found(string prose, string reported)
    {
        var trap = Assert.Single(Traps(prose));
        Assert.Contains(reported, trap, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("With **-Task**, or **-Cluster** and **-Family**.")]
    [InlineData("The `'*-Ecs*:PollInterval'` key, `t3.*`, `_x_` and `<cluster>`.")]
    [InlineData("FARGATE_SPOT and MANAGED_INSTANCES, escaped \\* and \\_, and the characters _ . : / = + - @.")]
    [InlineData("A list:\n\n- **ClusterDefault** (the default): RunTask.\n")]
    [InlineData("```powershell\n$PSDefaultParameterValues['*-Ecs*:Region'] = 'x'\n```\n")]
    [InlineData("---\nexternal help file: EcsTools.dll-Help.xml\nschema: 2.0.0\n---\n\n# Get-EcsTask\n")]
    public void Intended_markup_and_code_are_not_traps(string prose) => Assert.Empty(Traps(prose));

    /// <summary>"line: what" for each trap of a page.</summary>
    internal static IEnumerable<string> Traps(string page)
    {
        var source = page.Replace("\r\n", "\n", StringComparison.Ordinal);
        var document = Markdown.Parse(WithoutFrontMatter(source), s_pipeline);
        return document.Descendants<LeafBlock>().Where(b => b is not CodeBlock && b.Inline is not null)
            .SelectMany(b => InlineTraps(b.Inline!, source));
    }

    private static IEnumerable<string> InlineTraps(ContainerInline container, string source)
    {
        foreach (var inline in container.Descendants<Inline>())
        {
            var line = inline.Line + 1;
            switch (inline)
            {
                case EmphasisInline emphasis when emphasis.DelimiterChar != '*' || emphasis.DelimiterCount != 2:
                    yield return $"{line}: {Quote(source, emphasis)} is read as emphasis and shown as '{Plain(emphasis)}': put it in a code span";
                    break;
                case EmphasisInline emphasis when IsWordCharacter(At(source, emphasis.Span.Start - 1)) || IsWordCharacter(At(source, emphasis.Span.End + 1)):
                    yield return $"{line}: {Quote(source, emphasis)} is bold inside a word: bold whole words, or use a code span";
                    break;
                case LiteralInline literal when IsStray(literal, source) is { } stray:
                    yield return $"{line}: '{stray}' outside a code span is markup waiting to pair up: put it in a code span or escape it";
                    break;
                case HtmlInline html when !html.Tag.StartsWith("<!--", StringComparison.Ordinal):
                    yield return $"{line}: '{html.Tag}' is read as HTML, which help viewers drop: put it in a code span";
                    break;
            }
        }
    }

    // An unescaped '*', or a '_' at the edge of a word (where it could open or close emphasis), left as text.
    private static char? IsStray(LiteralInline literal, string source)
    {
        for (var i = literal.Span.Start; i <= literal.Span.End && i < source.Length; i++)
        {
            var c = source[i];
            if (c is not ('*' or '_') || At(source, i - 1) == '\\')
            {
                continue;
            }

            // A '*' can open or close emphasis even inside a word; a '_' only where it leans on a word at one side.
            var before = At(source, i - 1);
            var after = At(source, i + 1);
            var canOpen = !char.IsWhiteSpace(after) && !char.IsLetterOrDigit(before);
            var canClose = !char.IsWhiteSpace(before) && !char.IsLetterOrDigit(after);
            if (c == '*' || canOpen || canClose)
            {
                return c;
            }
        }

        return null;
    }

    private static string Quote(string source, Inline inline) =>
        "'" + source[inline.Span.Start..Math.Min(inline.Span.End + 1, source.Length)] + "'";

    private static string Plain(ContainerInline container) =>
        string.Concat(container.Descendants<LiteralInline>().Select(l => l.Content.ToString()));

    private static char At(string source, int index) => index >= 0 && index < source.Length ? source[index] : ' ';

    private static bool IsWordCharacter(char c) => char.IsLetterOrDigit(c) || c == '_';

    // The YAML front matter, blanked line by line so that line numbers and offsets stay those of the page.
    private static string WithoutFrontMatter(string source)
    {
        if (!source.StartsWith("---\n", StringComparison.Ordinal))
        {
            return source;
        }

        var end = source.IndexOf("\n---\n", 4, StringComparison.Ordinal);
        if (end < 0)
        {
            return source;
        }

        var blank = new string(source[..(end + 4)].Select(c => c == '\n' ? '\n' : ' ').ToArray());
        return blank + source[(end + 4)..];
    }
}
