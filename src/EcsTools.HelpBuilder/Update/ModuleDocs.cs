using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;

namespace EcsTools.HelpBuilder.Update;

/// <summary>
/// The built module's cmdlets as Get-Command reports them (the metadata platyPS reads) and the pages of docs/: the
/// pages as the updater writes them. The drift tests compare these with docs/; <see cref="DocsUpdate"/> writes them.
/// </summary>
public sealed class ModuleDocs
{
    /// <summary>The page whose descriptions of the shared parameters (declared on EcsCmdlet) every page repeats.</summary>
    public const string CanonicalPage = "Start-EcsTask";

    private readonly Dictionary<string, DocsCommandMetadata> _commands;
    private readonly DocsXmlComments _comments;

    /// <param name="docsDirectory">The folder of the pages (docs/).</param>
    /// <param name="module">The imported module (Get-Module).</param>
    /// <param name="cmdlets">Its cmdlets (Get-Command -Module ... -CommandType Cmdlet).</param>
    /// <param name="comments">The module's XML documentation, for the first description of a new parameter.</param>
    public ModuleDocs(string docsDirectory, PSModuleInfo module, IEnumerable<CmdletInfo> cmdlets, DocsXmlComments comments)
    {
        ArgumentNullException.ThrowIfNull(docsDirectory);
        ArgumentNullException.ThrowIfNull(cmdlets);
        DocsDirectory = docsDirectory;
        Module = module ?? throw new ArgumentNullException(nameof(module));
        _comments = comments ?? throw new ArgumentNullException(nameof(comments));
        _commands = cmdlets.Select(DocsCommandMetadata.From).ToDictionary(c => c.Name, StringComparer.OrdinalIgnoreCase);
    }

    public string DocsDirectory { get; }

    public PSModuleInfo Module { get; }

    /// <summary>The exported cmdlets, by name.</summary>
    public IReadOnlyDictionary<string, DocsCommandMetadata> Commands => _commands;

    public IEnumerable<string> CommandNames => _commands.Keys.Order(StringComparer.OrdinalIgnoreCase);

    /// <summary>The pages in the order the updater writes them: the canonical page first (the others copy its descriptions of the shared parameters), the module page last (it lists the pages' synopses).</summary>
    public IEnumerable<string> PageNames =>
        CommandNames.OrderBy(n => n.Equals(CanonicalPage, StringComparison.OrdinalIgnoreCase) ? 0 : 1).Append(DocsPageWriter.ModuleName);

    public string PagePath(string name) => Path.Combine(DocsDirectory, name + ".md");

    public string? ReadPage(string name) => File.Exists(PagePath(name)) ? File.ReadAllText(PagePath(name)) : null;

    /// <summary>A page (a cmdlet's or the module page) as the updater writes it from the page as it is and the module's metadata.</summary>
    public string ExpectedPageOrModulePage(string name) =>
        name.Equals(DocsPageWriter.ModuleName, StringComparison.Ordinal) ? ExpectedModulePage() : ExpectedPage(name);

    /// <summary>The page of a cmdlet as the updater writes it from the page as it is and the cmdlet's metadata.</summary>
    public string ExpectedPage(string name)
    {
        var command = _commands[name];
        var shared = SharedDescriptions();
        return DocsPageWriter.Write(DocsPageText.Parse(ReadPage(name)), command, (parameter, written) =>
            parameter.IsShared && shared.TryGetValue(parameter.Name, out var canonical) ? canonical
            : written ? null
            : _comments.For(command.Command.ImplementingType, parameter.Name));
    }

    /// <summary>The module page as the updater writes it: its cmdlet list follows the pages' synopses.</summary>
    public string ExpectedModulePage() =>
        DocsModulePageWriter.Write(
            DocsPageText.Parse(ReadPage(DocsPageWriter.ModuleName)),
            Module.Guid,
            Module.Version.ToString(),
            Module.ProjectUri?.ToString() ?? "https://github.com/ecstools/EcsTools",
            CommandNames.Select(n => (n, DocsPageText.Parse(ReadPage(n)))));

    /// <summary>The descriptions of the shared parameters on the canonical page, by parameter name.</summary>
    public IReadOnlyDictionary<string, string> SharedDescriptions()
    {
        var page = DocsPageText.Parse(ReadPage(CanonicalPage));
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var parameter in _commands[CanonicalPage].Parameters.Where(p => p.IsShared))
        {
            if (page.Parameters.TryGetValue(parameter.Name, out var entry) && entry.Description.Count > 0
                && !string.Join("\n", entry.Description).Contains("{{", StringComparison.Ordinal))
            {
                result[parameter.Name] = string.Join("\n", entry.Description.Select(l => l.TrimEnd()));
            }
        }

        return result;
    }

    /// <summary>The lines where two texts first differ, for a message.</summary>
    public static string FirstDifference(string actual, string expected)
    {
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentNullException.ThrowIfNull(expected);
        var a = actual.Split('\n');
        var e = expected.Split('\n');
        var i = 0;
        while (i < a.Length && i < e.Length && a[i] == e[i])
        {
            i++;
        }

        return $"line {i + 1} is{Environment.NewLine}      '{(i < a.Length ? a[i] : "(end of file)")}'{Environment.NewLine}"
            + $"    the updater writes{Environment.NewLine}      '{(i < e.Length ? e[i] : "(end of file)")}'";
    }
}
