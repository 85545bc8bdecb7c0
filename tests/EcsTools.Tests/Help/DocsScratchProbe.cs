using Xunit;
using Xunit.Abstractions;

namespace EcsTools.Tests.Help;

public sealed class DocsScratchProbe : IClassFixture<DocsExampleRunner>
{
    private readonly DocsExampleRunner _runner;
    private readonly ITestOutputHelper _output;

    public DocsScratchProbe(DocsExampleRunner runner, ITestOutputHelper output) { _runner = runner; _output = output; }

    [Fact]
    public void Probe()
    {
        var r = _runner.Run("$PSStyle.OutputRendering; $Host.UI.SupportsVirtualTerminal; [System.Management.Automation.PSStyle]::Instance.OutputRendering; $PSDefaultParameterValues.Keys -join ','");
        _output.WriteLine(r.Text);
        _output.WriteLine(string.Join("\n", r.Errors));
    }
}
