using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Xml;
using EcsTools.HelpBuilder;
using Xunit;

namespace EcsTools.Tests.Help;

/// <summary>The MAML for the fixture pages, checked with XPath in the MAML namespaces.</summary>
public sealed class MamlWriterTests
{
    private static readonly CommandHelpPage[] s_pages =
    [
        MarkdownHelpParser.ParseFile(HelpFixtures.Valid("Start-EcsTask.md")),
        MarkdownHelpParser.ParseFile(HelpFixtures.Valid("Get-EcsTask.md")),
        MarkdownHelpParser.ParseFile(HelpFixtures.Page("Set-EcsService.md")),
    ];

    private readonly XmlDocument _document;
    private readonly XmlNamespaceManager _ns;

    public MamlWriterTests()
    {
        _document = new XmlDocument();
        _document.LoadXml(MamlWriter.WriteString(s_pages));
        _ns = HelpFixtures.MamlNamespaces(_document);
    }

    [Fact]
    public void Root_is_helpItems_with_one_command_per_page_sorted_by_name()
    {
        XmlElement root = _document.DocumentElement!;
        Assert.Equal("helpItems", root.LocalName);
        Assert.Equal("http://msh", root.NamespaceURI);
        Assert.Equal("maml", root.GetAttribute("schema"));
        Assert.Equal(["Get-EcsTask", "Set-EcsService", "Start-EcsTask"], Texts("/msh:helpItems/command:command/command:details/command:name"));
    }

    [Fact]
    public void Details_hold_name_verb_noun_and_synopsis_and_description_is_plain_paragraphs()
    {
        Assert.Equal("Start", Text(Command("Start-EcsTask") + "/command:details/command:verb"));
        Assert.Equal("EcsTask", Text(Command("Start-EcsTask") + "/command:details/command:noun"));
        Assert.Equal(["Starts tasks from a task definition."], Texts(Command("Start-EcsTask") + "/command:details/maml:description/maml:para"));
        Assert.Equal(
            [
                "The `Start-EcsTask` cmdlet runs one or more tasks from a task definition, on the default cluster unless you name one.",
                "It returns an EcsTask object for each task, see the ECS guide (https://docs.aws.amazon.com/ecs/).",
                "- With Wait, it waits until the tasks run.",
                "- Without it, it returns at once.",
            ],
            Texts(Command("Start-EcsTask") + "/maml:description/maml:para"));
    }

    [Fact]
    public void Syntax_has_one_item_per_parameter_set_with_the_parameters_of_that_set()
    {
        string syntax = Command("Start-EcsTask") + "/command:syntax/command:syntaxItem";
        Assert.Equal(2, Nodes(syntax).Count);
        Assert.Equal(["Start-EcsTask", "Start-EcsTask"], Texts(syntax + "/maml:name"));
        Assert.Equal(["TaskDefinition", "Cluster", "Count", "Wait"], Texts(syntax + "[1]/command:parameter/maml:name"));
        Assert.Equal(
            ["TaskDefinition", "Cluster", "Count", "LaunchType", "SecurityGroup", "Subnet", "Wait"],
            Texts(syntax + "[2]/command:parameter/maml:name"));

        XmlElement launchType = Element(syntax + "[2]/command:parameter[maml:name='LaunchType']");
        Assert.Equal("true", launchType.GetAttribute("required"));
        Assert.Equal("named", launchType.GetAttribute("position"));
        Assert.Equal("False", launchType.GetAttribute("pipelineInput"));
        Assert.Equal("false", launchType.GetAttribute("globbing"));
        Assert.Equal(["EC2", "FARGATE", "EXTERNAL"], Texts(launchType, "command:parameterValueGroup/command:parameterValue"));
        Assert.Equal("String", Text(launchType, "command:parameterValue"));

        XmlElement taskDefinition = Element(syntax + "[1]/command:parameter[maml:name='TaskDefinition']");
        Assert.Equal("0", taskDefinition.GetAttribute("position"));
        Assert.Equal("True (ByValue, ByPropertyName)", taskDefinition.GetAttribute("pipelineInput"));
        Assert.Equal("Family", taskDefinition.GetAttribute("aliases"));

        // Like platyPS: in the syntax a switch has no value.
        XmlElement wait = Element(syntax + "[1]/command:parameter[maml:name='Wait']");
        Assert.Null(wait.SelectSingleNode("command:parameterValue", _ns));
        Assert.Equal("SwitchParameter", Text(wait, "dev:type/maml:name"));
    }

    [Fact]
    public void Syntax_uses_the_metadata_of_each_set()
    {
        string syntax = Command("Set-EcsService") + "/command:syntax/command:syntaxItem";
        Assert.Equal("true", Element(syntax + "[1]/command:parameter[maml:name='Cluster']").GetAttribute("required"));
        Assert.Equal("false", Element(syntax + "[2]/command:parameter[maml:name='Cluster']").GetAttribute("required"));
        Assert.Equal("the service's cluster", Text(syntax + "[2]/command:parameter[maml:name='Cluster']/dev:defaultValue"));
        Assert.Equal(["Name", "Cluster", "DesiredCount", "Force"], Texts(syntax + "[1]/command:parameter/maml:name"));
    }

    [Fact]
    public void Parameters_section_has_every_parameter_with_its_metadata()
    {
        string parameters = Command("Start-EcsTask") + "/command:parameters/command:parameter";
        Assert.Equal(["Cluster", "Count", "LaunchType", "SecurityGroup", "Subnet", "TaskDefinition", "Wait"], Texts(parameters + "/maml:name"));

        XmlElement cluster = Element(parameters + "[maml:name='Cluster']");
        Assert.Equal("false", cluster.GetAttribute("required"));
        Assert.Equal("true", cluster.GetAttribute("variableLength"));
        Assert.Equal("false", cluster.GetAttribute("globbing"));
        Assert.Equal("True (ByPropertyName)", cluster.GetAttribute("pipelineInput"));
        Assert.Equal("named", cluster.GetAttribute("position"));
        Assert.Equal("ClusterArn, ClusterName", cluster.GetAttribute("aliases"));
        Assert.Equal(["The cluster to run the tasks on: its name or ARN. The default cluster when omitted."], Texts(cluster, "maml:description/maml:para"));
        XmlElement value = (XmlElement)cluster.SelectSingleNode("command:parameterValue", _ns)!;
        Assert.Equal("true", value.GetAttribute("required"));
        Assert.Equal("false", value.GetAttribute("variableLength"));
        Assert.Equal("String", value.InnerText);
        Assert.Equal("String", Text(cluster, "dev:type/maml:name"));
        Assert.Equal("default", Text(cluster, "dev:defaultValue"));

        Assert.Equal("none", Element(parameters + "[maml:name='Count']").GetAttribute("aliases"));
        Assert.Equal("None", Text(parameters + "[maml:name='Subnet']/dev:defaultValue"));
        Assert.Empty(Nodes(parameters + "/command:parameterValueGroup"));

        XmlElement wait = Element(parameters + "[maml:name='Wait']");
        Assert.Equal("false", ((XmlElement)wait.SelectSingleNode("command:parameterValue", _ns)!).GetAttribute("required"));
        Assert.Equal("False", Text(wait, "dev:defaultValue"));

        Assert.Equal("true", Element(Command("Get-EcsTask") + "/command:parameters/command:parameter[maml:name='Cluster']").GetAttribute("globbing"));
    }

    [Fact]
    public void Inputs_outputs_notes_examples_and_links()
    {
        string start = Command("Start-EcsTask");
        Assert.Equal("System.String", Text(start + "/command:inputTypes/command:inputType/dev:type/maml:name"));
        Assert.Equal("You can pipe a task definition name to this cmdlet.", Text(start + "/command:inputTypes/command:inputType/maml:description/maml:para"));
        Assert.Equal("EcsTools.EcsTask", Text(start + "/command:returnValues/command:returnValue/dev:type/maml:name"));
        Assert.Equal(["Tasks started on Fargate need a subnet."], Texts(start + "/maml:alertSet/maml:alert/maml:para"));

        string examples = start + "/command:examples/command:example";
        // platyPS centres titles in dashes to 64 columns.
        Assert.Equal(
            [
                new string('-', 14) + " Example 1: Start a task on Fargate " + new string('-', 14),
                new string('-', 12) + " Example 2: Start three tasks and wait " + new string('-', 12),
            ],
            Texts(examples + "/maml:title"));
        Assert.Equal("PS> Start-EcsTask web -LaunchType FARGATE -Subnet subnet-1 -SecurityGroup sg-1", Text(examples + "[1]/dev:code"));
        Assert.StartsWith("PS> Start-EcsTask web:7 -Cluster prod -Count 3 -Wait\n\nTaskArn", Text(examples + "[2]/dev:code"), StringComparison.Ordinal);
        Assert.Equal(
            ["This example starts three tasks on the cluster named prod.", "The command returns when the three tasks are running."],
            Texts(examples + "[2]/dev:remarks/maml:para"));

        string links = start + "/command:relatedLinks/maml:navigationLink";
        Assert.Equal(["Online Version:", "Get-EcsTask", "Amazon ECS RunTask"], Texts(links + "/maml:linkText"));
        Assert.Equal(
            ["https://example.com/EcsTools/Start-EcsTask", string.Empty, "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RunTask.html"],
            Texts(links + "/maml:uri"));
    }

    [Fact]
    public void Special_characters_are_escaped_and_survive_a_round_trip()
    {
        string text = MamlWriter.WriteString(s_pages);

        Assert.Contains("&gt;= 0 &amp; &lt;= 1000", text, StringComparison.Ordinal);
        Assert.Equal(
            "How many tasks to keep running: >= 0 & <= 1000.",
            Text(Command("Set-EcsService") + "/command:parameters/command:parameter[maml:name='DesiredCount']/maml:description/maml:para"));
    }

    [Fact]
    public void WriteFile_writes_utf8_without_bom_that_XmlDocument_loads()
    {
        string dir = HelpFixtures.NewScratch();
        try
        {
            string path = Path.Combine(dir, "en-US", "EcsTools.dll-Help.xml");
            MamlWriter.WriteFile(path, s_pages);

            byte[] bytes = File.ReadAllBytes(path);
            Assert.NotEqual(0xEF, bytes[0]);
            string text = Encoding.UTF8.GetString(bytes);
            Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<helpItems schema=\"maml\" xmlns=\"http://msh\">", text, StringComparison.Ordinal);
            var document = new XmlDocument();
            document.Load(path);
            Assert.Equal(3, document.SelectNodes("/msh:helpItems/command:command", HelpFixtures.MamlNamespaces(document))!.Count);
        }
        finally
        {
            HelpFixtures.DeleteScratch(dir);
        }
    }

    [Fact]
    public void No_pages_give_an_empty_helpItems()
    {
        var document = new XmlDocument();
        document.LoadXml(MamlWriter.WriteString([]));

        Assert.Equal("helpItems", document.DocumentElement!.LocalName);
        Assert.False(document.DocumentElement.HasChildNodes);
    }

    private static string Command(string name) => $"/msh:helpItems/command:command[command:details/command:name='{name}']";

    private XmlNodeList Nodes(string xpath) => _document.SelectNodes(xpath, _ns)!;

    private XmlElement Element(string xpath) =>
        Assert.IsType<XmlElement>(_document.SelectSingleNode(xpath, _ns), exactMatch: false);

    private string Text(string xpath) => Element(xpath).InnerText;

    private string Text(XmlNode node, string xpath) => Assert.IsType<XmlElement>(node.SelectSingleNode(xpath, _ns), exactMatch: false).InnerText;

    private string[] Texts(string xpath) => Nodes(xpath).Cast<XmlNode>().Select(n => n.InnerText).ToArray();

    private string[] Texts(XmlNode node, string xpath) => node.SelectNodes(xpath, _ns)!.Cast<XmlNode>().Select(n => n.InnerText).ToArray();
}
