using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using EcsTools.HelpBuilder.Update;

namespace EcsTools.HelpBuilder;

/// <summary>
/// <c>EcsTools.HelpBuilder --docs &lt;dir&gt; --out &lt;dir&gt; --module &lt;name&gt; [--help-file &lt;name&gt;]</c> builds the help
/// (MAML and about topics) from docs/, as platyPS's New-ExternalHelp does. Errors are printed as
/// <c>file(line): error ECSHELP001: message</c>, which MSBuild reports as build errors.
/// <c>EcsTools.HelpBuilder --update --docs &lt;dir&gt; --manifest &lt;psd1&gt; [--xml-docs &lt;file&gt;] [--pages A,B]</c>
/// rewrites docs/ from the built module, as platyPS's Update-MarkdownHelp does (see <see cref="DocsUpdate"/>).
/// Exit code 0 when done, 1 when a page or an example is in error, 2 on bad arguments.
/// </summary>
internal static class Program
{
    private const string Usage = "usage: EcsTools.HelpBuilder --docs <dir> --out <dir> --module <name> [--help-file <file name>]\n"
        + "       EcsTools.HelpBuilder --update --docs <dir> --manifest <module .psd1> [--xml-docs <EcsTools.xml>] [--pages <Page,Page>]";

    private static readonly string[] s_buildOptions = ["docs", "out", "module", "help-file"];
    private static readonly string[] s_updateOptions = ["docs", "manifest", "xml-docs", "pages"];

    private static async Task<int> Main(string[] args)
    {
        var update = args.Contains("--update", StringComparer.OrdinalIgnoreCase);
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var rest = args.Where(a => !a.Equals("--update", StringComparison.OrdinalIgnoreCase)).ToArray();
        for (int i = 0; i < rest.Length; i++)
        {
            if (i + 1 >= rest.Length || !rest[i].StartsWith("--", StringComparison.Ordinal) || !values.TryAdd(rest[i][2..], rest[i + 1]))
            {
                return Fail();
            }

            i++;
        }

        if (values.Keys.Any(k => !(update ? s_updateOptions : s_buildOptions).Contains(k, StringComparer.OrdinalIgnoreCase)))
        {
            return Fail();
        }

        return update ? await UpdateAsync(values).ConfigureAwait(false) : Build(values);
    }

    private static int Build(Dictionary<string, string> values)
    {
        if (!values.TryGetValue("docs", out string? docs) || !values.TryGetValue("out", out string? output)
            || !values.TryGetValue("module", out string? module))
        {
            return Fail();
        }

        HelpBuildResult result = HelpBuild.Run(new HelpBuildOptions
        {
            DocsDirectory = docs,
            OutputDirectory = output,
            ModuleName = module,
            HelpFileName = values.GetValueOrDefault("help-file"),
        });
        foreach (HelpDiagnostic diagnostic in result.Diagnostics)
        {
            Console.Out.WriteLine(diagnostic.ToString());
        }

        if (!result.Succeeded)
        {
            return 1;
        }

        Console.Out.WriteLine($"EcsTools.HelpBuilder: {result.Commands.Count} command page(s), {result.AboutTopics.Count} about topic(s) -> {Path.GetFullPath(output)}");
        return 0;
    }

    private static async Task<int> UpdateAsync(Dictionary<string, string> values)
    {
        if (!values.TryGetValue("docs", out string? docs) || !values.TryGetValue("manifest", out string? manifest))
        {
            return Fail();
        }

        if (!File.Exists(manifest))
        {
            Console.Error.WriteLine($"EcsTools.HelpBuilder: {manifest} does not exist; build the module first (dotnet pwsh ./build.ps1 Build).");
            return 2;
        }

        var code = await DocsUpdate.RunAsync(
            new DocsUpdateOptions
            {
                DocsDirectory = Path.GetFullPath(docs),
                ModuleManifest = Path.GetFullPath(manifest),
                XmlDocumentation = values.GetValueOrDefault("xml-docs"),
                Pages = values.TryGetValue("pages", out var pages) ? pages.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) : null,
            },
            Console.Out).ConfigureAwait(false);
        Console.Out.WriteLine($"EcsTools.HelpBuilder: {Path.GetFullPath(docs)} updated from {Path.GetFullPath(manifest)}{(code == 0 ? "" : " (with errors, above)")}");
        return code;
    }

    private static int Fail()
    {
        Console.Error.WriteLine(Usage);
        return 2;
    }
}
