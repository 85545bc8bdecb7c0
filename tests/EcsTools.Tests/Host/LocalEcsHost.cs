using System;
using System.Threading.Tasks;
using EcsTools.LocalEcs;

namespace EcsTools.Tests.Host;

/// <summary>A LocalEcs server with a scene and a fast clock, and a PowerShell session pointed at it.</summary>
public sealed class LocalEcsHost : IAsyncDisposable
{
    private bool _waitClock;

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
    public static async Task<LocalEcsHost> StartAsync(
        Action<LocalEcsScene>? scene = null, TimeSpan? step = null, TimeProvider? time = null, Func<string, TimeSpan>? logLineDelay = null)
    {
        var server = await LocalEcsServer.StartAsync(new LocalEcsOptions
        {
            Scene = scene ?? LocalEcsScenes.Demo,
            StepInterval = step ?? TimeSpan.FromMilliseconds(50),
            TimeProvider = time ?? TimeProvider.System,
            LogLineDelay = logLineDelay,
        });
        return new LocalEcsHost(server, PsSession.Create(server.Endpoint));
    }

    public PsResult Run(string script, params object?[] args) => Session.Run(script, args);

    /// <summary>The clock of this session's waits from now on (their schedule, deadline and progress): it moves only when the test moves it.</summary>
    public WaitTestClock UseWaitClock()
    {
        var time = new WaitTestClock();
        WaitClocks.Use(Server.Endpoint, time);
        _waitClock = true;
        return time;
    }

    public async ValueTask DisposeAsync()
    {
        if (_waitClock)
        {
            WaitClocks.Use(Server.Endpoint, null);
        }

        Session.Dispose();
        await Server.DisposeAsync();
    }
}
