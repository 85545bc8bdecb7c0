using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Text.RegularExpressions;
using EcsTools.Tests.Host;
using Xunit;

namespace EcsTools.Tests.Module;

/// <summary>
/// The error ids are in one catalogue per assembly (src/EcsTools/Errors/ErrorIds.cs, src/EcsTools.Engine/ErrorIds.cs):
/// each id is its own name (ids are never renamed), each is used, no error id is written as a literal where errors are
/// made, and every id the docs pages list is one the module or the engine writes.
/// </summary>
public sealed partial class ErrorIdCatalogueTests
{
    public static TheoryData<string> Assemblies => new() { "EcsTools", "EcsTools.Engine" };

    [Theory]
    [MemberData(nameof(Assemblies))]
    public void Every_id_in_the_catalogue_is_its_own_name_and_is_used(string assembly)
    {
        var catalogue = Catalogue(assembly);
        Assert.NotEmpty(catalogue);
        var sources = Sources(assembly).Where(f => Path.GetFileName(f) != "ErrorIds.cs").Select(File.ReadAllText).ToList();

        foreach (var (name, value) in catalogue)
        {
            Assert.True(name == value, $"ErrorIds.{name} is \"{value}\": an id is its own name, and ids are never renamed.");
            Assert.True(sources.Any(s => Regex.IsMatch(s, $@"\bErrorIds\.{name}\b")), $"ErrorIds.{name} ({assembly}) is not used.");
        }
    }

    [Theory]
    [MemberData(nameof(Assemblies))]
    public void Errors_are_made_with_ids_from_the_catalogue_not_literals(string assembly)
    {
        var literals = Sources(assembly)
            .Where(f => Path.GetFileName(f) != "ErrorIds.cs")
            .SelectMany(f => LiteralId().Matches(File.ReadAllText(f)).Select(m => $"{Path.GetFileName(f)}: {m.Value}"))
            .ToList();

        Assert.True(literals.Count == 0, "Error ids written as literals (use ErrorIds): " + string.Join("; ", literals));
    }

    [Fact]
    public void Every_error_id_the_docs_list_is_in_a_catalogue()
    {
        var known = Catalogue("EcsTools").Select(c => c.Name).Concat(Catalogue("EcsTools.Engine").Select(c => c.Name)).ToHashSet();
        // Words of those paragraphs that are not ids: categories, PowerShell's own id, property and API names.
        var notIds = Enum.GetNames<ErrorCategory>()
            .Concat(["AmbiguousParameterSet", "PowerShell", "ErrorDetails", "RecommendedAction", "RunTask", "StartTask", "TaskArn", "TaskDefinition", "TaskDefinitionArn", "MiB"])
            .ToHashSet();
        var listed = new List<(string Page, string Id)>();
        foreach (var page in Directory.GetFiles(Path.Combine(TestPaths.RepoRoot, "docs"), "*.md"))
        {
            foreach (Match paragraph in DocsIdParagraph().Matches(File.ReadAllText(page)))
            {
                listed.AddRange(PascalCaseWord().Matches(paragraph.Value).Select(w => w.Value)
                    .Where(w => !notIds.Contains(w) && !w.EndsWith("Exception", StringComparison.Ordinal) && !w.Contains("Ecs", StringComparison.Ordinal))
                    .Select(w => (Path.GetFileName(page), w)));
            }
        }

        Assert.NotEmpty(listed);
        var unknown = listed.Where(l => !known.Contains(l.Id)).Select(l => $"{l.Page}: {l.Id}").Distinct().ToList();
        Assert.True(unknown.Count == 0, "Error ids in docs/ that no catalogue has: " + string.Join(", ", unknown));
    }

    private static List<(string Name, string Value)> Catalogue(string assembly)
    {
        var path = Directory.GetFiles(Path.Combine(TestPaths.RepoRoot, "src", assembly), "ErrorIds.cs", SearchOption.AllDirectories).Single();
        return CatalogueEntry().Matches(File.ReadAllText(path)).Select(m => (m.Groups[1].Value, m.Groups[2].Value)).ToList();
    }

    private static IEnumerable<string> Sources(string assembly) =>
        Directory.GetFiles(Path.Combine(TestPaths.RepoRoot, "src", assembly), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    [GeneratedRegex(@"public const string (\w+) = ""(\w+)"";")]
    private static partial Regex CatalogueEntry();

    /// <summary>A literal where an error is made: ("Id", ErrorCategory.X), new XxxException("Id", ...), ThrowInvalidArgument("Id".</summary>
    [GeneratedRegex(@"""[A-Z]\w+"",\s*ErrorCategory\.|new (?:InputValidationException|EcsInputException|WaitSettingsException)\(\s*""[A-Z]\w+"",|ThrowInvalidArgument\(\s*""|this\(""[A-Z]\w+"",")]
    private static partial Regex LiteralId();

    /// <summary>A docs paragraph that lists error ids ("Error ids ...", and about_EcsTools' list of "- `Id`, `Id`: ..." items).</summary>
    [GeneratedRegex(@"Error ids[^\n]*(?:\n(?!\n)[^\n]*)*|^- `[A-Z]\w+`[^\n]*", RegexOptions.Multiline)]
    private static partial Regex DocsIdParagraph();

    [GeneratedRegex(@"(?<![\w-])[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)+\b")]
    private static partial Regex PascalCaseWord();
}
