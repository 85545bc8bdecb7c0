using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Text;
using System.Threading.Tasks;
using EcsTools.HelpBuilder.Examples;

namespace EcsTools.HelpBuilder.Update;

/// <summary>
/// Rewrites docs/ from the built module, as platyPS's Update-MarkdownHelp -AlphabeticParamsOrder and
/// Update-MarkdownHelpModule -RefreshModulePage would, keeping the prose: SYNTAX and the PARAMETERS of every cmdlet
/// page (a new cmdlet gets a page with platyPS's placeholders), the module page's cmdlet list, then the Output block of
/// every example that shows something else when it runs (against LocalEcs, see <see cref="DocsExampleRunner"/>).
/// The drift tests check that docs/ is what this writes.
/// </summary>
public static class DocsUpdate
{
    /// <summary>The command that rewrites docs/, for the drift tests' messages.</summary>
    public const string Command = "dotnet pwsh ./build.ps1 Docs -UpdateDocs";

    /// <summary>Rewrites the pages; returns 0, or 1 when an example failed or could not be rewritten (each is reported).</summary>
    public static async Task<int> RunAsync(DocsUpdateOptions options, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(log);
        using (var runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2()))
        {
            runspace.Open();
            var docs = Load(runspace, options.DocsDirectory, options.ModuleManifest, DocsXmlComments.Load(options.XmlDocumentation));
            foreach (var name in docs.PageNames.Where(n => Selected(options, n)))
            {
                // Each page is read after the ones before it are written: the others copy the canonical page's shared
                // descriptions, the module page lists the pages' synopses.
                Write(docs.PagePath(name), docs.ExpectedPageOrModulePage(name), log);
            }
        }

        // Then the examples, on pages whose SYNTAX and PARAMETERS now parse; an Output block is written as the page
        // writer would write it (no trailing spaces, no blank lines at its ends), so the pages stay as written above.
        var failed = await UpdateExamplesAsync(options, log).ConfigureAwait(false);
        return failed ? 1 : 0;
    }

    /// <summary>Imports the module into <paramref name="runspace"/> and reads its cmdlets.</summary>
    public static ModuleDocs Load(Runspace runspace, string docsDirectory, string moduleManifest, DocsXmlComments comments)
    {
        ArgumentNullException.ThrowIfNull(runspace);
        using var ps = PowerShell.Create();
        ps.Runspace = runspace;
        var module = (PSModuleInfo)ps.AddCommand("Import-Module").AddParameter("Name", moduleManifest).AddParameter("PassThru")
            .AddParameter("ErrorAction", ActionPreference.Stop).Invoke().Single().BaseObject;
        ps.Commands.Clear();
        var cmdlets = ps.AddCommand("Get-Command").AddParameter("Module", module.Name).AddParameter("CommandType", CommandTypes.Cmdlet)
            .Invoke().Select(o => (CmdletInfo)o.BaseObject).ToList();
        return new ModuleDocs(docsDirectory, module, cmdlets, comments);
    }

    private static async Task<bool> UpdateExamplesAsync(DocsUpdateOptions options, TextWriter log)
    {
        var failed = false;
        await using var runner = await DocsExampleRunner.StartAsync(options.ModuleManifest).ConfigureAwait(false);
        foreach (var page in DocsExample.CommandPages(options.DocsDirectory).Where(p => Selected(options, p)))
        {
            var path = Path.Combine(options.DocsDirectory, page + ".md");
            CommandHelpPage help;
            try
            {
                help = MarkdownHelpParser.ParseFile(path);
            }
            catch (HelpFormatException e)
            {
                log.WriteLine(e.ToDiagnostic().ToString());
                failed = true;
                continue;
            }

            // Bottom up, so that a rewritten Output block moves no heading still to come.
            foreach (var example in help.Examples.Select(e => new DocsExample(page, e)).Reverse())
            {
                if (!example.IsWellFormed)
                {
                    log.WriteLine(example.FormMessage);
                    failed = true;
                    continue;
                }

                var result = runner.Run(example.Code[0].Text);
                if (result.Terminating is not null)
                {
                    log.WriteLine($"{example.Where} stopped with a terminating error: {result.Terminating}");
                    failed = true;
                }
                else if (example.ExpectedOutput is { } expected && expected != result.Shown)
                {
                    DocsExample.RewriteOutput(path, example.Example.Line, result.Shown);
                    log.WriteLine($"Updated the output of {example.Where}");
                }
                else if (example.ExpectedOutput is null && result.Errors.Count > 0)
                {
                    log.WriteLine($"{example.Where} showed errors or warnings (show them in an ```Output block if they are the point): {string.Join("; ", result.Errors)}");
                    failed = true;
                }
            }
        }

        return failed;
    }

    private static bool Selected(DocsUpdateOptions options, string page) =>
        options.Pages is not { Count: > 0 } pages || pages.Contains(page, StringComparer.OrdinalIgnoreCase);

    private static void Write(string path, string text, TextWriter log)
    {
        var actual = File.Exists(path) ? File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal) : null;
        if (actual == text)
        {
            return;
        }

        File.WriteAllText(path, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        log.WriteLine($"{(actual is null ? "Created" : "Updated")} {path}");
    }
}
