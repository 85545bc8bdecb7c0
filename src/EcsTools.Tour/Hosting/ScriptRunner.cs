using System;
using System.IO;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using EcsTools.Hosting;

namespace EcsTools.Tour.Hosting;

/// <summary>
/// Runs one script in the real PowerShell engine, every stream through Out-Default (so objects get the module's format
/// views and errors their usual view), and returns its exit code as pwsh -File would: N if it ended with <c>exit N</c>,
/// 1 if a terminating error ended it, else 0. Ctrl+C stops the pipeline (130).
/// </summary>
internal static class ScriptRunner
{
    public const int Stopped = 130;

    private const string CompletedVariable = "EcsToursScriptCompleted";

    public static int Run(ScriptRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var host = ConsoleHost.ForTerminal(run.Width);
        InitialSessionState state;
        try
        {
            state = EngineState.Create();
        }
        catch (FileNotFoundException e)
        {
            Console.Error.WriteLine(e.Message);
            return 1;
        }

        using var runspace = RunspaceFactory.CreateRunspace(host, state);
        try
        {
            runspace.Open();
        }
        catch (RunspaceOpenModuleLoadException e)
        {
            Console.Error.WriteLine($"The PowerShell engine did not open ({EngineState.PSHome}): {e.Message}");
            return 1;
        }

        if (run.ModuleManifest is not null)
        {
            try
            {
                Invoke(runspace, "Import-Module -Name $args[0] -ErrorAction Stop", run.ModuleManifest);
            }
            catch (RuntimeException e)
            {
                Console.Error.WriteLine($"Import-Module {run.ModuleManifest} failed: {e.Message}");
                return 1;
            }
        }

        if (run.Prelude is not null)
        {
            Invoke(runspace, run.Prelude);
        }

        using var ps = PowerShell.Create();
        ps.Runspace = runspace;
        // $? after the script is false when it ended with exit N (N not 0): $LASTEXITCODE is then its code. When it ran
        // to its end, $LASTEXITCODE may still hold the code of something it called, and the exit code is 0, as with pwsh -File.
        ps.AddScript(ScriptArguments.Invocation(run.Script, run.Arguments) + Environment.NewLine + $"$global:{CompletedVariable} = $?");

        // Errors, warnings, verbose and debug messages go through Out-Default in order with the output. The information
        // stream is left to the engine, which shows Write-Host's records on the host with their colors.
        foreach (var stream in new[] { PipelineResultTypes.Error, PipelineResultTypes.Warning, PipelineResultTypes.Verbose, PipelineResultTypes.Debug })
        {
            ps.Commands.Commands[0].MergeMyResults(stream, PipelineResultTypes.Output);
        }
        ps.AddCommand("Out-Default");
        var stopping = false;
        void OnCancel(object? sender, ConsoleCancelEventArgs e)
        {
            if (!stopping)
            {
                // The first Ctrl+C stops the script as pwsh would (waits end at once); a second one ends the process.
                stopping = true;
                e.Cancel = true;
                ps.BeginStop(null, null);
            }
        }

        Console.CancelKeyPress += OnCancel;
        try
        {
            ps.Invoke();
        }
        catch (PipelineStoppedException)
        {
            stopping = true;
        }
        catch (RuntimeException e)
        {
            // A terminating error: shown as pwsh shows it, through the error view.
            Show(runspace, e.ErrorRecord);
            return 1;
        }
        finally
        {
            Console.CancelKeyPress -= OnCancel;
            host.FinishProgress();
        }

        if (stopping)
        {
            Console.Error.WriteLine("Stopped (Ctrl+C).");
            return Stopped;
        }

        if (host.ExitCode is { } hostExit)
        {
            return hostExit;
        }

        var completed = runspace.SessionStateProxy.GetVariable(CompletedVariable) is true;
        return !completed && runspace.SessionStateProxy.GetVariable("LASTEXITCODE") is int exitCode ? exitCode : 0;
    }

    private static void Invoke(Runspace runspace, string script, params object[] arguments)
    {
        using var ps = PowerShell.Create();
        ps.Runspace = runspace;
        ps.AddScript(script);
        foreach (var argument in arguments)
        {
            ps.AddArgument(argument);
        }

        ps.Invoke();
    }

    private static void Show(Runspace runspace, ErrorRecord record)
    {
        using var ps = PowerShell.Create();
        ps.Runspace = runspace;
        ps.AddCommand("Out-Default");
        ps.Invoke(new object[] { record });
    }
}
