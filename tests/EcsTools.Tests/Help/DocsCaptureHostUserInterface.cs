using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Security;
using System.Text;
using System.Text.RegularExpressions;

using EcsTools.Tour.Hosting;

namespace EcsTools.Tests.Help;

/// <summary>
/// Collects what a console would show, in order: Out-Default's formatted output, errors, warnings, verbose lines and
/// what-if messages. Progress is left out. Prompts for a choice are answered with the default choice, and shown. The
/// text is plain: the table headers PowerShell colors even with $PSStyle.OutputRendering PlainText lose their escapes.
/// </summary>
internal sealed partial class DocsCaptureHostUserInterface : PSHostUserInterface
{
    private readonly ConsoleRawUserInterface _raw;
    private readonly StringBuilder _text = new();
    private readonly object _gate = new();

    public DocsCaptureHostUserInterface(int width) => _raw = new ConsoleRawUserInterface(width);

    public override PSHostRawUserInterface RawUI => _raw;

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

    public override void Write(string value) => Append(value);

    public override void Write(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) => Append(value);

    public override void WriteLine(string value) => Append(value + "\n");

    public override void WriteErrorLine(string value) => Append(value + "\n");

    public override void WriteDebugLine(string message) => Append("DEBUG: " + message + "\n");

    public override void WriteVerboseLine(string message) => Append("VERBOSE: " + message + "\n");

    public override void WriteWarningLine(string message) => Append("WARNING: " + message + "\n");

    public override void WriteProgress(long sourceId, ProgressRecord record)
    {
    }

    public override string ReadLine() => string.Empty;

    public override SecureString ReadLineAsSecureString() => new();

    public override Dictionary<string, PSObject> Prompt(string caption, string message, Collection<FieldDescription> descriptions) =>
        throw new PSInvalidOperationException("An example cannot prompt for input: pass the values as parameters.");

    public override int PromptForChoice(string caption, string message, Collection<ChoiceDescription> choices, int defaultChoice)
    {
        Append($"{caption}\n{message}\n");
        return defaultChoice;
    }

    public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName) =>
        throw new PSInvalidOperationException("An example cannot prompt for credentials.");

    public override PSCredential PromptForCredential(
        string caption, string message, string userName, string targetName, PSCredentialTypes allowedCredentialTypes, PSCredentialUIOptions options) =>
        throw new PSInvalidOperationException("An example cannot prompt for credentials.");

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
