using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using EcsTools.LocalEcs;
using EcsTools.Tour.Hosting;

namespace EcsTools.Tour;

/// <summary>
/// Runs a script (the tour by default) in the real PowerShell engine with EcsTools imported, against LocalEcs with the
/// demo scene, another endpoint (--endpoint, e.g. moto) or real AWS (--aws, the normal credential chain).
/// </summary>
internal static class Program
{
    private const string Usage = """
        EcsTools tour: the real PowerShell engine with out/EcsTools imported, pointed at LocalEcs (an in-process ECS).

        Usage: dotnet run --project src/EcsTools.Tour -- [options] [script.ps1 [script arguments...]]

          script.ps1       the script to run (default: examples/tour.ps1)
          --endpoint URL   use this ECS endpoint (e.g. moto) instead of LocalEcs
          --aws            use real AWS with the normal credential chain, region and endpoint
          --step DURATION  LocalEcs task lifecycle step (default 400ms; e.g. 1s, 100ms)
          --width N        width of the console for table views (default 120)
          --no-import      do not import EcsTools first (the script imports it)
        """;

    public static async Task<int> Main(string[] args)
    {
        string? endpoint = null;
        var useAws = false;
        var importModule = true;
        var width = 120;
        var step = TimeSpan.FromMilliseconds(400);
        var index = 0;
        try
        {
            for (; index < args.Length && args[index].StartsWith("--", StringComparison.Ordinal); index++)
            {
                string Value() => index + 1 < args.Length ? args[++index] : throw new ArgumentException($"{args[index]} needs a value.");
                switch (args[index])
                {
                    case "--":
                        index++;
                        goto done;
                    case "--endpoint":
                        endpoint = Value();
                        break;
                    case "--aws":
                        useAws = true;
                        break;
                    case "--step":
                        step = ParseDuration(Value());
                        break;
                    case "--width":
                        width = int.Parse(Value(), NumberStyles.None, CultureInfo.InvariantCulture);
                        break;
                    case "--no-import":
                        importModule = false;
                        break;
                    case "--help":
                        Console.Out.WriteLine(Usage);
                        return 0;
                    default:
                        throw new ArgumentException($"Unknown option {args[index]}.");
                }
            }
        }
        catch (Exception e) when (e is ArgumentException or FormatException or OverflowException)
        {
            Console.Error.WriteLine(e.Message);
            Console.Error.WriteLine(Usage);
            return 2;
        }

    done:
        var repoRoot = RepoRoot();
        var script = index < args.Length ? args[index] : Path.Combine(repoRoot, "examples", "tour.ps1");
        var scriptArguments = args.Skip(index + 1).ToArray();
        if (!File.Exists(script))
        {
            Console.Error.WriteLine($"The script '{script}' does not exist.");
            return 2;
        }

        var manifest = Path.Combine(repoRoot, "out", "EcsTools", "EcsTools.psd1");
        if (importModule && !File.Exists(manifest))
        {
            Console.Error.WriteLine($"The module is not built ({manifest}): run 'dotnet build' first.");
            return 2;
        }

        LocalEcsServer? local = null;
        try
        {
            if (useAws)
            {
                Console.Out.WriteLine("Using real AWS: the normal credential chain, region and endpoint.");
            }
            else if (endpoint is not null)
            {
                PointAt(endpoint);
                Console.Out.WriteLine($"Using the ECS endpoint {endpoint}.");
            }
            else
            {
                local = await LocalEcsServer.StartAsync(new LocalEcsOptions { Scene = LocalEcsScenes.Demo, StepInterval = step }).ConfigureAwait(false);
                PointAt(local.Endpoint.ToString().TrimEnd('/'));
                Console.Out.WriteLine($"LocalEcs is running at {local.Endpoint} with the demo scene (cluster '{LocalEcsScenes.DemoCluster}').");
            }

            return ScriptRunner.Run(script, scriptArguments, importModule ? manifest : null, width);
        }
        finally
        {
            if (local is not null)
            {
                await local.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    // Process-wide settings for this one-script process: the SDK reads them as it would in a user's shell.
    private static void PointAt(string endpoint)
    {
        Environment.SetEnvironmentVariable("AWS_ENDPOINT_URL_ECS", endpoint);
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("AWS_REGION")))
        {
            Environment.SetEnvironmentVariable("AWS_REGION", "us-east-1");
        }

        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "AKIDLOCALECSTOUR");
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "local-secret");
        Environment.SetEnvironmentVariable("AWS_SESSION_TOKEN", null);
        Environment.SetEnvironmentVariable("AWS_PROFILE", null);
        Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", "true");
    }

    private static TimeSpan ParseDuration(string text) =>
        text.EndsWith("ms", StringComparison.Ordinal) ? TimeSpan.FromMilliseconds(double.Parse(text[..^2], CultureInfo.InvariantCulture))
        : text.EndsWith('s') ? TimeSpan.FromSeconds(double.Parse(text[..^1], CultureInfo.InvariantCulture))
        : throw new FormatException($"'{text}' is not a duration such as 400ms or 1s.");

    private static string RepoRoot() =>
        typeof(Program).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "RepoRoot")?.Value
        ?? Directory.GetCurrentDirectory();
}
