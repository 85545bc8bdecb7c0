using System;
using System.Globalization;
using System.Management.Automation.Host;

namespace EcsTools.Tour.Hosting;

/// <summary>A console host for running scripts non-interactively: output through the format views, progress on stderr.</summary>
internal sealed class ConsoleHost : PSHost
{
    private readonly Guid _id = Guid.NewGuid();
    private readonly ConsoleHostUserInterface _ui;

    public ConsoleHost(int width) => _ui = new ConsoleHostUserInterface(width);

    public int? ExitCode { get; private set; }

    public override CultureInfo CurrentCulture => CultureInfo.CurrentCulture;

    public override CultureInfo CurrentUICulture => CultureInfo.CurrentUICulture;

    public override Guid InstanceId => _id;

    public override string Name => "EcsTools.Tour";

    public override PSHostUserInterface UI => _ui;

    public override Version Version => new(1, 0);

    public override void EnterNestedPrompt() => throw new NotSupportedException("Nested prompts are not supported by the tour host.");

    public override void ExitNestedPrompt() => throw new NotSupportedException("Nested prompts are not supported by the tour host.");

    public override void NotifyBeginApplication()
    {
    }

    public override void NotifyEndApplication()
    {
    }

    public override void SetShouldExit(int exitCode) => ExitCode = exitCode;

    /// <summary>Clears a progress line left on the terminal.</summary>
    public void FinishProgress() => _ui.ClearProgress();
}
