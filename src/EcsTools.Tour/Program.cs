using System;
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
    private const int UsageError = 64;
    private const int SetupError = 1;

    public static async Task<int> Main(string[] args)
    {
        TourOptions options;
        try
        {
            options = TourOptions.Parse(args);
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine(e.Message);
            Console.Error.WriteLine("Run with --help for the options.");
            return UsageError;
        }

        if (options.ShowHelp)
        {
            Console.Out.WriteLine(TourOptions.Usage);
            return 0;
        }

        var repoRoot = RepoRoot();
        var examples = Path.Combine(repoRoot, "examples");
        if (options.ListExamples)
        {
            ListExamples(examples);
            return 0;
        }

        var script = Examples.Resolve(options.Script ?? Examples.DefaultName, examples);
        if (script is null)
        {
            var names = string.Join(", ", Examples.List(examples).Select(e => e.Name));
            Console.Error.WriteLine($"The script '{options.Script}' does not exist, and no example in {examples} has that name.");
            Console.Error.WriteLine($"The examples: {names} (--list says what each does).");
            return UsageError;
        }

        var manifest = Path.Combine(repoRoot, "out", "EcsTools", "EcsTools.psd1");
        if (options.ImportModule && !File.Exists(manifest))
        {
            Console.Error.WriteLine($"The module is not built ({manifest}): run 'dotnet build src/EcsTools.Tour' or 'dotnet build' first.");
            return SetupError;
        }

        var run = new ScriptRun(script, options.ScriptArguments, options.ImportModule ? manifest : null, options.Width ?? OutputWidth());
        if (options.UseAws)
        {
            UseAws(options);
            return ScriptRunner.Run(run);
        }

        if (options.Endpoint is not null)
        {
            UseEndpoint(options.Endpoint.TrimEnd('/'), Region(options));
            Console.Error.WriteLine($"Using the ECS endpoint {options.Endpoint} ({Region(options)}, test credentials).");
            return ScriptRunner.Run(run);
        }

        LocalEcsServer local;
        try
        {
            local = await LocalEcsServer.StartAsync(new LocalEcsOptions { Scene = LocalEcsScenes.Demo, StepInterval = options.Step }).ConfigureAwait(false);
        }
        catch (IOException e)
        {
            Console.Error.WriteLine($"LocalEcs could not start: {e.Message}");
            return SetupError;
        }

        await using (local.ConfigureAwait(false))
        {
            var endpoint = local.Endpoint.ToString().TrimEnd('/');
            UseEndpoint(endpoint, Region(options));
            var poll = PollInterval(options.Step);
            Console.Error.WriteLine($"LocalEcs is running at {endpoint} with the demo scene (cluster '{LocalEcsScenes.DemoCluster}', "
                + $"{Region(options)}): a task lifecycle step every {Seconds(options.Step)}; the waits poll from every {Seconds(poll)} on.");
            return ScriptRunner.Run(run with { Prelude = PollDefaults(poll) });
        }
    }

    private static void ListExamples(string directory)
    {
        var examples = Examples.List(directory);
        if (examples.Count == 0)
        {
            Console.Out.WriteLine($"No examples in {directory}.");
            return;
        }

        var width = examples.Max(e => e.Name.Length) + 2;
        Console.Out.WriteLine($"Examples in {directory} (run one with: dotnet run --project src/EcsTools.Tour -- NAME [arguments]):");
        foreach (var (name, synopsis) in examples)
        {
            Console.Out.WriteLine($"  {name.PadRight(width)}{synopsis}");
        }
    }

    /// <summary>
    /// A quarter of a step, from 10 ms to 250 ms: LocalEcs runs on a fast clock, and the waits back off from their first
    /// interval to 15 times it (against ECS they start at 2 s).
    /// </summary>
    private static TimeSpan PollInterval(TimeSpan step) =>
        TimeSpan.FromMilliseconds(Math.Clamp(step.TotalMilliseconds / 4, 10, 250));

    private static string Seconds(TimeSpan value) => value.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s";

    /// <summary>
    /// The waits' -PollInterval in $PSDefaultParameterValues, as a user would set it. Start-EcsTask takes -PollInterval
    /// only with -Wait or -WaitUntil: a script block gives it then (its argument's BoundParameters is the set of the
    /// names bound so far), and nothing otherwise.
    /// </summary>
    private static string PollDefaults(TimeSpan poll)
    {
        var interval = $"[timespan]::FromMilliseconds({poll.TotalMilliseconds.ToString("0.###", CultureInfo.InvariantCulture)})";
        return $$"""
            $PSDefaultParameterValues['Wait-EcsTask:PollInterval'] = {{interval}}
            $PSDefaultParameterValues['New-EcsTaskSet:PollInterval'] = {{interval}}
            $PSDefaultParameterValues['Set-EcsTaskSet:PollInterval'] = {{interval}}
            $PSDefaultParameterValues['Start-EcsTask:PollInterval'] = {
                if ($args[0].BoundParameters -contains 'Wait' -or $args[0].BoundParameters -contains 'WaitUntil') { {{interval}} }
            }
            """;
    }

    /// <summary>
    /// As pwsh lays out tables and errors: to the terminal's width; when the output goes to a file or a pipe, 120
    /// columns, the same on every machine.
    /// </summary>
    private static int OutputWidth()
    {
        const int Redirected = 120;
        if (Console.IsOutputRedirected)
        {
            return Redirected;
        }

        try
        {
            return Console.WindowWidth is >= 40 and <= 1000 and var width ? width : Redirected;
        }
        catch (IOException)
        {
            return Redirected;
        }
    }

    private static string Region(TourOptions options) =>
        options.Region
        ?? NonEmpty(Environment.GetEnvironmentVariable("AWS_REGION"))
        ?? NonEmpty(Environment.GetEnvironmentVariable("AWS_DEFAULT_REGION"))
        ?? "us-east-1";

    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    // Process-wide settings for this one-script process: the SDK reads them as it would in a user's shell.
    private static void UseEndpoint(string endpoint, string region)
    {
        Environment.SetEnvironmentVariable("AWS_ENDPOINT_URL_ECS", endpoint);
        // LocalEcs serves CloudWatch Logs (its containers' output) on the same port.
        Environment.SetEnvironmentVariable("AWS_ENDPOINT_URL_CLOUDWATCH_LOGS", endpoint);
        Environment.SetEnvironmentVariable("AWS_REGION", region);
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "AKIDLOCALECSTOUR");
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "local-secret");
        Environment.SetEnvironmentVariable("AWS_SESSION_TOKEN", null);
        Environment.SetEnvironmentVariable("AWS_PROFILE", null);
        Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", "true");
    }

    private static void UseAws(TourOptions options)
    {
        if (options.Region is not null)
        {
            Environment.SetEnvironmentVariable("AWS_REGION", options.Region);
        }

        if (options.Endpoint is not null)
        {
            Environment.SetEnvironmentVariable("AWS_ENDPOINT_URL_ECS", options.Endpoint.TrimEnd('/'));
        }

        var endpoint = NonEmpty(Environment.GetEnvironmentVariable("AWS_ENDPOINT_URL_ECS"));
        Console.Error.WriteLine(endpoint is null
            ? "Using AWS with your credentials and region: what the script changes, it changes for real."
            : $"Using your credentials and region, and the ECS endpoint {endpoint} (AWS_ENDPOINT_URL_ECS).");
    }

    private static string RepoRoot() =>
        typeof(Program).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "RepoRoot")?.Value
        ?? Directory.GetCurrentDirectory();
}
