using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using EcsTools.LocalEcs.Operations;
using EcsTools.LocalEcs.Protocol;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace EcsTools.LocalEcs;

/// <summary>
/// An in-process Amazon ECS endpoint on 127.0.0.1 that speaks awsJson1_1 like the real service. Point an SDK client
/// at <see cref="Endpoint"/> (any credentials, any region: state is kept per region of the SigV4 credential scope).
/// </summary>
public sealed class LocalEcsServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly EcsEngine _engine;
    private readonly RequestLog _log;

    private LocalEcsServer(WebApplication app, EcsEngine engine, RequestLog log, LocalEcsFaults faults, LocalEcsOptions options, Uri endpoint)
    {
        _app = app;
        _engine = engine;
        _log = log;
        Faults = faults;
        Options = options;
        Endpoint = endpoint;
    }

    /// <summary>The endpoint, e.g. http://127.0.0.1:4566/.</summary>
    public Uri Endpoint { get; }

    public LocalEcsOptions Options { get; }

    /// <summary>Faults to inject into the next requests.</summary>
    public LocalEcsFaults Faults { get; }

    /// <summary>Seeds state in the default region without HTTP (see <see cref="LocalEcsScene.InRegion"/> for others).</summary>
    public LocalEcsScene Scene => new(_engine, Options.DefaultRegion);

    /// <summary>Every request received so far, oldest first (a snapshot).</summary>
    public IReadOnlyList<LocalEcsRequest> Requests => _log.Snapshot();

    /// <summary>Starts a server. It listens on 127.0.0.1 only; <see cref="LocalEcsOptions.Port"/> 0 picks a free port.</summary>
    public static async Task<LocalEcsServer> StartAsync(LocalEcsOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new LocalEcsOptions();
        if (options.StepInterval <= TimeSpan.Zero)
        {
            throw new ArgumentException("StepInterval must be positive.", nameof(options));
        }

        var engine = new EcsEngine(options);
        engine.Touch(options.DefaultRegion);
        var faults = new LocalEcsFaults();
        var log = new RequestLog();
        var handler = new EcsHttpHandler(engine, faults, log, options);
        WebApplicationBuilder builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, options.Port);
            kestrel.AddServerHeader = false;
        });
        WebApplication app = builder.Build();
        app.Run(handler.HandleAsync);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var endpoint = new Uri(new Uri(address).GetLeftPart(UriPartial.Authority) + "/");
        return new LocalEcsServer(app, engine, log, faults, options, endpoint);
    }

    /// <summary>The requests of one operation (e.g. "RunTask"), oldest first.</summary>
    public IReadOnlyList<LocalEcsRequest> RequestsFor(string operation) =>
        _log.Snapshot(r => string.Equals(r.Operation, operation, StringComparison.Ordinal));

    public void ClearRequests() => _log.Clear();

    /// <summary>
    /// Forgets all state (every region; the scene of <see cref="LocalEcsOptions.Scene"/> seeds the default region again
    /// at once and other regions on first use), the request log and pending faults. The random source restarts from
    /// <see cref="LocalEcsOptions.RandomSeed"/>: with a seed, ids after a reset are those of a new server.
    /// </summary>
    public void Reset()
    {
        _engine.Reset();
        _log.Clear();
        Faults.Clear();
    }

    /// <summary>Runs one operation in-process, as if it came over the wire (no faults, not logged). Throws <see cref="LocalEcsException"/>.</summary>
    public JsonObject Invoke(string operation, string requestJson, string? region = null) =>
        _engine.Invoke(region ?? Options.DefaultRegion, operation, requestJson);

    /// <summary>Runs one operation in-process with a request object (no faults, not logged). Throws <see cref="LocalEcsException"/>.</summary>
    public JsonObject Invoke(string operation, JsonObject request, string? region = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _engine.Invoke(region ?? Options.DefaultRegion, operation, request.ToJsonString());
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
