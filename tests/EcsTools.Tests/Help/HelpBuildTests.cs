using System;
using System.IO;
using System.Linq;
using EcsTools.HelpBuilder;
using Xunit;

namespace EcsTools.Tests.Help;

/// <summary>The build step over a whole docs folder: cross-page checks and what gets written.</summary>
public sealed class HelpBuildTests : IDisposable
{
    private readonly string _scratch = HelpFixtures.NewScratch(withValidDocs: true);

    private string Docs => Path.Combine(_scratch, "docs");

    private string Out => Path.Combine(_scratch, "out", "en-US");

    public void Dispose() => HelpFixtures.DeleteScratch(_scratch);

    [Fact]
    public void Valid_docs_write_the_maml_and_the_about_topic()
    {
        HelpBuildResult result = Run();

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Equal(["Get-EcsTask", "Start-EcsTask"], result.Commands.Select(c => c.Name));
        Assert.Equal("about_EcsTools", Assert.Single(result.AboutTopics).TopicName);
        Assert.Equal(2, result.ModulePage!.Cmdlets.Count);
        Assert.Equal(
            [Path.Combine(Out, "EcsTools.dll-Help.xml"), Path.Combine(Out, "about_EcsTools.help.txt")],
            result.WrittenFiles);
        Assert.Contains("<command:name>Start-EcsTask</command:name>", File.ReadAllText(Path.Combine(Out, "EcsTools.dll-Help.xml")), StringComparison.Ordinal);
        Assert.StartsWith("TOPIC\n    about_ecstools\n", File.ReadAllText(Path.Combine(Out, "about_EcsTools.help.txt")), StringComparison.Ordinal);
    }

    [Fact]
    public void The_topic_of_a_deleted_about_page_is_removed()
    {
        Directory.CreateDirectory(Out);
        string stale = Path.Combine(Out, "about_Removed.help.txt");
        File.WriteAllText(stale, "TOPIC\n");

        Assert.True(Run().Succeeded);

        Assert.False(File.Exists(stale));
        Assert.True(File.Exists(Path.Combine(Out, "about_EcsTools.help.txt")));
    }

    [Fact]
    public void A_malformed_page_is_reported_and_nothing_is_written()
    {
        File.Copy(HelpFixtures.Malformed("BadRequired"), Path.Combine(Docs, "Get-EcsTask.md"), overwrite: true);

        HelpBuildResult result = Run();

        HelpDiagnostic diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(Path.Combine(Docs, "Get-EcsTask.md"), diagnostic.FilePath);
        Assert.Equal(41, diagnostic.Line);
        Assert.Equal($"{diagnostic.FilePath}(41): error ECSHELP001: 'Required' must be True or False, not 'Maybe'.", diagnostic.ToString());
        Assert.Empty(result.WrittenFiles);
        Assert.False(Directory.Exists(Out));
    }

    [Fact]
    public void Every_cmdlet_page_must_be_listed_on_the_module_page()
    {
        string text = File.ReadAllText(HelpFixtures.Valid("Get-EcsTask.md")).Replace("Get-EcsTask", "Stop-EcsTask", StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(Docs, "Stop-EcsTask.md"), text);

        HelpDiagnostic diagnostic = Assert.Single(Run().Diagnostics);

        Assert.Equal(Path.Combine(Docs, "EcsTools.md"), diagnostic.FilePath);
        Assert.Equal(17, diagnostic.Line);
        Assert.Contains("Stop-EcsTask (Stop-EcsTask.md) is not listed under '## EcsTools Cmdlets'", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_listed_page_must_exist()
    {
        File.Delete(Path.Combine(Docs, "Get-EcsTask.md"));
        File.WriteAllText(Path.Combine(Docs, "Start-EcsTask.md"), File.ReadAllText(HelpFixtures.Valid("Start-EcsTask.md")).Replace("[Get-EcsTask](Get-EcsTask.md)", "[Start-EcsTask](Start-EcsTask.md)", StringComparison.Ordinal));

        HelpDiagnostic diagnostic = Assert.Single(Run().Diagnostics);

        Assert.Equal(Path.Combine(Docs, "EcsTools.md"), diagnostic.FilePath);
        Assert.Equal(14, diagnostic.Line);
        Assert.Equal("Get-EcsTask is listed but Get-EcsTask.md does not exist.", diagnostic.Message);
    }

    [Fact]
    public void Cmdlet_pages_must_name_the_help_file_the_module_and_their_own_file()
    {
        string text = File.ReadAllText(HelpFixtures.Valid("Get-EcsTask.md"))
            .Replace("external help file: EcsTools.dll-Help.xml", "external help file: Other.dll-Help.xml", StringComparison.Ordinal)
            .Replace("Module Name: EcsTools", "Module Name: Other", StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(Docs, "Get-EcsTask.md"), text);
        File.Move(Path.Combine(Docs, "Start-EcsTask.md"), Path.Combine(Docs, "start-ecstask.md"));

        string[] messages = Run().Diagnostics.Select(d => $"{Path.GetFileName(d.FilePath)}({d.Line}): {d.Message}").ToArray();

        Assert.Contains("Get-EcsTask.md(2): 'external help file' must be EcsTools.dll-Help.xml, not 'Other.dll-Help.xml'.", messages);
        Assert.Contains("Get-EcsTask.md(3): 'Module Name' must be EcsTools, not 'Other'.", messages);
        Assert.Contains("start-ecstask.md(8): The page of Start-EcsTask must be named Start-EcsTask.md.", messages);
    }

    [Fact]
    public void The_module_page_is_required_once_there_are_cmdlet_pages()
    {
        File.Delete(Path.Combine(Docs, "EcsTools.md"));

        HelpDiagnostic diagnostic = Assert.Single(Run().Diagnostics);

        Assert.Equal(Path.Combine(Docs, "EcsTools.md"), diagnostic.FilePath);
        Assert.Equal(0, diagnostic.Line);
        Assert.StartsWith($"{diagnostic.FilePath}: error ECSHELP001: The module page is missing", diagnostic.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_about_topic_must_be_named_after_its_file()
    {
        File.Move(Path.Combine(Docs, "about_EcsTools.md"), Path.Combine(Docs, "about_Other.md"));

        HelpDiagnostic diagnostic = Assert.Single(Run().Diagnostics);

        Assert.Equal(2, diagnostic.Line);
        Assert.Equal("The topic name 'about_EcsTools' must match the file name 'about_Other'.", diagnostic.Message);
    }

    [Fact]
    public void An_empty_or_missing_docs_folder_writes_an_empty_help_file()
    {
        HelpBuildResult result = HelpBuild.Run(new HelpBuildOptions
        {
            DocsDirectory = Path.Combine(_scratch, "no-docs"),
            OutputDirectory = Out,
            ModuleName = "EcsTools",
        });

        Assert.True(result.Succeeded);
        Assert.Equal([Path.Combine(Out, "EcsTools.dll-Help.xml")], result.WrittenFiles);
        Assert.Contains("<helpItems schema=\"maml\" xmlns=\"http://msh\" />", File.ReadAllText(result.WrittenFiles[0]), StringComparison.Ordinal);
    }

    [Fact]
    public void The_module_page_is_parsed()
    {
        ModuleHelpPage page = MarkdownHelpParser.ParseModuleFile(HelpFixtures.Valid("EcsTools.md"));

        Assert.Equal("EcsTools", page.ModuleName);
        Assert.Equal(Guid.Parse("3f0d2a51-6a1e-4c43-9f1e-5d8b2c7e9a10"), page.ModuleGuid);
        Assert.Equal("en-US", page.Metadata["Locale"]);
        Assert.Equal("{{ Update Download Link }}", page.Metadata["Download Help Link"]);
        Assert.Equal(["Manage Amazon ECS clusters, services and tasks from PowerShell."], page.DescriptionParagraphs);
        Assert.Equal(
            [
                new ModuleCmdletEntry("Get-EcsTask", "Get-EcsTask.md", "Gets the tasks of a cluster.", 14),
                new ModuleCmdletEntry("Start-EcsTask", "Start-EcsTask.md", "Starts tasks from a task definition.", 17),
            ],
            page.Cmdlets);
    }

    [Theory]
    [InlineData("Module Guid: 3f0d2a51-6a1e-4c43-9f1e-5d8b2c7e9a10", "Module Guid: not-a-guid", 3, "'Module Guid' is not a GUID")]
    [InlineData("Locale: en-US\n", "", 1, "lacks 'Locale:'")]
    [InlineData("# EcsTools Module", "# EcsTools", 9, "Expected the heading '# EcsTools Module'")]
    [InlineData("### [Get-EcsTask](Get-EcsTask.md)", "### Get-EcsTask", 14, "'### [Command-Name](Command-Name.md)'")]
    [InlineData("Manage Amazon ECS clusters, services and tasks from PowerShell.", "{{ Fill in the Description }}", 11, "placeholder")]
    [InlineData("## EcsTools Cmdlets", "## Commands", 13, "Unexpected heading 'Commands'")]
    public void A_malformed_module_page_throws_with_its_line(string find, string replace, int line, string reason)
    {
        string text = File.ReadAllText(HelpFixtures.Valid("EcsTools.md")).Replace(find, replace, StringComparison.Ordinal);

        HelpFormatException error = Assert.Throws<HelpFormatException>(() => MarkdownHelpParser.ParseModulePage(text, "EcsTools.md"));

        Assert.Equal(line, error.Line);
        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
    }

    private HelpBuildResult Run() => HelpBuild.Run(new HelpBuildOptions
    {
        DocsDirectory = Docs,
        OutputDirectory = Out,
        ModuleName = "EcsTools",
    });
}
