using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using EcsTools.HelpBuilder;
using EcsTools.HelpBuilder.Update;
using Xunit;

namespace EcsTools.Tests.Help;

/// <summary>
/// The pages in docs/ against the module's metadata, as Get-Command reports it: every exported cmdlet has a page and
/// every page a cmdlet; SYNTAX and the PARAMETERS yaml agree on parameter sets, mandatory, position, aliases, pipeline
/// input, types and ValidateSet values; nothing is left undescribed. Each test lists every problem it finds.
/// </summary>
[Collection(DocsCollection.Name)]
public sealed class DocsDriftTests
{
    /// <summary>The ECS operations each cmdlet calls; its NOTES must name each, with the IAM action <c>ecs:Operation</c>.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Operations = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase)
    {
        ["Start-EcsTask"] = ["RunTask", "StartTask", "DescribeTaskDefinition", "DescribeTasks"],
        ["Get-EcsTask"] = ["ListTasks", "DescribeTasks"],
        ["Wait-EcsTask"] = ["DescribeTasks", "DescribeTaskDefinition"],
        ["Stop-EcsTask"] = ["StopTask"],
        ["Get-EcsTaskLog"] = ["DescribeTasks", "DescribeTaskDefinition"],
        ["New-EcsTaskSet"] = ["CreateTaskSet", "DescribeTaskSets"],
        ["Get-EcsTaskSet"] = ["DescribeTaskSets"],
        ["Set-EcsTaskSet"] = ["UpdateTaskSet", "UpdateServicePrimaryTaskSet", "DescribeTaskSets"],
        ["Remove-EcsTaskSet"] = ["DeleteTaskSet"],
    };

    /// <summary>The cmdlets whose names AWS.Tools.ECS uses too; their NOTES say how to call ours (<c>EcsTools\Name</c>).</summary>
    public static readonly IReadOnlyList<string> SharedWithAwsTools = ["Start-EcsTask", "Stop-EcsTask", "New-EcsTaskSet", "Get-EcsTaskSet", "Remove-EcsTaskSet"];

    private readonly DocsModule _module;

    public DocsDriftTests(DocsModule module) => _module = module;

    [Fact]
    public void Every_exported_cmdlet_has_a_page_and_every_page_a_cmdlet()
    {
        var problems = new List<string>();
        var exported = _module.Module.ExportedCmdlets.Keys.Order(StringComparer.OrdinalIgnoreCase).ToList();
        Assert.NotEmpty(exported);
        Assert.Equal(exported, _module.CommandNames);
        problems.AddRange(exported.Where(n => !File.Exists(DocsModule.PagePath(n))).Select(n => $"{n} has no page: docs/{n}.md"));
        foreach (var file in Directory.GetFiles(DocsModule.DocsDirectory).Select(Path.GetFileName).Order(StringComparer.Ordinal))
        {
            var stem = Path.GetFileNameWithoutExtension(file!);
            if (!file!.EndsWith(".md", StringComparison.Ordinal))
            {
                problems.Add($"docs/{file} is not a platyPS page: docs/ holds only the cmdlet pages, {DocsPageWriter.ModuleName}.md and about_*.md");
            }
            else if (stem != DocsPageWriter.ModuleName && !stem.StartsWith("about_", StringComparison.Ordinal) && !exported.Contains(stem, StringComparer.Ordinal))
            {
                problems.Add($"docs/{file} documents no exported cmdlet");
            }
        }

        if (!File.Exists(Path.Combine(DocsModule.DocsDirectory, "about_EcsTools.md")))
        {
            problems.Add("docs/about_EcsTools.md is missing");
        }

        AssertNone(problems);
    }

    [Fact]
    public void The_docs_build_into_help_without_errors()
    {
        var scratch = HelpFixtures.NewScratch();
        try
        {
            var result = HelpBuild.Run(new HelpBuildOptions { DocsDirectory = DocsModule.DocsDirectory, OutputDirectory = scratch, ModuleName = DocsPageWriter.ModuleName });
            AssertNone(result.Diagnostics.Select(d => d.ToString()));
        }
        finally
        {
            HelpFixtures.DeleteScratch(scratch);
        }
    }

    [Fact]
    public void Syntax_and_parameters_agree_with_the_cmdlets()
    {
        var problems = new List<string>();
        foreach (var (name, command, page) in Pages())
        {
            var where = $"docs/{name}.md";
            var setNames = command.Sets.Select(s => s.Name).ToList();
            if (!setNames.SequenceEqual(page.Syntax.Select(s => s.ParameterSetName), StringComparer.Ordinal))
            {
                problems.Add($"{where}: SYNTAX has the sets [{string.Join(", ", page.Syntax.Select(s => s.ParameterSetName))}], the cmdlet [{string.Join(", ", setNames)}]");
                continue;
            }

            var defaultSet = command.Sets.Single(s => s.IsDefault).Name;
            if (page.DefaultSyntax?.ParameterSetName != defaultSet)
            {
                problems.Add($"{where}: the default parameter set is {defaultSet}, the page says {page.DefaultSyntax?.ParameterSetName}");
            }

            foreach (var syntax in page.Syntax)
            {
                var expected = Regex.Replace(command.Syntax(syntax.ParameterSetName), @"\s+", " ");
                if (syntax.Text != expected)
                {
                    problems.Add($"{where}: the syntax of {syntax.ParameterSetName} is{Environment.NewLine}    {syntax.Text}{Environment.NewLine}  the cmdlet's is{Environment.NewLine}    {expected}");
                }
            }

            var documented = page.Parameters.Select(p => p.Name).ToList();
            problems.AddRange(command.Parameters.Select(p => p.Name).Except(documented, StringComparer.OrdinalIgnoreCase).Select(p => $"{where}: -{p} is not documented"));
            problems.AddRange(documented.Except(command.Parameters.Select(p => p.Name), StringComparer.OrdinalIgnoreCase).Select(p => $"{where}: -{p} is documented but the cmdlet has no such parameter"));
            foreach (var expected in command.Parameters)
            {
                if (page.FindParameter(expected.Name) is { } actual)
                {
                    problems.AddRange(Compare(where, command, expected, actual));
                }
            }
        }

        AssertNone(problems);
    }

    [Fact]
    public void Every_cmdlet_and_parameter_is_described()
    {
        var problems = new List<string>();
        foreach (var (name, command, page) in Pages())
        {
            var where = $"docs/{name}.md";
            Require(page.Synopsis.Length > 0, $"{where}: SYNOPSIS is empty", problems);
            Require(page.Description.Length > 0, $"{where}: DESCRIPTION is empty", problems);
            problems.AddRange(page.Parameters.Where(p => p.Description.Length == 0).Select(p => $"{where}: -{p.Name} has no description"));
            var minimum = name is "Start-EcsTask" or "New-EcsTaskSet" ? 3 : 2;
            Require(page.Examples.Count >= minimum, $"{where}: {page.Examples.Count} example(s), at least {minimum} wanted", problems);
            Require(page.Inputs.Count > 0 && page.Inputs.All(t => t.Description.Length > 0), $"{where}: INPUTS needs each input type with a description", problems);
            Require(page.Outputs.Count > 0 && page.Outputs.All(t => t.Description.Length > 0), $"{where}: OUTPUTS needs each output type with a description", problems);
            problems.AddRange(command.OutputTypes.Where(t => !page.Outputs.Any(o => o.TypeName == t)).Select(t => $"{where}: OUTPUTS does not name {t}, the cmdlet's [OutputType]"));
            Require(page.Notes.Length > 0, $"{where}: NOTES is empty", problems);
            Require(page.RelatedLinks.Count > 0, $"{where}: RELATED LINKS is empty", problems);
            if (SharedWithAwsTools.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                Require(page.Notes.Contains($"EcsTools\\{name}", StringComparison.Ordinal),
                    $"{where}: NOTES should say that AWS.Tools.ECS has a cmdlet of the same name, and to call this one as EcsTools\\{name}", problems);
            }

            foreach (var operation in Operations.TryGetValue(name, out var operations) ? operations : [])
            {
                Require(page.Notes.Contains(operation, StringComparison.Ordinal) && page.Notes.Contains("ecs:" + operation, StringComparison.Ordinal),
                    $"{where}: NOTES should name the ECS API {operation} and the IAM action ecs:{operation}", problems);
            }
        }

        problems.AddRange(_module.CommandNames.Where(n => !Operations.ContainsKey(n)).Select(n => $"{n}: add the ECS operations it calls to {nameof(DocsDriftTests)}.{nameof(Operations)}"));
        AssertNone(problems);
    }

    [Fact]
    public void Shared_parameters_are_described_alike_on_every_page()
    {
        var canonical = _module.SharedDescriptions();
        var shared = _module.Commands[DocsModule.CanonicalPage].Parameters.Where(p => p.IsShared).Select(p => p.Name).ToList();
        Assert.NotEmpty(shared);
        var problems = shared.Where(p => !canonical.ContainsKey(p)).Select(p => $"docs/{DocsModule.CanonicalPage}.md: -{p} has no description").ToList();
        foreach (var name in _module.CommandNames.Where(n => DocsModule.ReadPage(n) is not null))
        {
            var page = DocsPageText.Parse(DocsModule.ReadPage(name));
            foreach (var (parameter, text) in canonical)
            {
                var own = page.Parameters.TryGetValue(parameter, out var entry) ? string.Join("\n", entry.Description.Select(l => l.TrimEnd())) : null;
                Require(own == text, $"docs/{name}.md: -{parameter} is described differently from {DocsModule.CanonicalPage}.md (the updater copies it)", problems);
            }
        }

        AssertNone(problems);
    }

    private static IEnumerable<string> Compare(string where, DocsCommandMetadata command, DocsParameterMetadata expected, ParameterHelp actual)
    {
        var what = $"{where}: -{expected.Name}";
        if (!actual.Type.Equals(expected.Type, StringComparison.Ordinal))
        {
            yield return $"{what} is of type {expected.Type}, the page says {actual.Type}";
        }

        if (!actual.Aliases.SequenceEqual(expected.Aliases, StringComparer.OrdinalIgnoreCase))
        {
            yield return $"{what} has the aliases [{string.Join(", ", expected.Aliases)}], the page says [{string.Join(", ", actual.Aliases)}]";
        }

        if (!actual.AcceptedValues.SequenceEqual(expected.AcceptedValues, StringComparer.Ordinal))
        {
            yield return $"{what} accepts [{string.Join(", ", expected.AcceptedValues)}], the page says [{string.Join(", ", actual.AcceptedValues)}]";
        }

        foreach (var (set, _, parameters) in command.Sets)
        {
            var info = parameters.FirstOrDefault(p => p.Name.Equals(expected.Name, StringComparison.OrdinalIgnoreCase));
            var metadata = actual.MetadataFor(set);
            if (info is null || metadata is null)
            {
                if ((info is null) != (metadata is null))
                {
                    yield return info is null ? $"{what} is not in the set {set}, the page puts it there" : $"{what} is in the set {set}, the page leaves it out";
                }

                continue;
            }

            var position = info.Position >= 0 ? info.Position.ToString(System.Globalization.CultureInfo.InvariantCulture) : "Named";
            if (metadata.Required != info.IsMandatory || metadata.Position != position
                || metadata.AcceptPipelineInput.ByValue != info.ValueFromPipeline || metadata.AcceptPipelineInput.ByPropertyName != info.ValueFromPipelineByPropertyName
                || metadata.AcceptWildcardCharacters != expected.SupportsWildcards)
            {
                yield return $"{what} in the set {set}: Required {info.IsMandatory}, Position {position}, pipeline input "
                    + $"{DocsCommandMetadata.PipelineInput(info.ValueFromPipeline, info.ValueFromPipelineByPropertyName)}, wildcards {expected.SupportsWildcards}; "
                    + $"the page says Required {metadata.Required}, Position {metadata.Position}, pipeline input {metadata.AcceptPipelineInput.Text}, wildcards {metadata.AcceptWildcardCharacters}";
            }
        }
    }

    private IEnumerable<(string Name, DocsCommandMetadata Command, CommandHelpPage Page)> Pages()
    {
        foreach (var name in _module.CommandNames.Where(n => File.Exists(DocsModule.PagePath(n))))
        {
            CommandHelpPage page;
            try
            {
                page = MarkdownHelpParser.ParseFile(DocsModule.PagePath(name));
            }
            catch (HelpFormatException e)
            {
                throw new Xunit.Sdk.XunitException(e.ToDiagnostic().ToString());
            }

            yield return (name, _module.Commands[name], page);
        }
    }

    private static void Require(bool condition, string problem, List<string> problems)
    {
        if (!condition)
        {
            problems.Add(problem);
        }
    }

    private static void AssertNone(IEnumerable<string> problems)
    {
        var list = problems.ToList();
        Assert.True(list.Count == 0, $"{list.Count} problem(s):{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", list));
    }
}
