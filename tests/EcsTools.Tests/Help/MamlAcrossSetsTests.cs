using System.Xml;
using EcsTools.HelpBuilder;
using Xunit;

namespace EcsTools.Tests.Help;

/// <summary>
/// The MAML parameters section keeps one entry per parameter where a page has a yaml block per set: the entry says what
/// is true across the sets, while each syntax item keeps its own set's metadata.
/// </summary>
public sealed class MamlAcrossSetsTests
{
    [Fact]
    public void A_parameter_required_in_one_set_and_optional_in_another_is_not_required()
    {
        var page = MarkdownHelpParser.ParseFile(HelpFixtures.Page("Set-EcsService.md"));
        var (document, ns) = Maml(page);

        var cluster = (XmlElement)document.SelectSingleNode("//command:parameters/command:parameter[maml:name='Cluster']", ns)!;
        Assert.Equal("false", cluster.GetAttribute("required"));
        Assert.Equal("true", ((XmlElement)document.SelectSingleNode("//command:syntaxItem[command:parameter/maml:name='Name']/command:parameter[maml:name='Cluster']", ns)!).GetAttribute("required"));
    }

    [Fact]
    public void A_parameter_bound_from_the_pipeline_in_one_set_only_says_so()
    {
        var page = MarkdownHelpParser.ParseFile(System.IO.Path.Combine(DocsModule.DocsDirectory, "Get-EcsTask.md"));
        var (document, ns) = Maml(page);

        var cluster = (XmlElement)document.SelectSingleNode("//command:parameters/command:parameter[maml:name='Cluster']", ns)!;
        Assert.Equal("True (ByPropertyName)", cluster.GetAttribute("pipelineInput"));
        Assert.Equal("false", cluster.GetAttribute("required"));
        var inList = (XmlElement)document.SelectSingleNode("//command:syntaxItem[command:parameter/maml:name='Family']/command:parameter[maml:name='Cluster']", ns)!;
        Assert.Equal("False", inList.GetAttribute("pipelineInput"));
    }

    [Fact]
    public void Pipeline_kinds_from_different_sets_add_up()
    {
        var across = new ParameterHelp
        {
            Name = "X",
            DescriptionParagraphs = ["x"],
            Type = "String",
            Aliases = [],
            AcceptedValues = [],
            Metadata =
            [
                Block("A", required: true, "True (ByValue)", "0"),
                Block("B", required: false, "True (ByPropertyName)", "Named"),
            ],
        }.AcrossSets;

        Assert.False(across.Required);
        Assert.True(across.AcceptPipelineInput.ByValue);
        Assert.True(across.AcceptPipelineInput.ByPropertyName);
        Assert.Equal("True (ByPropertyName, ByValue)", across.AcceptPipelineInput.Text);
        Assert.Equal("0", across.Position);
    }

    private static ParameterSetHelp Block(string set, bool required, string pipeline, string position)
    {
        Assert.True(PipelineInput.TryParse(pipeline, out var input));
        return new ParameterSetHelp { ParameterSets = [set], Required = required, Position = position, AcceptPipelineInput = input, AcceptWildcardCharacters = false };
    }

    private static (XmlDocument Document, XmlNamespaceManager Ns) Maml(CommandHelpPage page)
    {
        var document = new XmlDocument();
        document.LoadXml(MamlWriter.WriteString([page]));
        return (document, HelpFixtures.MamlNamespaces(document));
    }
}
