using System;
using System.Collections.Generic;
using System.IO;

namespace EcsTools.HelpBuilder;

/// <summary>
/// <c>EcsTools.HelpBuilder --docs &lt;dir&gt; --out &lt;dir&gt; --module &lt;name&gt; [--help-file &lt;name&gt;]</c>.
/// Errors are printed as <c>file(line): error ECSHELP001: message</c>, which MSBuild reports as build errors.
/// Exit code 0 when the help was written, 1 when a page is in error, 2 on bad arguments.
/// </summary>
internal static class Program
{
    private const string Usage = "usage: EcsTools.HelpBuilder --docs <dir> --out <dir> --module <name> [--help-file <file name>]";

    private static int Main(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < args.Length; i++)
        {
            if (i + 1 >= args.Length || !args[i].StartsWith("--", StringComparison.Ordinal) || !values.TryAdd(args[i][2..], args[i + 1]))
            {
                Console.Error.WriteLine(Usage);
                return 2;
            }

            i++;
        }

        if (!values.TryGetValue("docs", out string? docs) || !values.TryGetValue("out", out string? output)
            || !values.TryGetValue("module", out string? module) || values.Count > (values.ContainsKey("help-file") ? 4 : 3))
        {
            Console.Error.WriteLine(Usage);
            return 2;
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
}
