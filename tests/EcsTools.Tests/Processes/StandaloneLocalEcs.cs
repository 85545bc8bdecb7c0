using System;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;
using EcsTools.Tests.Host;

namespace EcsTools.Tests.Processes;

/// <summary>The standalone LocalEcs server (src/EcsTools.LocalEcs, Program.cs) in a process of its own, on a free port.</summary>
public sealed class StandaloneLocalEcs : IAsyncDisposable
{
    private readonly Process _process;

    private StandaloneLocalEcs(Process process, Uri endpoint)
    {
        _process = process;
        Endpoint = endpoint;
    }

    public Uri Endpoint { get; }

    public static async Task<StandaloneLocalEcs> StartAsync(params string[] arguments)
    {
        var assembly = Path.Combine(Path.GetDirectoryName(ChildHost.TourAssembly)!.Replace(
            Path.Combine("EcsTools.Tour", "bin"), Path.Combine("EcsTools.LocalEcs", "bin"), StringComparison.Ordinal), "EcsTools.LocalEcs.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(assembly);
        foreach (var argument in (string[])["--port", "0", .. arguments])
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            var line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
            if (line is null)
            {
                break;
            }

            const string Prefix = "AWS_ENDPOINT_URL_ECS=";
            if (line.StartsWith(Prefix, StringComparison.Ordinal))
            {
                _ = process.StandardOutput.ReadToEndAsync();
                _ = process.StandardError.ReadToEndAsync();
                return new StandaloneLocalEcs(process, new Uri(line[Prefix.Length..]));
            }
        }

        process.Kill(entireProcessTree: true);
        throw new InvalidOperationException("LocalEcs did not print its endpoint: " + await process.StandardError.ReadToEndAsync());
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
