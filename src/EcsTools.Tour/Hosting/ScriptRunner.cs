using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace EcsTools.Tour.Hosting;

/// <summary>Runs one script in the real PowerShell engine, its output through the module's format views, and returns its exit code.</summary>
internal static class ScriptRunner
{
    public static int Run(string scriptPath, IReadOnlyList<string> scriptArguments, string? moduleManifest, int width)
    {
        var host = new ConsoleHost(width);
        using var runspace = RunspaceFactory.CreateRunspace(host, InitialSessionState.CreateDefault2());
        runspace.Open();
        if (Console.IsOutputRedirected)
        {
            // Plain text when the output goes to a file or another program (tests read it).
            using var plain = PowerShell.Create();
            plain.Runspace = runspace;
            plain.AddScript("$PSStyle.OutputRendering = 'PlainText'").Invoke();
        }

        if (moduleManifest is not null)
        {
            using var import = PowerShell.Create();
            import.Runspace = runspace;
            import.AddCommand("Import-Module").AddParameter("Name", moduleManifest).AddParameter("ErrorAction", ActionPreference.Stop);
            try
            {
                import.Invoke();
            }
            catch (RuntimeException e)
            {
                Console.Error.WriteLine($"Import-Module {moduleManifest} failed: {e.Message}");
                return 2;
            }
        }

        using var ps = PowerShell.Create();
        ps.Runspace = runspace;
        ps.AddCommand(Path.GetFullPath(scriptPath));
        foreach (var argument in scriptArguments)
        {
            ps.AddArgument(argument);
        }

        ps.Commands.Commands[0].MergeMyResults(PipelineResultTypes.All, PipelineResultTypes.Output);
        ps.AddCommand("Out-Default");
        try
        {
            ps.Invoke();
        }
        catch (RuntimeException e)
        {
            Console.Out.WriteLine(e.ErrorRecord?.ToString() ?? e.Message);
            return 1;
        }

        if (host.ExitCode is { } hostExit)
        {
            return hostExit;
        }

        return runspace.SessionStateProxy.GetVariable("LASTEXITCODE") is int exitCode ? exitCode : ps.HadErrors ? 1 : 0;
    }

    public static string[] Rest(string[] args, int start) => args.Skip(start).ToArray();
}
