using System.IO;
using System.Linq;
using EcsTools.Tests.Host;
using Xunit;

namespace EcsTools.Tests.Commands;

public sealed class ScratchTaskSetProbe
{
    [Fact]
    public void Probe()
    {
        using var session = PsSession.Create();
        var script = File.ReadAllText("/tmp/probe.ps1");
        var result = session.Run(script);
        File.WriteAllText("/tmp/probe.out", string.Join("\n", result.Output.Select(o => o?.ToString()))
            + "\nERRORS:\n" + string.Join("\n", result.ErrorIds) + "\n" + result.Terminating);
    }
}
