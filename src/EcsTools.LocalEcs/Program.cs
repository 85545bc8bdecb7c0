using System;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using EcsTools.LocalEcs.State;

namespace EcsTools.LocalEcs;

/// <summary>The standalone server: <c>dotnet run --project src/EcsTools.LocalEcs -- --port 4566 --scene demo --step 1s</c>.</summary>
internal static class Program
{
    private const string Usage = """
        LocalEcs: an Amazon ECS endpoint on 127.0.0.1 for tests and experiments.

        Usage: EcsTools.LocalEcs [--port N] [--scene demo|empty] [--step DURATION] [--account ID] [--region NAME] [--seed N]
                                 [--fault OPERATION:KIND[:after][:xCOUNT]]...

          --port     port on 127.0.0.1 (default 4566; 0 picks a free port)
          --scene    demo: cluster 'demo' with instances, task definitions and the EXTERNAL service 'checkout'; empty (default)
          --step     length of one task lifecycle step, e.g. 1s (default), 250ms
          --account  account id in ARNs (default 123456789012)
          --region   region of unsigned requests (default us-east-1); signed requests use their credential scope
          --seed     seed the random ids for reproducible runs
          --fault    inject a fault (repeatable; the first that matches a request applies, each for COUNT requests, default 1):
                     OPERATION is an ECS operation such as StartTask, or * for all; KIND is throttle (400 ThrottlingException),
                     server (500 ServerException), html[=STATUS] (5xx HTML page), drop (connection aborted), slow=DURATION
                     (answer late; forever = never), error=CODE[=STATUS]; 'after' processes the request first (its effects
                     are kept) and then replaces or delays the answer. E.g. --fault StartTask:server:after
                     --fault RunTask:throttle:x3 --fault '*:slow=forever:x1000'
        """;

    public static async Task<int> Main(string[] args)
    {
        var options = new LocalEcsOptions { Port = 4566 };
        string scene = "empty";
        var faults = new System.Collections.Generic.List<LocalEcsFault>();
        try
        {
            for (int i = 0; i < args.Length; i++)
            {
                string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
                switch (args[i])
                {
                    case "--port":
                        options.Port = int.Parse(Value(), NumberStyles.None, CultureInfo.InvariantCulture);
                        break;
                    case "--scene":
                        scene = Value();
                        options.Scene = scene switch
                        {
                            "demo" => LocalEcsScenes.Demo,
                            "empty" => null,
                            _ => throw new ArgumentException($"Unknown scene '{scene}': use demo or empty."),
                        };
                        break;
                    case "--step":
                        string step = Value();
                        options.StepInterval = Durations.TryParse(step, out TimeSpan? parsed) && parsed is { } d && d > TimeSpan.Zero
                            ? d
                            : throw new ArgumentException($"--step: '{step}' is not a duration such as 1s or 250ms.");
                        break;
                    case "--account":
                        options.AccountId = Value();
                        break;
                    case "--region":
                        options.DefaultRegion = Value();
                        break;
                    case "--seed":
                        options.RandomSeed = int.Parse(Value(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
                        break;
                    case "--fault":
                        faults.Add(LocalEcsFaultSpec.Parse(Value()));
                        break;
                    case "--help" or "-h":
                        Console.WriteLine(Usage);
                        return 0;
                    default:
                        throw new ArgumentException($"Unknown argument '{args[i]}'.");
                }
            }
        }
        catch (Exception e) when (e is ArgumentException or FormatException or OverflowException)
        {
            await Console.Error.WriteLineAsync(e.Message + Environment.NewLine + Environment.NewLine + Usage).ConfigureAwait(false);
            return 2;
        }

        await using LocalEcsServer server = await LocalEcsServer.StartAsync(options).ConfigureAwait(false);
        foreach (LocalEcsFault fault in faults)
        {
            server.Faults.Add(fault);
        }

        string endpoint = server.Endpoint.GetLeftPart(UriPartial.Authority);
        Console.WriteLine($"LocalEcs listening on {endpoint} (scene: {scene}, step: {options.StepInterval.TotalMilliseconds} ms, account: {options.AccountId})");
        foreach (LocalEcsFault fault in faults)
        {
            Console.WriteLine($"Fault: {fault.Operation ?? "every operation"}: {fault.Kind}{(fault.Kind == LocalEcsFaultKind.Slow ? $" {fault.Delay}" : "")}"
                + $"{(fault.AppliesAfterProcessing ? " after processing" : "")}, {fault.Count} request(s)");
        }

        Console.WriteLine($"AWS_ENDPOINT_URL_ECS={endpoint}");
        Console.WriteLine($"In PowerShell:  $env:AWS_ENDPOINT_URL_ECS = '{endpoint}'");
        Console.WriteLine($"CloudWatch Logs (container output) on the same endpoint: $env:AWS_ENDPOINT_URL_CLOUDWATCH_LOGS = '{endpoint}'");
        Console.WriteLine("Any credentials work (e.g. $env:AWS_ACCESS_KEY_ID = 'test'; $env:AWS_SECRET_ACCESS_KEY = 'test'). Ctrl+C stops.");
        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        using PosixSignalRegistration terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            stop.Cancel();
        });
        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            Console.WriteLine("LocalEcs stopped.");
        }

        return 0;
    }
}
