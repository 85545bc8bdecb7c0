using System;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using EcsTools.Hosting;
using EcsTools.Tests.Host;

namespace EcsTools.Tests.Console;

/// <summary>
/// Runs a script as a user at a console of a given width would: a host with a user interface (so PowerShell may prompt,
/// and a prompt shows in the text), EcsTools imported, the cmdlets pointed at an endpoint, and the output through
/// Out-Default and the module's views. Returns what the console showed.
/// </summary>
internal static class ConsoleRun
{
    private const string Preamble = """
        $PSDefaultParameterValues['*-Ecs*:EndpointUrl'] = $args[0]
        $PSDefaultParameterValues['*-Ecs*:Region'] = 'us-east-1'
        $PSDefaultParameterValues['*-Ecs*:AccessKey'] = 'AKIDEXAMPLE'
        $PSDefaultParameterValues['*-Ecs*:SecretKey'] = 'example-secret-key'
        """;

    /// <summary>The text a console of <paramref name="width"/> columns shows for <paramref name="script"/>.</summary>
    public static string Text(Uri endpoint, string script, int width = 120, params object?[] args)
    {
        var host = ConsoleHost.ForTranscript(width);
        using var runspace = RunspaceFactory.CreateRunspace(host, InitialSessionState.CreateDefault2());
        runspace.Open();
        using (var setup = PowerShell.Create())
        {
            setup.Runspace = runspace;
            setup.AddCommand("Import-Module").AddParameter("Name", TestPaths.ModuleManifest).AddParameter("ErrorAction", ActionPreference.Stop);
            setup.AddStatement().AddScript(Preamble).AddArgument(endpoint.ToString().TrimEnd('/'));
            setup.Invoke();
        }

        using var ps = PowerShell.Create();
        ps.Runspace = runspace;
        ps.AddScript(script);
        foreach (var arg in args)
        {
            ps.AddArgument(arg);
        }

        ps.Commands.Commands[0].MergeMyResults(PipelineResultTypes.All, PipelineResultTypes.Output);
        ps.AddCommand("Out-Default");
        try
        {
            ps.Invoke();
        }
        catch (RuntimeException e)
        {
            return host.Text + "TERMINATING: " + e.Message + "\n";
        }

        return host.Text;
    }
}
