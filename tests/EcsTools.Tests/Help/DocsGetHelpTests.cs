using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Xunit;

namespace EcsTools.Tests.Help;

/// <summary>
/// Get-Help in the real engine, offline, with the module as built (out/EcsTools, its en-US MAML and about topic):
/// every cmdlet's full help, every parameter's help, and about_EcsTools.
/// </summary>
[Collection(DocsCollection.Name)]
public sealed class DocsGetHelpTests
{
    private readonly DocsModule _module;

    public DocsGetHelpTests(DocsModule module) => _module = module;

    [Fact]
    public void Get_Help_Full_has_every_part_of_every_cmdlet()
    {
        var problems = new List<string>();
        foreach (var name in _module.CommandNames)
        {
            var help = _module.Session.Run("Get-Help $args[0] -Full", name).EnsureSuccess().Output.Single();
            var synopsis = Text(help, "Synopsis");
            // Without MAML, Get-Help makes the synopsis up from the syntax.
            Require(synopsis.Length > 0 && !synopsis.StartsWith(name + " ", StringComparison.Ordinal) && !synopsis.Contains("[<CommonParameters>]", StringComparison.Ordinal),
                $"{name}: Get-Help shows no synopsis from the MAML ('{synopsis}')", problems);
            Require(Items(help, "description").Any(d => Text(d, "Text").Length > 0), $"{name}: no description", problems);
            var parameters = Items(Child(help, "parameters"), "parameter");
            var command = _module.Commands[name];
            foreach (var expected in command.Parameters)
            {
                var actual = parameters.FirstOrDefault(p => Text(p, "name") == expected.Name);
                if (actual is null)
                {
                    problems.Add($"{name}: Get-Help -Full does not show -{expected.Name}");
                    continue;
                }

                // One entry per parameter: what is true across its sets.
                var required = expected.Blocks.All(b => b.Required);
                var position = expected.Blocks.All(b => b.Position == expected.Blocks[0].Position) ? expected.Blocks[0].Position
                    : expected.Blocks.FirstOrDefault(b => b.Position != "Named")?.Position ?? "Named";
                var byValue = expected.Blocks.Any(b => b.PipelineInput.Contains("ByValue", StringComparison.Ordinal));
                var byPropertyName = expected.Blocks.Any(b => b.PipelineInput.Contains("ByPropertyName", StringComparison.Ordinal));
                var pipeline = Text(actual, "pipelineInput");
                Require(Items(actual, "description").Any(d => Text(d, "Text").Length > 0), $"{name} -{expected.Name}: no description", problems);
                Require(Text(actual, "required") == (required ? "true" : "false"), $"{name} -{expected.Name}: required is {Text(actual, "required")}", problems);
                Require(Text(actual, "position").Equals(position, StringComparison.OrdinalIgnoreCase), $"{name} -{expected.Name}: position is {Text(actual, "position")}", problems);
                Require(pipeline.StartsWith(byValue || byPropertyName ? "True" : "False", StringComparison.Ordinal)
                    && pipeline.Contains("ByValue", StringComparison.Ordinal) == byValue && pipeline.Contains("ByPropertyName", StringComparison.Ordinal) == byPropertyName,
                    $"{name} -{expected.Name}: pipeline input is {pipeline}", problems);
                Require(Text(actual, "aliases") == (expected.Aliases.Count > 0 ? string.Join(", ", expected.Aliases) : "none"), $"{name} -{expected.Name}: aliases are {Text(actual, "aliases")}", problems);
                Require(Text(Child(actual, "type"), "name") == expected.Type, $"{name} -{expected.Name}: type is {Text(Child(actual, "type"), "name")}", problems);
            }

            Require(Items(Child(help, "inputTypes"), "inputType").Length > 0, $"{name}: no INPUTS", problems);
            Require(Items(Child(help, "returnValues"), "returnValue").Length > 0, $"{name}: no OUTPUTS", problems);
            Require(Items(Child(help, "alertSet"), "alert").Any(a => Text(a, "Text").Length > 0), $"{name}: no NOTES", problems);
            var minimum = name is "Start-EcsTask" or "New-EcsTaskSet" ? 3 : 2;
            var examples = Items(Child(help, "examples"), "example");
            Require(examples.Length >= minimum && examples.All(e => Text(e, "code").Length > 0), $"{name}: {examples.Length} example(s) with code, at least {minimum} wanted", problems);
        }

        AssertNone(problems);
    }

    [Fact]
    public void Get_Help_Parameter_works_for_every_parameter()
    {
        var problems = new List<string>();
        foreach (var name in _module.CommandNames)
        {
            foreach (var parameter in _module.Commands[name].Parameters)
            {
                var result = _module.Session.Run("Get-Help $args[0] -Parameter $args[1]", name, parameter.Name);
                var help = result.Output.FirstOrDefault();
                if (result.Terminating is not null || result.Errors.Count > 0 || help is null)
                {
                    problems.Add($"Get-Help {name} -Parameter {parameter.Name}: {result.FirstError?.ToString() ?? "nothing"}");
                    continue;
                }

                Require(Text(help, "name") == parameter.Name && Items(help, "description").Any(d => Text(d, "Text").Length > 0),
                    $"Get-Help {name} -Parameter {parameter.Name}: no description", problems);
            }
        }

        AssertNone(problems);
    }

    [Fact]
    public void Get_Help_about_EcsTools_covers_the_concepts()
    {
        var text = string.Join("\n", _module.Session.Run("Get-Help about_EcsTools").EnsureSuccess().Output.Select(o => o.BaseObject.ToString()));

        Assert.StartsWith("TOPIC\n    about_ecstools", text.Replace("\r\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal);
        string[] concepts =
        [
            "SHORT DESCRIPTION", "LONG DESCRIPTION", "PARAMETER SETS", "CREDENTIALS AND REGIONS", "ENDPOINTS", "PIPELINES", "ERRORS", "WAITING",
            "EcsTools\\Start-EcsTask", "-AllowClobber", "AWS.Tools.ECS", "AWS_ENDPOINT_URL_ECS", "-ErrorAction Stop", "FullyQualifiedErrorId",
            "-Wait", "-WhatIf", "ClientToken", "SEE ALSO",
        ];
        AssertNone(concepts.Where(c => !text.Contains(c, StringComparison.Ordinal)).Select(c => $"about_EcsTools does not mention '{c}'"));
    }

    private static PSObject Child(PSObject value, string name) =>
        value.Properties[name]?.Value is { } v ? PSObject.AsPSObject(v) : new PSObject();

    private static string Text(PSObject value, string name) => value.Properties[name]?.Value?.ToString()?.Trim() ?? string.Empty;

    private static PSObject[] Items(PSObject value, string name) =>
        value.Properties[name]?.Value switch
        {
            null => [],
            string text => [PSObject.AsPSObject(text)],
            System.Collections.IEnumerable list => list.Cast<object>().Select(PSObject.AsPSObject).ToArray(),
            object single => [PSObject.AsPSObject(single)],
        };

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
