using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;

namespace EcsTools.Tests.Host;

/// <summary>
/// Runs a script in a fresh process (the tour host, src/EcsTools.Tour, with LocalEcs and the demo scene), for what
/// only a fresh process shows: the order in which assemblies enter the default load context, import time, and what
/// depends on the process environment (AWS_* variables, HOME), which a test must never change in its own process.
/// </summary>
public static class ChildHost
{
    public static string TourAssembly { get; } = Path.Combine(
        TestPaths.RepoRoot, "src", "EcsTools.Tour", "bin", BuildConfiguration, "net10.0", "EcsTools.Tour.dll");

    private static string BuildConfiguration =>
        typeof(ChildHost).Assembly.Location.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
            ? "Release" : "Debug";

    public static Task<(int ExitCode, string Output)> RunAsync(string scriptText, params string[] options) =>
        RunAsync(scriptText, null, options);

    /// <summary>Runs the script with these environment variables changed (a null value removes the variable).</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(
        string scriptText, IReadOnlyDictionary<string, string?>? environment, params string[] options)
    {
        var script = Path.Combine(Path.GetTempPath(), $"ecstools-{Guid.NewGuid():N}.ps1");
        await File.WriteAllTextAsync(script, scriptText);
        try
        {
            return await RunTourAsync([.. options, script], environment);
        }
        finally
        {
            File.Delete(script);
        }
    }

    /// <summary>
    /// Runs the tour host with these command-line arguments (options, then a script or an example name and its
    /// arguments; none for the tour) and environment changes. Output is stdout, then stderr (progress).
    /// </summary>
    public static async Task<(int ExitCode, string Output)> RunTourAsync(
        IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment = null, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(TourAssembly);
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new System.Threading.CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(120));
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The tour host did not finish within {(timeout ?? TimeSpan.FromSeconds(120)).TotalSeconds} s. Output so far:"
                + Environment.NewLine + await stdout + await stderr);
        }

        return (process.ExitCode, await stdout + await stderr);
    }

    /// <summary>
    /// An environment with no AWS configuration at all: every AWS_* variable removed, HOME (and USERPROFILE) pointing to
    /// <paramref name="home"/> so no ~/.aws files are found, and instance metadata disabled; plus <paramref name="set"/>.
    /// </summary>
    public static Dictionary<string, string?> ScrubbedEnvironment(string home, params (string Name, string? Value)[] set)
    {
        var environment = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            if (entry.Key is string name && name.StartsWith("AWS_", StringComparison.OrdinalIgnoreCase))
            {
                environment[name] = null;
            }
        }

        environment["HOME"] = home;
        environment["USERPROFILE"] = home;
        environment["AWS_EC2_METADATA_DISABLED"] = "true";
        foreach (var (name, value) in set)
        {
            environment[name] = value;
        }

        return environment;
    }
}
