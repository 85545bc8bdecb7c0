using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Security;
using System.Text;
using System.Text.RegularExpressions;

namespace EcsTools.Hosting;

/// <summary>
/// The streams of <see cref="ConsoleHost"/>. On the terminal: output to stdout and progress to stderr; on a terminal,
/// progress is one line, rewritten in place and cleared before any other output; when stderr is redirected, each new
/// progress text is a line of its own (repeats are left out). In a transcript: what a console would show, in order,
/// without progress, as plain text (the table headers PowerShell colors even with $PSStyle.OutputRendering PlainText
/// lose their escapes). Prompts for a choice are answered with the default choice, and shown.
/// </summary>
internal sealed partial class ConsoleHostUserInterface : PSHostUserInterface
{
    private const string ClearLine = "\r\u001b[2K";

    private readonly ConsoleRawUserInterface _raw;
    private readonly bool _transcript;
    private readonly bool _liveProgress = !Console.IsErrorRedirected;
    private readonly bool _virtualTerminal;
    private readonly StringBuilder _text = new();
    private readonly object _gate = new();
    private string? _lastProgress;
    private bool _progressShown;

    public ConsoleHostUserInterface(int width, bool transcript)
    {
        _raw = new ConsoleRawUserInterface(width);
        _transcript = transcript;
        _virtualTerminal = !transcript && !Console.IsOutputRedirected;
    }

    public override PSHostRawUserInterface RawUI => _raw;

    /// <summary>On a terminal; when stdout is redirected, escape sequences are taken out (as pwsh does, per $PSStyle.OutputRendering).</summary>
    public override bool SupportsVirtualTerminal => _virtualTerminal;

    public string Text
    {
        get
        {
            lock (_gate)
            {
                return _text.ToString();
            }
        }
    }

    public override void Write(string value)
    {
        if (_transcript)
        {
            Append(value);
            return;
        }

        ClearProgress();
        Console.Out.Write(Render(value));
    }

    public override void Write(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value)
    {
        if (_transcript)
        {
            Append(value);
            return;
        }

        ClearProgress();
        if (!_virtualTerminal)
        {
            Console.Out.Write(Render(value));
            return;
        }

        // The engine passes the raw UI's colors for the ones not asked for: those leave the terminal's own alone.
        var foreground = foregroundColor == _raw.ForegroundColor ? "" : PSStyle.MapForegroundColorToEscapeSequence(foregroundColor);
        var background = backgroundColor == _raw.BackgroundColor ? "" : PSStyle.MapBackgroundColorToEscapeSequence(backgroundColor);
        Console.Out.Write(foreground.Length + background.Length == 0 ? value : foreground + background + value + PSStyle.Instance.Reset);
    }

    public override void WriteLine(string value)
    {
        if (_transcript)
        {
            Append(value + "\n");
            return;
        }

        ClearProgress();
        Console.Out.WriteLine(Render(value));
    }

    public override void WriteErrorLine(string value) => WriteLine(value);

    public override void WriteDebugLine(string message) => WriteLine("DEBUG: " + message);

    public override void WriteVerboseLine(string message) => WriteLine("VERBOSE: " + message);

    public override void WriteWarningLine(string message) => WriteLine("WARNING: " + message);

    public override void WriteProgress(long sourceId, ProgressRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (_transcript)
        {
            return;
        }

        if (record.RecordType == ProgressRecordType.Completed)
        {
            ClearProgress();
            _lastProgress = null;
            return;
        }

        var operation = string.IsNullOrEmpty(record.CurrentOperation) ? "" : " - " + record.CurrentOperation;
        var text = $"[{record.Activity}] {record.StatusDescription}{operation}";
        if (text == _lastProgress)
        {
            return;
        }

        _lastProgress = text;
        if (!_liveProgress)
        {
            Console.Error.WriteLine(text);
            return;
        }

        var width = _raw.BufferSize.Width - 1;
        Console.Error.Write(ClearLine + (text.Length > width ? text[..(width - 1)] + "…" : text));
        _progressShown = true;
    }

    /// <summary>Removes the progress line from the terminal, if one is shown.</summary>
    public void ClearProgress()
    {
        if (_progressShown)
        {
            Console.Error.Write(ClearLine);
            _progressShown = false;
        }
    }

    public override string ReadLine() => "";

    public override SecureString ReadLineAsSecureString() => new();

    public override Dictionary<string, PSObject> Prompt(string caption, string message, Collection<FieldDescription> descriptions) =>
        throw new PSInvalidOperationException(_transcript
            ? "An example cannot prompt for input: pass the values as parameters."
            : "The tour host cannot prompt for input: pass the values as parameters.");

    public override int PromptForChoice(string caption, string message, Collection<ChoiceDescription> choices, int defaultChoice)
    {
        if (_transcript)
        {
            Append($"{caption}\n{message}\n");
        }
        else
        {
            WriteLine($"{caption}: {message} -> answered with the default choice (the tour host is not interactive).");
        }

        return defaultChoice;
    }

    public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName) =>
        throw new PSInvalidOperationException(CannotPromptForCredentials);

    public override PSCredential PromptForCredential(
        string caption, string message, string userName, string targetName, PSCredentialTypes allowedCredentialTypes, PSCredentialUIOptions options) =>
        throw new PSInvalidOperationException(CannotPromptForCredentials);

    private string CannotPromptForCredentials =>
        _transcript ? "An example cannot prompt for credentials." : "The tour host cannot prompt for credentials.";

    private string Render(string value) => GetOutputString(value, _virtualTerminal);

    private void Append(string value)
    {
        lock (_gate)
        {
            _text.Append(AnsiEscape().Replace(value, string.Empty));
        }
    }

    [GeneratedRegex(@"\x1b\[[0-9;?]*[A-Za-z]")]
    private static partial Regex AnsiEscape();
}
