using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Threading;
using System.Threading.Tasks;

namespace EcsTools.Tests.Host;

/// <summary>
/// A runspace of the real PowerShell engine with out/EcsTools/EcsTools.psd1 imported, as a user would import it.
/// Endpoint, region and keys are set as $PSDefaultParameterValues so that tests never touch process-wide environment.
/// </summary>
public sealed class PsSession : IDisposable
{
    private readonly Runspace _runspace;

    private PsSession(Runspace runspace) => _runspace = runspace;

    public static PsSession Create(Uri? endpoint = null, string region = "us-east-1", bool importModule = true)
    {
        var state = InitialSessionState.CreateDefault2();
        var runspace = RunspaceFactory.CreateRunspace(state);
        runspace.Open();
        var session = new PsSession(runspace);
        if (importModule)
        {
            session.Run($"Import-Module '{TestPaths.ModuleManifest}' -ErrorAction Stop").EnsureSuccess();
        }

        if (endpoint is not null)
        {
            session.UseEndpoint(endpoint, region);
        }

        return session;
    }

    public Runspace Runspace => _runspace;

    public void UseEndpoint(Uri endpoint, string region = "us-east-1") =>
        Run(
            "$PSDefaultParameterValues['*-Ecs*:EndpointUrl'] = $args[0]; $PSDefaultParameterValues['*-Ecs*:Region'] = $args[1];"
            + "$PSDefaultParameterValues['*-Ecs*:AccessKey'] = 'AKIDTESTTESTTEST'; $PSDefaultParameterValues['*-Ecs*:SecretKey'] = 'test-secret-key'",
            endpoint.ToString().TrimEnd('/'), region).EnsureSuccess();

    public PsResult Run(string script, params object?[] args) => Run(script, null, args);

    public PsResult Run(string script, IDictionary? variables, params object?[] args)
    {
        using var ps = PowerShell.Create();
        ps.Runspace = _runspace;
        if (variables is not null)
        {
            foreach (DictionaryEntry entry in variables)
            {
                _runspace.SessionStateProxy.SetVariable((string)entry.Key, entry.Value);
            }
        }

        ps.AddScript(script);
        foreach (var arg in args)
        {
            ps.AddArgument(arg);
        }

        Collection(ps, out var output, out var terminating);
        return new PsResult(
            output,
            ps.Streams.Error.ToList(),
            ps.Streams.Verbose.Select(v => v.Message).ToList(),
            ps.Streams.Progress.ToList(),
            ps.Streams.Warning.Select(w => w.Message).ToList(),
            terminating);
    }

    /// <summary>Starts a script and returns the PowerShell instance, for tests that stop it from another thread.</summary>
    public (PowerShell Shell, Task<PsResult> Completion) Start(string script, params object?[] args)
    {
        var ps = PowerShell.Create();
        ps.Runspace = _runspace;
        ps.AddScript(script);
        foreach (var arg in args)
        {
            ps.AddArgument(arg);
        }

        // On a thread of its own (the synchronous Invoke blocks it for the whole command), not on one the pool needs.
        var completion = Task.Factory.StartNew(() =>
        {
            Collection(ps, out var output, out var terminating);
            return new PsResult(output, ps.Streams.Error.ToList(), ps.Streams.Verbose.Select(v => v.Message).ToList(),
                ps.Streams.Progress.ToList(), ps.Streams.Warning.Select(w => w.Message).ToList(), terminating);
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        return (ps, completion);
    }

    public void Dispose() => _runspace.Dispose();

    private static void Collection(PowerShell ps, out IReadOnlyList<PSObject> output, out Exception? terminating)
    {
        terminating = null;
        try
        {
            output = ps.Invoke().ToList();
        }
        catch (RuntimeException e)
        {
            terminating = e;
            output = [];
        }
    }
}
