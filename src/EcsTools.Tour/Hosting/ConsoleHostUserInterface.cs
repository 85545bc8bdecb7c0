using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Security;

namespace EcsTools.Tour.Hosting;

/// <summary>Writes the streams to the console; answers prompts with their defaults (the host is not interactive).</summary>
internal sealed class ConsoleHostUserInterface : PSHostUserInterface
{
    private readonly ConsoleRawUserInterface _raw;

    public ConsoleHostUserInterface(int width) => _raw = new ConsoleRawUserInterface(width);

    public override PSHostRawUserInterface RawUI => _raw;

    public override void Write(string value) => Console.Out.Write(value);

    public override void Write(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) => Console.Out.Write(value);

    public override void WriteLine(string value) => Console.Out.WriteLine(value);

    public override void WriteErrorLine(string value) => Console.Out.WriteLine(value);

    public override void WriteDebugLine(string message) => Console.Out.WriteLine("DEBUG: " + message);

    public override void WriteVerboseLine(string message) => Console.Out.WriteLine("VERBOSE: " + message);

    public override void WriteWarningLine(string message) => Console.Out.WriteLine("WARNING: " + message);

    public override void WriteProgress(long sourceId, ProgressRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.RecordType == ProgressRecordType.Completed)
        {
            return;
        }

        Console.Error.WriteLine($"[{record.Activity}] {record.StatusDescription}{(string.IsNullOrEmpty(record.CurrentOperation) ? "" : " - " + record.CurrentOperation)}");
    }

    public override string ReadLine() => "";

    public override SecureString ReadLineAsSecureString() => new();

    public override Dictionary<string, PSObject> Prompt(string caption, string message, Collection<FieldDescription> descriptions) =>
        throw new PSInvalidOperationException("The tour host cannot prompt for input: pass the values as parameters.");

    public override int PromptForChoice(string caption, string message, Collection<ChoiceDescription> choices, int defaultChoice)
    {
        Console.Out.WriteLine($"{caption}: {message} -> answered with the default choice (the tour host is not interactive).");
        return defaultChoice;
    }

    public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName) =>
        throw new PSInvalidOperationException("The tour host cannot prompt for credentials.");

    public override PSCredential PromptForCredential(
        string caption, string message, string userName, string targetName, PSCredentialTypes allowedCredentialTypes, PSCredentialUIOptions options) =>
        throw new PSInvalidOperationException("The tour host cannot prompt for credentials.");
}
