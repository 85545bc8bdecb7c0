using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Xunit;
using Xunit.Abstractions;

namespace EcsTools.Tests.Help;

/// <summary>
/// The docs updater. Normally it only compares: every cmdlet page and the module page must be exactly what the updater
/// would write, that is SYNTAX and the PARAMETERS yaml blocks as the module's metadata says, in platyPS's layout. With
/// <c>ECSTOOLS_UPDATE_DOCS=1</c> it rewrites docs/ instead (new cmdlets get a page with platyPS placeholders):
/// <code>ECSTOOLS_UPDATE_DOCS=1 dotnet test tests/EcsTools.Tests --filter FullyQualifiedName~DocsUpdate</code>
/// </summary>
[Collection(DocsCollection.Name)]
public sealed class DocsUpdateTests
{
    public const string UpdateVariable = "ECSTOOLS_UPDATE_DOCS";

    private readonly DocsModule _module;
    private readonly ITestOutputHelper _output;

    public DocsUpdateTests(DocsModule module, ITestOutputHelper output)
    {
        _module = module;
        _output = output;
    }

    /// <summary>
    /// Whether <c>ECSTOOLS_UPDATE_DOCS</c> asks to rewrite a page: <c>1</c> for every page, or a comma-separated list of
    /// page names (<c>Start-EcsTask,EcsTools</c>).
    /// </summary>
    public static bool Updating(string page)
    {
        var value = Environment.GetEnvironmentVariable(UpdateVariable);
        return value is not null && (value.Trim() == "1"
            || value.Split(',', StringSplitOptions.TrimEntries).Contains(page, StringComparer.OrdinalIgnoreCase));
    }

    [Fact]
    public void Every_page_is_what_the_updater_writes()
    {
        var stale = new List<string>();
        // The canonical page first: the others copy its descriptions of the shared parameters.
        var names = _module.CommandNames.OrderBy(n => n.Equals(DocsModule.CanonicalPage, StringComparison.OrdinalIgnoreCase) ? 0 : 1).ToList();
        foreach (var name in names)
        {
            Check(DocsModule.PagePath(name), () => _module.ExpectedPage(name), stale);
        }

        Check(DocsModule.PagePath(DocsPageWriter.ModuleName), _module.ExpectedModulePage, stale);
        Assert.True(stale.Count == 0,
            $"docs/ is not what the updater writes (SYNTAX and PARAMETERS come from the module's metadata). Run{Environment.NewLine}"
            + $"  {UpdateVariable}=1 dotnet test tests/EcsTools.Tests --filter FullyQualifiedName~DocsUpdate{Environment.NewLine}"
            + $"and review the changes:{Environment.NewLine}{string.Join(Environment.NewLine, stale)}");
    }

    [Fact]
    public void The_updater_keeps_the_prose_and_regenerates_syntax_and_parameters()
    {
        var command = _module.Commands["Wait-EcsTask"];
        var page = """
            ---
            Module Name: Wrong
            online version: https://example.com/wait
            schema: 2.0.0
            ---

            # Wait-EcsTask

            ## SYNOPSIS
            Waits.

            ## SYNTAX

            ```
            Wait-EcsTask -Old <String>
            ```

            ## DESCRIPTION
            Some *prose*.

            ```powershell
            ## not a heading
            ```

            ## EXAMPLES

            ### Example 1: one
            ```powershell
            Wait-EcsTask abc
            ```

            ## PARAMETERS

            ### -Until
            Kept **as written**.

            ```yaml
            Type: Wrong
            Parameter Sets: Old
            Aliases:

            Required: True
            Position: 3
            Default value: Stopped
            Accept pipeline input: False
            Accept wildcard characters: False
            ```

            ### -Gone
            A parameter the cmdlet no longer has.

            ```yaml
            Type: String
            ```

            ## NOTES
            Notes.
            """;

        var text = DocsPageWriter.Write(DocsPageText.Parse(page), command, (p, written) => written ? null : "Seeded " + p.Name + ".");

        Assert.StartsWith("---\nexternal help file: EcsTools.dll-Help.xml\nModule Name: EcsTools\nonline version: https://example.com/wait\nschema: 2.0.0\n---\n\n# Wait-EcsTask\n\n## SYNOPSIS\nWaits.\n\n## SYNTAX\n\n```\nWait-EcsTask [-Task] <String[]> [-Cluster <String>]", text, StringComparison.Ordinal);
        Assert.Contains("## DESCRIPTION\nSome *prose*.\n\n```powershell\n## not a heading\n```\n\n## EXAMPLES\n\n### Example 1: one\n", text, StringComparison.Ordinal);
        Assert.Contains("### -Until\nKept **as written**.\n\n```yaml\nType: String\nParameter Sets: (All)\nAliases:\nAccepted values: Running, Stopped\n\nRequired: False\nPosition: Named\nDefault value: Stopped\n", text, StringComparison.Ordinal);
        Assert.Contains("### -Cluster\nSeeded Cluster.\n\n```yaml\nType: String\nParameter Sets: (All)\nAliases: ClusterArn, ClusterName\n", text, StringComparison.Ordinal);
        Assert.Contains("Accept pipeline input: True (ByPropertyName, ByValue)\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("-Gone", text, StringComparison.Ordinal);
        Assert.Contains("## INPUTS\n\n### System.String[]\n{{ Fill in the Description }}\n\n### System.String\n{{ Fill in the Description }}\n\n## OUTPUTS\n\n### EcsTools.EcsTask\n", text, StringComparison.Ordinal);
        Assert.EndsWith("## NOTES\nNotes.\n\n## RELATED LINKS\n", text, StringComparison.Ordinal);
        Assert.Equal(text, DocsPageWriter.Write(DocsPageText.Parse(text), command, (_, _) => null));
    }

    [Fact]
    public void Syntax_lines_follow_platyPS()
    {
        var start = _module.Commands["Start-EcsTask"];

        var syntax = start.Syntax("LaunchType").Split('\n');

        Assert.StartsWith("Start-EcsTask [-TaskDefinition] <String> [-Cluster <String>] -LaunchType <String> [-Count <Int32>]", syntax[0], StringComparison.Ordinal);
        Assert.All(syntax, line => Assert.True(line.Length <= DocsCommandMetadata.SyntaxWidth + 1, line));
        Assert.All(syntax.Skip(1), line => Assert.StartsWith(" -", line.Replace(" [", " -", StringComparison.Ordinal), StringComparison.Ordinal));
        Assert.EndsWith(" [-WhatIf] [-Confirm] [<CommonParameters>]", string.Join(string.Empty, syntax), StringComparison.Ordinal);
        Assert.Contains(" [-Wait] ", string.Join(string.Empty, syntax), StringComparison.Ordinal);
        var count = start.Parameters.Single(p => p.Name == "Count");
        Assert.Equal(["ClusterDefault", "LaunchType", "CapacityProvider"], Assert.Single(count.Blocks).ParameterSets);
        Assert.Equal(["Confirm", "WhatIf"], start.Parameters.TakeLast(2).Select(p => p.Name));
    }

    private void Check(string path, Func<string> expected, List<string> stale)
    {
        var actual = File.Exists(path) ? File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal) : null;
        var text = expected();
        if (actual == text)
        {
            return;
        }

        if (Updating(Path.GetFileNameWithoutExtension(path)))
        {
            File.WriteAllText(path, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            _output.WriteLine($"{(actual is null ? "Created" : "Updated")} {path}");
            return;
        }

        stale.Add(actual is null ? $"  {path}: missing" : $"  {path}: {FirstDifference(actual, text)}");
    }

    private static string FirstDifference(string actual, string expected)
    {
        var a = actual.Split('\n');
        var e = expected.Split('\n');
        var i = 0;
        while (i < a.Length && i < e.Length && a[i] == e[i])
        {
            i++;
        }

        return $"line {i + 1} is{Environment.NewLine}      '{(i < a.Length ? a[i] : "(end of file)")}'{Environment.NewLine}"
            + $"    the updater writes{Environment.NewLine}      '{(i < e.Length ? e[i] : "(end of file)")}'";
    }
}
