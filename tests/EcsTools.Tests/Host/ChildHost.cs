using System;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;

namespace EcsTools.Tests.Host;

/// <summary>
/// Runs a script in a fresh process (the tour host, src/EcsTools.Tour, with LocalEcs and the demo scene), for what
/// only a fresh process shows: the order in which assemblies enter the default load context, and import time.
/// </summary>
public static class ChildHost
{
    public static string TourAssembly { get; } = Path.Combine(
        TestPaths.RepoRoot, "src", "EcsTools.Tour", "bin", BuildConfiguration, "net10.0", "EcsTools.Tour.dll");

    private static string BuildConfiguration =>
        typeof(ChildHost).Assembly.Location.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
            ? "Release" : "Debug";

    public static async Task<(int ExitCode, string Output)> RunAsync(string scriptText, params string[] options)
    {
        var script = Path.Combine(Path.GetTempPath(), $"ecstools-{Guid.NewGuid():N}.ps1");
        await File.WriteAllTextAsync(script, scriptText);
        try
        {
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            start.ArgumentList.Add(TourAssembly);
            foreach (var option in options)
            {
                start.ArgumentList.Add(option);
            }

            start.ArgumentList.Add(script);
            using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new System.Threading.CancellationTokenSource(TimeSpan.FromSeconds(120));
            await process.WaitForExitAsync(timeout.Token);
            return (process.ExitCode, await stdout + await stderr);
        }
        finally
        {
            File.Delete(script);
        }
    }
}
