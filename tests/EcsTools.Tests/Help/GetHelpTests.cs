using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using EcsTools.HelpBuilder;
using Xunit;

namespace EcsTools.Tests.Help;

/// <summary>
/// The real PowerShell engine reading the MAML the builder writes: a fixture cmdlet registered with the help file's
/// path, then Get-Help. (The test against the module itself comes with the module's own pages.)
/// </summary>
public sealed class GetHelpTests : IDisposable
{
    private static readonly CommandHelpPage s_page = MarkdownHelpParser.ParseFile(HelpFixtures.Valid("Start-EcsTask.md"));

    private readonly string _scratch = HelpFixtures.NewScratch();

    public void Dispose() => HelpFixtures.DeleteScratch(_scratch);

    [Fact]
    public void Get_Help_reads_synopsis_description_and_syntax_from_the_maml()
    {
        PSObject help = GetHelp();

        Assert.Equal("Start-EcsTask", Value(help, "Name"));
        Assert.Equal("Starts tasks from a task definition.", Value(help, "Synopsis"));
        Assert.Equal(s_page.DescriptionParagraphs, Items(help, "description").Select(p => Value(p, "Text")));
        PSObject[] syntaxItems = Items(Property(help, "syntax"), "syntaxItem");
        Assert.Equal(2, syntaxItems.Length);
        Assert.Equal(
            new[] { "LaunchType", "SecurityGroup", "Subnet", "TaskDefinition", "Cluster", "Count", "Wait" }.Order(),
            Items(syntaxItems[1], "parameter").Select(p => Value(p, "name")).Order());
    }

    [Fact]
    public void Get_Help_reads_each_parameter_with_its_metadata()
    {
        PSObject[] parameters = Items(Property(GetHelp(), "parameters"), "parameter");

        Assert.Equal(s_page.Parameters.Select(p => p.Name), parameters.Select(p => Value(p, "name")));
        PSObject cluster = parameters.Single(p => Value(p, "name") == "Cluster");
        Assert.Equal("false", Value(cluster, "required"));
        Assert.Equal("named", Value(cluster, "position"));
        Assert.Equal("True (ByPropertyName)", Value(cluster, "pipelineInput"));
        Assert.Equal("false", Value(cluster, "globbing"));
        Assert.Equal("default", Value(cluster, "defaultValue"));
        Assert.Equal("ClusterArn, ClusterName", Value(cluster, "aliases"));
        Assert.Equal(s_page.FindParameter("Cluster")!.Description, Value(Items(cluster, "description")[0], "Text"));
        PSObject taskDefinition = parameters.Single(p => Value(p, "name") == "TaskDefinition");
        Assert.Equal("true", Value(taskDefinition, "required"));
        Assert.Equal("0", Value(taskDefinition, "position"));
        Assert.Equal("True (ByValue, ByPropertyName)", Value(taskDefinition, "pipelineInput"));
    }

    [Fact]
    public void Get_Help_reads_examples_types_notes_and_links()
    {
        PSObject help = GetHelp();

        PSObject[] examples = Items(Property(help, "examples"), "example");
        Assert.Equal(2, examples.Length);
        Assert.Contains("Example 1: Start a task on Fargate", Value(examples[0], "title"), StringComparison.Ordinal);
        Assert.Equal(s_page.Examples[0].Code, Value(examples[0], "code"));
        Assert.Equal(
            s_page.Examples[1].IntroductionParagraphs.Concat(s_page.Examples[1].RemarksParagraphs),
            Items(examples[1], "remarks").Select(r => Value(r, "Text")));
        Assert.Equal("System.String", Value(Property(Property(Property(help, "inputTypes"), "inputType"), "type"), "name"));
        Assert.Equal("EcsTools.EcsTask", Value(Property(Property(Property(help, "returnValues"), "returnValue"), "type"), "name"));
        Assert.Equal(s_page.Notes, Value(Items(Property(help, "alertSet"), "alert")[0], "Text"));
        PSObject[] links = Items(Property(help, "relatedLinks"), "navigationLink");
        Assert.Equal(["Online Version:", "Get-EcsTask", "Amazon ECS RunTask"], links.Select(l => Value(l, "linkText")));
        Assert.Equal("https://example.com/EcsTools/Start-EcsTask", Value(links[0], "uri"));
    }

    [Fact]
    public void The_page_agrees_with_the_cmdlet_metadata()
    {
        // The kind of drift check the module's own pages get: every parameter of the cmdlet is documented with the
        // sets, mandatory flags, positions, pipeline binding, aliases and ValidateSet values it has.
        using PowerShell ps = PowerShell.Create(State(mamlPath: null));
        var command = (CmdletInfo)ps.AddCommand("Get-Command").AddArgument("Start-EcsTask").Invoke()[0].BaseObject;
        string[] common = [.. Cmdlet.CommonParameters, .. Cmdlet.OptionalCommonParameters];

        Assert.Equal(
            command.Parameters.Keys.Except(common).Order(StringComparer.OrdinalIgnoreCase),
            s_page.Parameters.Select(p => p.Name).Order(StringComparer.OrdinalIgnoreCase));
        Assert.Equal(command.DefaultParameterSet, s_page.DefaultSyntax!.ParameterSetName);
        Assert.Equal(command.ParameterSets.Select(s => s.Name).Order(), s_page.Syntax.Select(s => s.ParameterSetName).Order());
        foreach (CommandParameterSetInfo set in command.ParameterSets)
        {
            Assert.Equal(
                set.Parameters.Select(p => p.Name).Except(common).Order(),
                s_page.ParametersInSet(set.Name).Select(p => p.Name).Order());
            foreach (CommandParameterInfo actual in set.Parameters.Where(p => !common.Contains(p.Name)))
            {
                ParameterHelp documented = s_page.FindParameter(actual.Name)!;
                ParameterSetHelp metadata = documented.MetadataFor(set.Name)!;
                Assert.Equal(actual.IsMandatory, metadata.Required);
                Assert.Equal(actual.Position < 0 ? (int?)null : actual.Position, metadata.PositionNumber);
                Assert.Equal(actual.ValueFromPipeline, metadata.AcceptPipelineInput.ByValue);
                Assert.Equal(actual.ValueFromPipelineByPropertyName, metadata.AcceptPipelineInput.ByPropertyName);
                Assert.Equal(actual.Aliases.Order(), documented.Aliases.Order());
                Assert.Equal(
                    actual.Attributes.OfType<ValidateSetAttribute>().SelectMany(v => v.ValidValues),
                    documented.AcceptedValues);
            }
        }
    }

    private PSObject GetHelp()
    {
        string maml = Path.Combine(_scratch, "en-US", "EcsTools.dll-Help.xml");
        MamlWriter.WriteFile(maml, [s_page]);
        using PowerShell ps = PowerShell.Create(State(maml));
        var result = ps.AddCommand("Get-Help").AddParameter("Name", "Start-EcsTask").AddParameter("Full").Invoke();
        Assert.Empty(ps.Streams.Error);
        PSObject help = Assert.Single(result);
        // Without MAML, Get-Help makes help up from the cmdlet's metadata and says so in the synopsis.
        Assert.NotEqual("FormattedHelp", Value(help, "Synopsis"));
        return help;
    }

    private static InitialSessionState State(string? mamlPath)
    {
        InitialSessionState state = InitialSessionState.CreateDefault2();
        state.Commands.Add(new SessionStateCmdletEntry("Start-EcsTask", typeof(StartEcsTaskFixtureCommand), mamlPath));
        return state;
    }

    private static PSObject Property(PSObject value, string name) =>
        value.Properties[name]?.Value is { } v ? PSObject.AsPSObject(v) : throw new Xunit.Sdk.XunitException($"No property {name}.");

    private static string Value(PSObject value, string name) => value.Properties[name]?.Value?.ToString()?.Trim() ?? string.Empty;

    private static PSObject[] Items(PSObject value, string name) =>
        value.Properties[name]?.Value switch
        {
            null => [],
            object[] array => array.Select(PSObject.AsPSObject).ToArray(),
            IEnumerable<object> list => list.Select(PSObject.AsPSObject).ToArray(),
            object single => [PSObject.AsPSObject(single)],
        };
}
