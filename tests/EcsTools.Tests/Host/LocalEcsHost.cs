using System;
using System.Threading.Tasks;
using EcsTools.LocalEcs;

namespace EcsTools.Tests.Host;

/// <summary>A LocalEcs server with a scene and a fast clock, and a PowerShell session pointed at it.</summary>
public sealed class LocalEcsHost : IAsyncDisposable
{
    private LocalEcsHost(LocalEcsServer server, PsSession session)
    {
        Server = server;
        Session = session;
    }

    public LocalEcsServer Server { get; }

    public PsSession Session { get; }

    public static async Task<LocalEcsHost> StartAsync(Action<LocalEcsScene>? scene = null, TimeSpan? step = null)
    {
        var server = await LocalEcsServer.StartAsync(new LocalEcsOptions
        {
            Scene = scene ?? LocalEcsScenes.Demo,
            StepInterval = step ?? TimeSpan.FromMilliseconds(50),
        });
        return new LocalEcsHost(server, PsSession.Create(server.Endpoint));
    }

    public PsResult Run(string script, params object?[] args) => Session.Run(script, args);

    public async ValueTask DisposeAsync()
    {
        Session.Dispose();
        await Server.DisposeAsync();
    }
}
