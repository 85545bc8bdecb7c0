using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using EcsTools.Tests.Host;
using Xunit;

namespace EcsTools.Tests.Help;

/// <summary>
/// What the prose says about the module holds: about_EcsTools lists every exported cmdlet (in its list of cmdlets and in
/// SEE ALSO), and no page or the README says that plain Format-List shows every property unless the list view does.
/// </summary>
[Collection(DocsCollection.Name)]
public sealed class DocsClaimsTests
{
    private static readonly Regex s_everyProperty = new(
        @"`Format-List` shows (every property|everything|all the properties|the rest)", RegexOptions.CultureInvariant);

    private readonly DocsModule _module;

    public DocsClaimsTests(DocsModule module) => _module = module;

    [Fact]
    public void About_EcsTools_lists_every_exported_cmdlet_and_names_each_in_SEE_ALSO()
    {
        var text = File.ReadAllText(Path.Combine(DocsModule.DocsDirectory, "about_EcsTools.md"));
        var longDescription = Section(text, "# LONG DESCRIPTION\n", "\n## ");
        var seeAlso = Section(text, "# SEE ALSO\n", "\n# ");
        var problems = new List<string>();
        foreach (var name in _module.Module.ExportedCmdlets.Keys.Order(StringComparer.Ordinal))
        {
            if (!longDescription.Contains($"`{name}`", StringComparison.Ordinal))
            {
                problems.Add($"{name} is not in about_EcsTools's list of cmdlets (LONG DESCRIPTION)");
            }

            if (!Regex.IsMatch(seeAlso, $@"\b{Regex.Escape(name)}\b"))
            {
                problems.Add($"{name} is not in about_EcsTools's SEE ALSO");
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void No_page_says_Format_List_shows_every_property_unless_the_list_view_does()
    {
        var listed = ListViewProperties("EcsTools.EcsTask");
        var taskType = _module.Module.ImplementingAssembly?.GetType("EcsTools.EcsTask", throwOnError: true)
            ?? AppDomain.CurrentDomain.GetAssemblies().First(a => a.GetName().Name == "EcsTools").GetType("EcsTools.EcsTask", throwOnError: true)!;
        var missing = taskType.GetProperties().Select(p => p.Name).Where(p => !listed.Contains(p)).ToList();
        Assert.NotEmpty(listed);
        if (missing.Count == 0)
        {
            return;
        }

        var files = Directory.GetFiles(DocsModule.DocsDirectory, "*.md").Append(Path.Combine(TestPaths.RepoRoot, "README.md"));
        var claims = files
            .SelectMany(f => File.ReadAllLines(f).Select((line, i) => (File: Path.GetFileName(f), Line: i + 1, Text: line)))
            .Where(l => s_everyProperty.IsMatch(l.Text))
            .Select(l => $"{l.File}:{l.Line}: {l.Text.Trim()}")
            .ToList();
        Assert.True(
            claims.Count == 0,
            $"The EcsTask list view leaves out {string.Join(", ", missing)}, but these lines say Format-List shows them all "
            + "(Format-List * does):" + Environment.NewLine + string.Join(Environment.NewLine, claims));
    }

    private static string Section(string text, string start, string end)
    {
        text = text.ReplaceLineEndings("\n");
        var from = text.IndexOf(start, StringComparison.Ordinal);
        Assert.True(from >= 0, $"about_EcsTools.md has no '{start.Trim()}'");
        from += start.Length;
        var to = text.IndexOf(end, from, StringComparison.Ordinal);
        return to < 0 ? text[from..] : text[from..to];
    }

    private static HashSet<string> ListViewProperties(string typeName)
    {
        var document = XDocument.Load(Path.Combine(TestPaths.RepoRoot, "src", "EcsTools", "EcsTools.Format.ps1xml"));
        var view = document.Descendants("View").Single(v =>
            v.Element("ViewSelectedBy")?.Element("TypeName")?.Value == typeName && v.Element("ListControl") is not null);
        return view.Descendants("ListItem")
            .Select(i => i.Element("PropertyName")?.Value ?? i.Element("Label")?.Value)
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);
    }
}
