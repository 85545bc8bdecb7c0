using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Text;
using EcsTools.HelpBuilder;
using EcsTools.HelpBuilder.Update;
using Xunit;

namespace EcsTools.Tests.Help;

/// <summary>
/// docs/ against the help tool's update mode: every cmdlet page and the module page must be exactly what
/// <c>EcsTools.HelpBuilder --update</c> writes, that is SYNTAX and the PARAMETERS yaml blocks as the module's metadata
/// says, in platyPS's layout. The tests only compare; the command that rewrites docs/ is
/// <code>dotnet pwsh ./build.ps1 Docs -UpdateDocs</code>
/// </summary>
[Collection(DocsCollection.Name)]
public sealed class DocsUpdateTests
{
    private readonly DocsModule _module;

    public DocsUpdateTests(DocsModule module) => _module = module;

    [Fact]
    public void Every_page_is_what_the_updater_writes()
    {
        var stale = new List<string>();
        foreach (var name in _module.Docs.PageNames)
        {
            var path = _module.Docs.PagePath(name);
            var actual = File.Exists(path) ? File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal) : null;
            var expected = _module.Docs.ExpectedPageOrModulePage(name);
            if (actual != expected)
            {
                stale.Add(actual is null ? $"  {path}: missing" : $"  {path}: {ModuleDocs.FirstDifference(actual, expected)}");
            }
        }

        Assert.True(stale.Count == 0,
            $"docs/ is not what the updater writes (SYNTAX and PARAMETERS come from the module's metadata). Run{Environment.NewLine}"
            + $"  {DocsUpdate.Command}{Environment.NewLine}"
            + $"and review the changes:{Environment.NewLine}{string.Join(Environment.NewLine, stale)}");
    }

    [Fact]
    public void The_updater_keeps_the_prose_and_regenerates_syntax_and_parameters()
    {
        var command = FixtureCommand();
        var page = """
            ---
            Module Name: Wrong
            online version: https://example.com/start
            schema: 2.0.0
            ---

            # Start-EcsTask

            ## SYNOPSIS
            Starts.

            ## SYNTAX

            ```
            Start-EcsTask -Old <String>
            ```

            ## DESCRIPTION
            Some *prose*.

            ```powershell
            ## not a heading
            ```

            ## EXAMPLES

            ### Example 1: one
            ```powershell
            Start-EcsTask web
            ```

            ```Output
            ### not a heading either
            ```

            ## PARAMETERS

            ### -Count
            Kept **as written**.

            ```yaml
            Type: Wrong
            Parameter Sets: Old
            Aliases:

            Required: True
            Position: 3
            Default value: 1
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

        Assert.StartsWith(
            "---\nexternal help file: EcsTools.dll-Help.xml\nModule Name: EcsTools\nonline version: https://example.com/start\nschema: 2.0.0\n---\n\n"
            + "# Start-EcsTask\n\n## SYNOPSIS\nStarts.\n\n## SYNTAX\n\n### ClusterDefault (Default)\n```\n"
            + "Start-EcsTask [-TaskDefinition] <String> [-Cluster <String>] [-Count <Int32>] [-Wait] [<CommonParameters>]\n```\n\n"
            + "### LaunchType\n```\nStart-EcsTask [-TaskDefinition] <String> [-Cluster <String>] [-Count <Int32>] -LaunchType <String>\n"
            + " -Subnet <String[]> [-SecurityGroup <String[]>] [-Wait] [<CommonParameters>]\n```\n\n## DESCRIPTION\nSome *prose*.\n\n```powershell\n## not a heading\n```\n\n"
            + "## EXAMPLES\n\n### Example 1: one\n```powershell\nStart-EcsTask web\n```\n\n```Output\n### not a heading either\n```\n\n## PARAMETERS\n\n"
            + "### -Cluster\nSeeded Cluster.\n\n```yaml\nType: String\nParameter Sets: (All)\nAliases: ClusterArn, ClusterName\n\nRequired: False\nPosition: Named\n"
            + "Default value: None\nAccept pipeline input: True (ByPropertyName)\nAccept wildcard characters: False\n```\n\n"
            + "### -Count\nKept **as written**.\n\n```yaml\nType: Int32\nParameter Sets: (All)\nAliases:\n\nRequired: False\nPosition: Named\nDefault value: 1\n",
            text,
            StringComparison.Ordinal);
        Assert.Contains("### -LaunchType\nSeeded LaunchType.\n\n```yaml\nType: String\nParameter Sets: LaunchType\nAliases:\nAccepted values: EC2, FARGATE, EXTERNAL\n\nRequired: True\n", text, StringComparison.Ordinal);
        Assert.Contains("### -TaskDefinition\nSeeded TaskDefinition.\n\n```yaml\nType: String\nParameter Sets: (All)\nAliases: Family\n\nRequired: True\nPosition: 0\n"
            + "Default value: None\nAccept pipeline input: True (ByPropertyName, ByValue)\n", text, StringComparison.Ordinal);
        Assert.Contains("### -Wait\nSeeded Wait.\n\n```yaml\nType: SwitchParameter\n", text, StringComparison.Ordinal);
        Assert.Contains("\nDefault value: False\n", text[text.IndexOf("### -Wait", StringComparison.Ordinal)..], StringComparison.Ordinal);
        Assert.DoesNotContain("-Gone", text, StringComparison.Ordinal);
        Assert.Contains("### CommonParameters\n" + DocsPageWriter.CommonParametersText + "\n\n## INPUTS\n\n### System.String\n{{ Fill in the Description }}\n\n"
            + "## OUTPUTS\n\n### System.Object\n{{ Fill in the Description }}\n\n## NOTES\nNotes.\n\n## RELATED LINKS\n", text, StringComparison.Ordinal);
        Assert.EndsWith("## RELATED LINKS\n", text, StringComparison.Ordinal);
        Assert.Equal(text, DocsPageWriter.Write(DocsPageText.Parse(text), command, (_, _) => null));
    }

    [Fact]
    public void A_new_page_gets_platyPS_placeholders_that_the_help_build_refuses()
    {
        var text = DocsPageWriter.Write(DocsPageText.Parse(null), FixtureCommand(), (_, _) => null);

        Assert.Contains("## SYNOPSIS\n{{ Fill in the Synopsis }}\n", text, StringComparison.Ordinal);
        Assert.Contains("### -Cluster\n{{ Fill Cluster Description }}\n", text, StringComparison.Ordinal);
        HelpFormatException error = Assert.Throws<HelpFormatException>(() => MarkdownHelpParser.ParseCommandPage(text, "Start-EcsTask.md"));
        Assert.Contains("placeholder", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_new_page_describes_its_parameters_from_the_module_s_XML_documentation()
    {
        var configuration = typeof(DocsUpdateTests).Assembly.Location.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
            ? "Release" : "Debug";
        var xml = Path.Combine(Host.TestPaths.RepoRoot, "src", "EcsTools", "bin", configuration, "net8.0", "EcsTools.xml");
        Assert.True(File.Exists(xml), xml);
        var empty = HelpFixtures.NewScratch();
        try
        {
            var docs = new ModuleDocs(empty, _module.Module, _module.Commands.Values.Select(c => c.Command), DocsXmlComments.Load(xml));
            var text = docs.ExpectedPage("Start-EcsTask");

            // The cmdlet's own property, and one declared on the base cmdlet (EcsCmdlet).
            Assert.Contains("### -Count\nHow many tasks to run; more than 10 are split into RunTask calls of at most 10.\n", text, StringComparison.Ordinal);
            Assert.Contains("### -Region\nThe AWS region, e.g. us-east-1.\n", text, StringComparison.Ordinal);
            Assert.Contains("## SYNOPSIS\n{{ Fill in the Synopsis }}\n", text, StringComparison.Ordinal);
            Assert.Contains("### -Count\n{{ Fill Count Description }}\n",
                new ModuleDocs(empty, _module.Module, _module.Commands.Values.Select(c => c.Command), DocsXmlComments.None).ExpectedPage("Start-EcsTask"),
                StringComparison.Ordinal);
        }
        finally
        {
            HelpFixtures.DeleteScratch(empty);
        }
    }

    [Fact]
    public void Syntax_lines_follow_platyPS()
    {
        foreach (var command in _module.Commands.Values)
        {
            foreach (var (set, isDefault, parameters) in command.Sets)
            {
                var lines = command.Syntax(set).Split('\n');
                Assert.StartsWith(command.Name + " ", lines[0], StringComparison.Ordinal);
                Assert.All(lines, line => Assert.True(line.Length <= DocsCommandMetadata.SyntaxWidth + 1, line));
                Assert.All(lines.Skip(1), line => Assert.Matches(@"^ \[?-|^ \[<CommonParameters>\]", line));
                Assert.EndsWith(" [<CommonParameters>]", lines[^1], StringComparison.Ordinal);
                var joined = string.Join(string.Empty, lines);
                Assert.All(parameters.Where(p => p.ParameterType == typeof(System.Management.Automation.SwitchParameter)),
                    p => Assert.Contains($" [-{p.Name}]", joined, StringComparison.Ordinal));
            }

            // One yaml block per distinct metadata; (All) only for a parameter with the same metadata in every set.
            foreach (var parameter in command.Parameters)
            {
                var sets = parameter.Blocks.SelectMany(b => b.ParameterSets).ToList();
                Assert.Equal(sets.Count, sets.Distinct(StringComparer.Ordinal).Count());
                Assert.True(!sets.Contains(DocsCommandMetadata.AllParameterSets) || parameter.Blocks.Count == 1, $"{command.Name} -{parameter.Name}");
            }
        }

        Assert.Equal(["Confirm", "WhatIf"], _module.Commands["Start-EcsTask"].Parameters.TakeLast(2).Select(p => p.Name));
    }

    private static DocsCommandMetadata FixtureCommand()
    {
        var state = InitialSessionState.CreateDefault2();
        state.Commands.Add(new SessionStateCmdletEntry("Start-EcsTask", typeof(StartEcsTaskFixtureCommand), null));
        using var ps = PowerShell.Create(state);
        var info = (CmdletInfo)ps.AddCommand("Get-Command").AddArgument("Start-EcsTask").Invoke()[0].BaseObject;
        return DocsCommandMetadata.From(info);
    }
}
