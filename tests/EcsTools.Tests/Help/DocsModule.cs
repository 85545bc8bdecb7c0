using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using EcsTools.Tests.Host;
using Xunit;

namespace EcsTools.Tests.Help;

/// <summary>
/// The built module (out/EcsTools) imported in one runspace, its cmdlets' metadata, and docs/: what the docs tests
/// compare. Shared by the tests of the "Docs" collection, which run one after the other.
/// </summary>
public sealed class DocsModule : IDisposable
{
    /// <summary>The page whose descriptions of the shared parameters (declared on EcsCmdlet) every page repeats.</summary>
    public const string CanonicalPage = "Start-EcsTask";

    private readonly Dictionary<string, DocsCommandMetadata> _commands;

    public DocsModule()
    {
        Session = PsSession.Create();
        Module = (PSModuleInfo)Session.Run("Get-Module EcsTools").EnsureSuccess().Output.Single().BaseObject;
        _commands = Session.Run("Get-Command -Module EcsTools -CommandType Cmdlet").EnsureSuccess().Output
            .Select(o => DocsCommandMetadata.From((CmdletInfo)o.BaseObject))
            .ToDictionary(c => c.Name, StringComparer.OrdinalIgnoreCase);
    }

    public static string DocsDirectory { get; } = Path.Combine(TestPaths.RepoRoot, "docs");

    public PsSession Session { get; }

    public PSModuleInfo Module { get; }

    /// <summary>The exported cmdlets, by name.</summary>
    internal IReadOnlyDictionary<string, DocsCommandMetadata> Commands => _commands;

    public IEnumerable<string> CommandNames => _commands.Keys.Order(StringComparer.OrdinalIgnoreCase);

    public static string PagePath(string name) => Path.Combine(DocsDirectory, name + ".md");

    public static string? ReadPage(string name) => File.Exists(PagePath(name)) ? File.ReadAllText(PagePath(name)) : null;

    /// <summary>The page of a cmdlet as the updater writes it from the page as it is and the cmdlet's metadata.</summary>
    public string ExpectedPage(string name)
    {
        var command = _commands[name];
        var shared = SharedDescriptions();
        return DocsPageWriter.Write(DocsPageText.Parse(ReadPage(name)), command, (parameter, written) =>
            parameter.IsShared && shared.TryGetValue(parameter.Name, out var canonical) ? canonical
            : written ? null
            : DocsSourceSummaries.For(command.Command.ImplementingType, parameter.Name));
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

    public void Dispose() => Session.Dispose();
}
