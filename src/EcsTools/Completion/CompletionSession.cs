using System;
using System.Collections;
using System.Management.Automation;
using EcsTools.Engine;
using EcsTools.Session;

namespace EcsTools.Completion;

/// <summary>
/// What a completer knows about the command line being completed, read on the pipeline thread: the parameters already
/// typed (fakeBoundParameters), $PSDefaultParameterValues for this command, and the AWS.Tools session defaults; and the
/// connection settings they make, exactly as the command itself would build them.
/// </summary>
internal sealed class CompletionSession
{
    // Under Set-StrictMode an unset variable must not throw: read them through the session state.
    private const string ReadSessionScript =
        "$v = $ExecutionContext.SessionState.PSVariable; "
        + "@{ Defaults = $v.GetValue('PSDefaultParameterValues'); Region = $v.GetValue('StoredAWSRegion'); Credentials = $v.GetValue('StoredAWSCredentials') }";

    private readonly string _commandName;
    private readonly IDictionary? _typed;
    private readonly IDictionary? _defaults;

    private CompletionSession(string commandName, IDictionary? typed, IDictionary? defaults, EcsConnectionSettings settings)
    {
        _commandName = commandName;
        _typed = typed;
        _defaults = defaults;
        Settings = settings;
    }

    public EcsConnectionSettings Settings { get; }

    public static CompletionSession Capture(string commandName, IDictionary? fakeBoundParameters)
    {
        var session = ReadSession();
        var defaults = session?["Defaults"] as IDictionary ?? (session?["Defaults"] as PSObject)?.BaseObject as IDictionary;
        var probe = new CompletionSession(commandName, fakeBoundParameters, defaults, new EcsConnectionSettings());
        var parameters = new ConnectionParameters
        {
            Region = probe.Text(nameof(EcsCmdlet.Region)),
            ProfileName = probe.Text(nameof(EcsCmdlet.ProfileName)),
            ProfileLocation = probe.Text(nameof(EcsCmdlet.ProfileLocation)),
            EndpointUrl = probe.Text(nameof(EcsCmdlet.EndpointUrl)),
            AccessKey = probe.Text(nameof(EcsCmdlet.AccessKey)),
            SecretKey = probe.Text(nameof(EcsCmdlet.SecretKey)),
            SessionToken = probe.Text(nameof(EcsCmdlet.SessionToken)),
            Credential = probe.Value(nameof(EcsCmdlet.Credential)) as PSCredential,
            StoredRegion = session?["Region"],
            StoredCredentials = session?["Credentials"],
            OriginOf = probe.Origin,
        };
        return new CompletionSession(commandName, fakeBoundParameters, defaults, ConnectionSettingsBuilder.Build(parameters));
    }

    /// <summary>A parameter's value as typed on the line, else from $PSDefaultParameterValues; null when neither is a plain string.</summary>
    public string? Text(string parameterName) => Value(parameterName) switch
    {
        string text when !string.IsNullOrWhiteSpace(text) => text.Trim(),
        _ => null,
    };

    /// <summary>"-Region" when typed on the line, "$PSDefaultParameterValues['...']" when it comes from there.</summary>
    private string Origin(string parameterName) =>
        _typed is not null && _typed.Contains(parameterName) ? "-" + parameterName
        : DefaultParameterValues.Find(_defaults, _commandName, parameterName) is { } entry ? $"$PSDefaultParameterValues['{entry.Key}']"
        : "-" + parameterName;

    private object? Value(string parameterName)
    {
        if (_typed is not null && _typed.Contains(parameterName))
        {
            return Unwrap(_typed[parameterName]);
        }

        return DefaultParameterValues.Find(_defaults, _commandName, parameterName)?.Value is { } value ? Unwrap(value) : null;
    }

    private static object? Unwrap(object? value) => value is PSObject wrapped ? wrapped.BaseObject : value;

    private static Hashtable? ReadSession()
    {
        var result = ScriptBlock.Create(ReadSessionScript).Invoke();
        return result.Count == 1 ? result[0]?.BaseObject as Hashtable : null;
    }
}
