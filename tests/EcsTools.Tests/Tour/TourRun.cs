using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using EcsTools.Tests.Host;

namespace EcsTools.Tests.Tour;

/// <summary>One run of the tour host in a fresh process (through <see cref="ChildHost"/>): exit code and output.</summary>
internal sealed record TourRun(int ExitCode, string Output)
{
    /// <summary>A lifecycle step fast enough for the suite; the waits poll from every 12.5 ms on.</summary>
    public const string FastStep = "50ms";

    public static string ExamplesDirectory { get; } = Path.Combine(TestPaths.RepoRoot, "examples");

    public IReadOnlyList<string> Lines { get; } = Output.Split('\n').Select(l => l.TrimEnd('\r')).ToList();

    /// <summary>The tour host with these arguments (options, then a script or an example and its arguments).</summary>
    public static async Task<TourRun> StartAsync(params string[] arguments)
    {
        var (exitCode, output) = await ChildHost.RunTourAsync(arguments);
        return new TourRun(exitCode, output);
    }

    /// <summary>A script of the test's own, with the examples' directory in $examples, through the tour host with a fast step.</summary>
    public static async Task<TourRun> ScriptAsync(string script, string step = FastStep)
    {
        var (exitCode, output) = await ChildHost.RunAsync($"$examples = '{ExamplesDirectory}'\n" + script, "--step", step);
        return new TourRun(exitCode, output);
    }

    /// <summary>The lines that start with <paramref name="prefix"/>, the prefix taken off.</summary>
    public IEnumerable<string> Values(string prefix) =>
        Lines.Where(l => l.StartsWith(prefix, StringComparison.Ordinal)).Select(l => l[prefix.Length..]);

    public override string ToString() => $"exit code {ExitCode}:{Environment.NewLine}{Output}";
}
