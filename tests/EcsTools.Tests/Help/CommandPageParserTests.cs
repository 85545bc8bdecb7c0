using System;
using System.IO;
using System.Linq;
using EcsTools.HelpBuilder;
using Xunit;

namespace EcsTools.Tests.Help;

public sealed class CommandPageParserTests
{
    private static CommandHelpPage Start() => MarkdownHelpParser.ParseFile(HelpFixtures.Valid("Start-EcsTask.md"));

    [Fact]
    public void Reads_front_matter_name_and_synopsis()
    {
        CommandHelpPage page = Start();

        Assert.Equal(HelpFixtures.Valid("Start-EcsTask.md"), page.FilePath);
        Assert.Equal("Start-EcsTask", page.Name);
        Assert.Equal(8, page.NameLine);
        Assert.Equal("Start", page.Verb);
        Assert.Equal("EcsTask", page.Noun);
        Assert.Equal("EcsTools.dll-Help.xml", page.ExternalHelpFile);
        Assert.Equal("EcsTools", page.ModuleName);
        Assert.Equal("https://example.com/EcsTools/Start-EcsTask", page.OnlineVersion);
        Assert.Equal("2.0.0", page.Metadata["schema"]);
        Assert.Equal("Starts tasks from a task definition.", page.Synopsis);
    }

    [Fact]
    public void Description_becomes_plain_paragraphs_as_platyPS_flattens_them()
    {
        CommandHelpPage page = Start();

        Assert.Equal(
            [
                "The `Start-EcsTask` cmdlet runs one or more tasks from a task definition, on the default cluster unless you name one.",
                "It returns an EcsTask object for each task, see the ECS guide (https://docs.aws.amazon.com/ecs/).",
                "- With Wait, it waits until the tasks run.",
                "- Without it, it returns at once.",
            ],
            page.DescriptionParagraphs);
        Assert.StartsWith("The `Start-EcsTask` cmdlet", page.Description, StringComparison.Ordinal);
        Assert.Contains("\n\n- With Wait", page.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Syntax_blocks_carry_set_name_default_flag_and_the_joined_line()
    {
        CommandHelpPage page = Start();

        Assert.Equal(["ClusterDefault", "LaunchType"], page.Syntax.Select(s => s.ParameterSetName));
        Assert.True(page.Syntax[0].IsDefault);
        Assert.False(page.Syntax[1].IsDefault);
        Assert.Same(page.Syntax[0], page.DefaultSyntax);
        Assert.Equal(
            "Start-EcsTask [-TaskDefinition] <String> [-Cluster <String>] [-Count <Int32>] -LaunchType <String> -Subnet <String[]> [-SecurityGroup <String[]>] [-Wait] [<CommonParameters>]",
            page.Syntax[1].Text);
        Assert.Equal(["TaskDefinition", "Cluster", "Count", "LaunchType", "Subnet", "SecurityGroup", "Wait"], page.Syntax[1].ParameterNames);
        Assert.True(page.Syntax[1].HasCommonParameters);
        Assert.Equal(20, page.Syntax[1].Line);
    }

    [Fact]
    public void A_single_syntax_without_heading_is_the_default_All_set()
    {
        CommandHelpPage page = MarkdownHelpParser.ParseFile(HelpFixtures.Valid("Get-EcsTask.md"));

        SyntaxBlock syntax = Assert.Single(page.Syntax);
        Assert.Equal(ParameterSetHelp.AllParameterSets, syntax.ParameterSetName);
        Assert.True(syntax.IsDefault);
        Assert.Null(page.OnlineVersion);
        Assert.Equal(["Cluster", "Status"], page.ParametersInSet(syntax.ParameterSetName).Select(p => p.Name));
    }

    [Fact]
    public void Examples_keep_title_introduction_code_blocks_and_remarks()
    {
        CommandHelpPage page = Start();

        Assert.Equal(2, page.Examples.Count);
        CommandExample first = page.Examples[0];
        Assert.Equal("Example 1: Start a task on Fargate", first.Title);
        Assert.Empty(first.IntroductionParagraphs);
        Assert.Equal("PS> Start-EcsTask web -LaunchType FARGATE -Subnet subnet-1 -SecurityGroup sg-1", first.Code);
        Assert.Equal("Starts one task of the latest revision of `web` on Fargate.", first.Remarks);

        CommandExample second = page.Examples[1];
        Assert.Equal(["This example starts three tasks on the cluster named prod."], second.IntroductionParagraphs);
        Assert.Equal(["powershell", "Output"], second.CodeBlocks.Select(c => c.Language));
        Assert.StartsWith("PS> Start-EcsTask web:7 -Cluster prod -Count 3 -Wait\n\nTaskArn", second.Code, StringComparison.Ordinal);
        Assert.Equal("The command returns when the three tasks are running.", second.Remarks);
    }

    [Fact]
    public void Parameters_carry_their_yaml_metadata()
    {
        CommandHelpPage page = Start();

        Assert.Equal(["Cluster", "Count", "LaunchType", "SecurityGroup", "Subnet", "TaskDefinition", "Wait"], page.Parameters.Select(p => p.Name));
        Assert.True(page.SupportsCommonParameters);

        ParameterHelp cluster = page.FindParameter("-cluster")!;
        Assert.Equal("String", cluster.Type);
        Assert.Equal(["ClusterArn", "ClusterName"], cluster.Aliases);
        Assert.Equal([ParameterSetHelp.AllParameterSets], cluster.ParameterSets);
        Assert.True(cluster.IsInAllParameterSets);
        Assert.False(cluster.Required);
        Assert.Equal("Named", cluster.Position);
        Assert.Equal("default", cluster.DefaultValue);
        Assert.Equal("True (ByPropertyName)", cluster.AcceptPipelineInput.Text);
        Assert.False(cluster.AcceptPipelineInput.ByValue);
        Assert.True(cluster.AcceptPipelineInput.ByPropertyName);
        Assert.False(cluster.AcceptWildcardCharacters);
        Assert.Equal("The cluster to run the tasks on: its name or ARN. The default cluster when omitted.", cluster.Description);

        ParameterHelp taskDefinition = page.FindParameter("TaskDefinition")!;
        Assert.Equal("0", taskDefinition.Position);
        Assert.Equal(0, taskDefinition.Metadata[0].PositionNumber);
        Assert.True(taskDefinition.Required);
        Assert.True(taskDefinition.AcceptPipelineInput.ByValue);
        Assert.True(taskDefinition.AcceptPipelineInput.ByPropertyName);
        Assert.Null(taskDefinition.DefaultValue);

        ParameterHelp launchType = page.FindParameter("LaunchType")!;
        Assert.Equal(["LaunchType"], launchType.ParameterSets);
        Assert.Equal(["EC2", "FARGATE", "EXTERNAL"], launchType.AcceptedValues);
        Assert.True(launchType.IsRequiredIn("LaunchType"));
        Assert.Null(launchType.IsRequiredIn("ClusterDefault"));
        Assert.Empty(launchType.Aliases);

        ParameterHelp wait = page.FindParameter("Wait")!;
        Assert.True(wait.IsSwitch);
        Assert.False(wait.AcceptPipelineInput.Accepts);
    }

    [Fact]
    public void ParametersInSet_orders_positional_first_then_page_order()
    {
        CommandHelpPage page = Start();

        Assert.Equal(["TaskDefinition", "Cluster", "Count", "Wait"], page.ParametersInSet("ClusterDefault").Select(p => p.Name));
        Assert.Equal(
            ["TaskDefinition", "Cluster", "Count", "LaunchType", "SecurityGroup", "Subnet", "Wait"],
            page.ParametersInSet("LaunchType").Select(p => p.Name));
    }

    [Fact]
    public void A_parameter_with_a_yaml_block_per_set_is_required_per_set()
    {
        CommandHelpPage page = MarkdownHelpParser.ParseFile(HelpFixtures.Page("Set-EcsService.md"));

        ParameterHelp cluster = page.FindParameter("Cluster")!;
        Assert.Equal(2, cluster.Metadata.Count);
        Assert.Equal(["ByName", "ByInputObject"], cluster.ParameterSets);
        Assert.True(cluster.IsRequiredIn("ByName"));
        Assert.False(cluster.IsRequiredIn("ByInputObject"));
        Assert.Null(cluster.MetadataFor("ByName")!.DefaultValue);
        Assert.Equal("the service's cluster", cluster.MetadataFor("ByInputObject")!.DefaultValue);
        Assert.True(cluster.Required);

        Assert.False(page.SupportsCommonParameters);
        Assert.False(page.Syntax[0].HasCommonParameters);
        ParameterHelp count = page.FindParameter("DesiredCount")!;
        Assert.True(count.AcceptPipelineInput.ByValue);
        Assert.True(count.AcceptPipelineInput.ByPropertyName);
        Assert.Equal("True (ByPropertyName, ByValue)", count.AcceptPipelineInput.Text);
        Assert.Equal("How many tasks to keep running: >= 0 & <= 1000.", count.Description);
        Assert.Equal(["Name", "Cluster", "DesiredCount", "Force"], page.ParametersInSet("ByName").Select(p => p.Name));
        Assert.Equal(["InputObject", "Cluster", "DesiredCount", "Force"], page.ParametersInSet("ByInputObject").Select(p => p.Name));
        Assert.Empty(page.RelatedLinks);
    }

    [Fact]
    public void Inputs_outputs_notes_and_related_links()
    {
        CommandHelpPage page = Start();

        TypeHelp input = Assert.Single(page.Inputs);
        Assert.Equal("System.String", input.TypeName);
        Assert.Equal("You can pipe a task definition name to this cmdlet.", input.Description);
        Assert.Equal("EcsTools.EcsTask", Assert.Single(page.Outputs).TypeName);
        Assert.Equal("Tasks started on Fargate need a subnet.", page.Notes);
        Assert.Equal(
            [
                new RelatedLink("Get-EcsTask", "Get-EcsTask.md"),
                new RelatedLink("Amazon ECS RunTask", "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RunTask.html"),
            ],
            page.RelatedLinks);
        Assert.False(page.RelatedLinks[0].IsAbsolute);
        Assert.True(page.RelatedLinks[1].IsAbsolute);

        CommandHelpPage get = MarkdownHelpParser.ParseFile(HelpFixtures.Valid("Get-EcsTask.md"));
        Assert.Equal("None", Assert.Single(get.Inputs).TypeName);
        Assert.Empty(get.Inputs[0].DescriptionParagraphs);
        Assert.Empty(get.NotesParagraphs);
    }

    [Fact]
    public void Windows_line_endings_and_a_byte_order_mark_parse_the_same()
    {
        string path = HelpFixtures.Valid("Start-EcsTask.md");
        string text = File.ReadAllText(path);

        CommandHelpPage crlf = MarkdownHelpParser.ParseCommandPage("\uFEFF" + text.Replace("\n", "\r\n", StringComparison.Ordinal), "Start-EcsTask.md");
        CommandHelpPage lf = MarkdownHelpParser.ParseCommandPage(text, "Start-EcsTask.md");

        Assert.Equal("Start-EcsTask.md", crlf.FilePath);
        Assert.Equal(lf.DescriptionParagraphs, crlf.DescriptionParagraphs);
        Assert.Equal(lf.Syntax.Select(s => s.Text), crlf.Syntax.Select(s => s.Text));
        Assert.Equal(lf.Examples.Select(e => e.Code), crlf.Examples.Select(e => e.Code));
        Assert.Equal(lf.Parameters.Select(p => p.Line), crlf.Parameters.Select(p => p.Line));
    }

    [Fact]
    public void Braces_in_example_code_and_html_comments_in_text_are_not_placeholders()
    {
        string text = File.ReadAllText(HelpFixtures.Valid("Get-EcsTask.md"))
            .Replace("PS> Get-EcsTask prod", "PS> '{{0}}' -f (Get-EcsTask prod).Count", StringComparison.Ordinal)
            .Replace("Gets the running tasks of the cluster prod.", "Gets the running tasks <!-- of all --> of the cluster prod.\n\n<!-- A comment block. -->", StringComparison.Ordinal);

        CommandExample example = Assert.Single(MarkdownHelpParser.ParseCommandPage(text, "Get-EcsTask.md").Examples);

        Assert.Equal("PS> '{{0}}' -f (Get-EcsTask prod).Count", example.Code);
        Assert.Equal(["Gets the running tasks of the cluster prod."], example.RemarksParagraphs);
    }

    [Theory]
    [InlineData("False", false, false)]
    [InlineData("false", false, false)]
    [InlineData("True (ByValue)", true, false)]
    [InlineData("True (ByPropertyName)", false, true)]
    [InlineData("True (ByValue, ByPropertyName)", true, true)]
    [InlineData("True (ByPropertyName, ByValue)", true, true)]
    public void Pipeline_input_text_parses_into_flags(string text, bool byValue, bool byPropertyName)
    {
        Assert.True(PipelineInput.TryParse(text, out PipelineInput? input));
        Assert.Equal(text, input.Text);
        Assert.Equal(byValue, input.ByValue);
        Assert.Equal(byPropertyName, input.ByPropertyName);
    }

    [Theory]
    [InlineData("")]
    [InlineData("True")]
    [InlineData("Yes")]
    [InlineData("True (ByName)")]
    [InlineData("True (ByValue, ByValue)")]
    public void Other_pipeline_input_text_is_rejected(string text) =>
        Assert.False(PipelineInput.TryParse(text, out _));
}
