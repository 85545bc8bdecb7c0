using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using EcsTools.HelpBuilder;
using EcsTools.Tests.Host;
using Xunit;

namespace EcsTools.Tests.Commands;

/// <summary>The help pages of the task set cmdlets: they agree with the cmdlets' metadata, and their examples run against LocalEcs.</summary>
public sealed class TaskSetHelpTests
{
    private const string Describe = """
        $command = Get-Command $args[0]
        $common = [System.Management.Automation.PSCmdlet]::CommonParameters
        foreach ($set in $command.ParameterSets) {
            'set|{0}|{1}' -f $set.Name, $set.IsDefault
            foreach ($p in $set.Parameters) {
                if ($p.Name -in $common) { continue }
                'param|{0}|{1}|{2}|{3}|{4}|{5}' -f $set.Name, $p.Name, $p.IsMandatory, $p.Position, $p.ValueFromPipeline, $p.ValueFromPipelineByPropertyName
            }
        }
        foreach ($p in $command.Parameters.Values) {
            if ($p.Name -in $common) { continue }
            'alias|{0}|{1}' -f $p.Name, ($p.Aliases -join ',')
            'values|{0}|{1}' -f $p.Name, (($p.Attributes | Where-Object { $_ -is [System.Management.Automation.ValidateSetAttribute] }).ValidValues -join ',')
        }
        """;

    public static TheoryData<string> Cmdlets => new() { "New-EcsTaskSet", "Get-EcsTaskSet", "Set-EcsTaskSet", "Remove-EcsTaskSet" };

    [Theory]
    [MemberData(nameof(Cmdlets))]
    public void The_page_agrees_with_the_cmdlet(string cmdlet)
    {
        var page = MarkdownHelpParser.ParseFile(PagePath(cmdlet));
        using var session = PsSession.Create();
        var facts = session.Run(Describe, cmdlet).EnsureSuccess()
            .Output.Select(o => o.BaseObject.ToString()!.Split('|')).ToArray();

        var sets = facts.Where(f => f[0] == "set").ToArray();
        if (sets.Length == 1)
        {
            Assert.Equal("(All)", Assert.Single(page.Syntax).ParameterSetName);
        }
        else
        {
            Assert.Equal(sets.Select(s => s[1]).Order(), page.Syntax.Select(s => s.ParameterSetName).Order());
            Assert.Equal(sets.Single(s => s[2] == "True")[1], page.DefaultSyntax!.ParameterSetName);
        }

        var parameters = facts.Where(f => f[0] == "alias").Select(f => f[1]).ToArray();
        Assert.Equal(parameters.Order(StringComparer.OrdinalIgnoreCase), page.Parameters.Select(p => p.Name).Order(StringComparer.OrdinalIgnoreCase));
        foreach (var fact in facts.Where(f => f[0] == "param"))
        {
            var (set, name) = (sets.Length == 1 ? "(All)" : fact[1], fact[2]);
            var help = page.FindParameter(name)!;
            var metadata = help.MetadataFor(set);
            Assert.True(metadata is not null, $"{cmdlet} -{name} is in set {set}");
            Assert.True(bool.Parse(fact[3]) == metadata.Required, $"{cmdlet} -{name} Required in {set}");
            Assert.True((int.Parse(fact[4], System.Globalization.CultureInfo.InvariantCulture) < 0 ? "Named" : fact[4]) == metadata.Position, $"{cmdlet} -{name} Position");
            Assert.True(bool.Parse(fact[5]) == metadata.AcceptPipelineInput.ByValue, $"{cmdlet} -{name} ByValue");
            Assert.True(bool.Parse(fact[6]) == metadata.AcceptPipelineInput.ByPropertyName, $"{cmdlet} -{name} ByPropertyName");
            Assert.Contains(name, page.Syntax.Single(s => s.ParameterSetName == set).ParameterNames);
        }

        foreach (var fact in facts.Where(f => f[0] == "alias"))
        {
            Assert.Equal(fact[2].Split(',', StringSplitOptions.RemoveEmptyEntries).Order(), page.FindParameter(fact[1])!.Aliases.Order());
        }

        foreach (var fact in facts.Where(f => f[0] == "values"))
        {
            Assert.Equal(fact[2].Split(',', StringSplitOptions.RemoveEmptyEntries), page.FindParameter(fact[1])!.AcceptedValues);
        }

        Assert.Contains(page.NotesParagraphs, n => n.Contains("ecs:", StringComparison.Ordinal));
        Assert.True(page.Examples.Count >= (cmdlet == "New-EcsTaskSet" ? 3 : 2));
    }

    public static TheoryData<string, int> Examples()
    {
        var data = new TheoryData<string, int>();
        foreach (var cmdlet in new[] { "New-EcsTaskSet", "Get-EcsTaskSet", "Set-EcsTaskSet", "Remove-EcsTaskSet" })
        {
            var count = MarkdownHelpParser.ParseFile(PagePath(cmdlet)).Examples.Count;
            for (var i = 1; i <= count; i++)
            {
                data.Add(cmdlet, i);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task Every_example_runs_against_the_LocalEcs_demo_scene(string cmdlet, int number)
    {
        var example = MarkdownHelpParser.ParseFile(PagePath(cmdlet)).Examples[number - 1];
        var code = string.Join(Environment.NewLine, example.CodeBlocks.Where(b => b.Language == "powershell").Select(b => b.Text));
        await using var host = await LocalEcsHost.StartAsync();
        // The examples wait with the default 2-second first poll; the suite polls faster.
        host.Run("$PSDefaultParameterValues['*-EcsTaskSet:PollInterval'] = 0.05").EnsureSuccess();
        var result = host.Run(code);
        Assert.True(result.Terminating is null && result.Errors.Count == 0,
            $"{cmdlet} example {number} failed: {result.Terminating?.Message} {string.Join("; ", result.Errors.Select(e => e.FullyQualifiedErrorId + ": " + e))}");
        Assert.Contains(host.Server.Requests, r => r.Operation.Contains("TaskSet", StringComparison.Ordinal));
    }

    private static string PagePath(string cmdlet) => Path.Combine(TestPaths.RepoRoot, "docs", cmdlet + ".md");
}
