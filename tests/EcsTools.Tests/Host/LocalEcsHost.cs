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

    /// <param name="scene">The scene; the demo one by default.</param>
    /// <param name="step">How long each lifecycle step takes (50 ms by default).</param>
    /// <param name="time">LocalEcs's clock (a manual one makes the lifecycles independent of the machine's speed).</param>
    public static async Task<LocalEcsHost> StartAsync(Action<LocalEcsScene>? scene = null, TimeSpan? step = null, TimeProvider? time = null)
    {
        var server = await LocalEcsServer.StartAsync(new LocalEcsOptions
        {
            Scene = scene ?? LocalEcsScenes.Demo,
            StepInterval = step ?? TimeSpan.FromMilliseconds(50),
            TimeProvider = time ?? TimeProvider.System,
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
