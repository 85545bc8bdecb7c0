using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using EcsTools.HelpBuilder.Update;
using EcsTools.Tests.Host;

namespace EcsTools.Tests.Help;

/// <summary>
/// The built module (out/EcsTools) imported in one runspace, its cmdlets' metadata, and docs/ as the help tool's
/// update mode would write it (<see cref="ModuleDocs"/>): what the docs tests compare. Shared by the tests of the
/// "Docs" collection, which run one after the other.
/// </summary>
public sealed class DocsModule : IDisposable
{
    /// <summary>The page whose descriptions of the shared parameters (declared on EcsCmdlet) every page repeats.</summary>
    public const string CanonicalPage = ModuleDocs.CanonicalPage;

    public DocsModule()
    {
        Session = PsSession.Create();
        Docs = new ModuleDocs(
            DocsDirectory,
            (PSModuleInfo)Session.Run("Get-Module EcsTools").EnsureSuccess().Output.Single().BaseObject,
            Session.Run("Get-Command -Module EcsTools -CommandType Cmdlet").EnsureSuccess().Output.Select(o => (CmdletInfo)o.BaseObject),
            DocsXmlComments.None);
    }

    public static string DocsDirectory { get; } = Path.Combine(TestPaths.RepoRoot, "docs");

    public PsSession Session { get; }

    /// <summary>docs/ and the module's metadata, as the help tool reads them.</summary>
    public ModuleDocs Docs { get; }

    public PSModuleInfo Module => Docs.Module;

    /// <summary>The exported cmdlets, by name.</summary>
    public IReadOnlyDictionary<string, DocsCommandMetadata> Commands => Docs.Commands;

    public IEnumerable<string> CommandNames => Docs.CommandNames;

    public static string PagePath(string name) => Path.Combine(DocsDirectory, name + ".md");

    public static string? ReadPage(string name) => File.Exists(PagePath(name)) ? File.ReadAllText(PagePath(name)) : null;

    /// <summary>The descriptions of the shared parameters on the canonical page, by parameter name.</summary>
    public IReadOnlyDictionary<string, string> SharedDescriptions() => Docs.SharedDescriptions();

    public void Dispose() => Session.Dispose();
}
