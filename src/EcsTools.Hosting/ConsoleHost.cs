using System;
using System.Globalization;
using System.Management.Automation.Host;

namespace EcsTools.Hosting;

/// <summary>
/// The console host that scripts and examples run in, non-interactively, at a fixed width (so table views lay out the
/// same on every machine); prompts for a choice are answered with the default choice. Two kinds:
/// <see cref="ForTerminal"/> writes to stdout, progress to stderr (the tour); <see cref="ForTranscript"/> keeps what a
/// console would show as plain text, without progress (the help examples and the console tests).
/// </summary>
public sealed class ConsoleHost : PSHost
{
    private readonly Guid _id = Guid.NewGuid();
    private readonly ConsoleHostUserInterface _ui;
    private readonly bool _transcript;

    private ConsoleHost(int width, bool transcript)
    {
        _transcript = transcript;
        _ui = new ConsoleHostUserInterface(width, transcript);
    }

    /// <summary>A host on this process's console: output on stdout, progress on stderr, the machine's culture.</summary>
    public static ConsoleHost ForTerminal(int width) => new(width, transcript: false);

    /// <summary>
    /// A host that keeps what a console would show, in order, as plain text (<see cref="Text"/>): output, errors,
    /// warnings, verbose lines, what-if messages and choice prompts; no progress; the invariant culture.
    /// </summary>
    public static ConsoleHost ForTranscript(int width) => new(width, transcript: true);

    /// <summary>What the console showed (a transcript host; empty for a terminal host).</summary>
    public string Text => _ui.Text;

    /// <summary>The code the script asked to exit with (<c>exit N</c>), or null.</summary>
    public int? ExitCode { get; private set; }

    public override CultureInfo CurrentCulture => _transcript ? CultureInfo.InvariantCulture : CultureInfo.CurrentCulture;

    public override CultureInfo CurrentUICulture => _transcript ? CultureInfo.InvariantCulture : CultureInfo.CurrentUICulture;

    public override Guid InstanceId => _id;

    public override string Name => _transcript ? "EcsTools.Examples" : "EcsTools.Tour";

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
