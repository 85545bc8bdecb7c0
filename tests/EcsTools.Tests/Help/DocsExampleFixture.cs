using System.Threading.Tasks;
using EcsTools.HelpBuilder.Examples;
using EcsTools.Tests.Host;
using Xunit;

namespace EcsTools.Tests.Help;

/// <summary>The help tool's example runner (LocalEcs with the demo scene, the transcript console host) for the examples tests.</summary>
public sealed class DocsExampleFixture : IAsyncLifetime
{
    private DocsExampleRunner? _runner;

    public DocsExampleRunner Runner => _runner ?? throw new System.InvalidOperationException("The runner starts with the fixture.");

    public async Task InitializeAsync() => _runner = await DocsExampleRunner.StartAsync(TestPaths.ModuleManifest);

    public async Task DisposeAsync()
    {
        if (_runner is not null)
        {
            await _runner.DisposeAsync();
        }
    }
}
