using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Threading.Tasks;
using EcsTools.Hosting;
using EcsTools.LocalEcs;

namespace EcsTools.HelpBuilder.Examples;

/// <summary>
/// Runs the examples of the help pages as a user would type them at a console of 120 columns with EcsTools imported,
/// against one LocalEcs server with the demo scene. Before each example the server is reset: same scene, random source
/// restarted from a fixed seed, clock back at a fixed time (and stepping per request), so that an example makes the
/// same ids, states and times on every run. What the console would show is returned as text: Out-Default's
/// formatting of the output through the module's format views, with errors, warnings and what-if messages in place.
/// </summary>
public sealed class DocsExampleRunner : IAsyncDisposable
{
    /// <summary>The console width examples are formatted for.</summary>
    public const int Width = 120;

    public const int RandomSeed = 4566;

    /// <summary>
    /// The examples run as written; the runner only makes waits poll faster than the 2-second default (the clock moves
    /// per request, so it changes nothing else) and points the cmdlets at LocalEcs. ($PSStyle is left alone: it is one
    /// for the whole process; the host drops the escapes of colored headers.)
    /// </summary>
    private const string Preamble = """
        $PSDefaultParameterValues['*-Ecs*:EndpointUrl'] = $args[0]
        $PSDefaultParameterValues['*-Ecs*:Region'] = 'us-east-1'
        $PSDefaultParameterValues['*-Ecs*:AccessKey'] = 'AKIDEXAMPLE'
        $PSDefaultParameterValues['*-Ecs*:SecretKey'] = 'example-secret-key'
        $PSDefaultParameterValues['Wait-EcsTask:PollInterval'] = 0.02
        $PSDefaultParameterValues['*-EcsTaskSet:PollInterval'] = 0.02
        $PSDefaultParameterValues['Get-EcsTaskLog:PollInterval'] = { param($binding) if ($binding.BoundParameters.Contains('Follow')) { 0.02 } }
        $PSDefaultParameterValues['Start-EcsTask:PollInterval'] = {
            param($binding)
            if ($binding.BoundParameters.Contains('Wait') -or $binding.BoundParameters.Contains('WaitUntil')) { 0.02 }
        }
        """;

    private const string ShownVariable = "EcsToolsDocsShownErrors";

    private readonly DocsSteppingClock _clock;
    private readonly string _moduleManifest;

    private DocsExampleRunner(LocalEcsServer server, DocsSteppingClock clock, string moduleManifest)
    {
        Server = server;
        _clock = clock;
        _moduleManifest = moduleManifest;
    }

    public LocalEcsServer Server { get; }

    /// <summary>Starts LocalEcs for the examples, which import the module from <paramref name="moduleManifest"/>.</summary>
    public static async Task<DocsExampleRunner> StartAsync(string moduleManifest)
    {
        ArgumentNullException.ThrowIfNull(moduleManifest);
        var clock = new DocsSteppingClock(TimeSpan.FromSeconds(1));
        var server = await LocalEcsServer.StartAsync(new LocalEcsOptions
        {
            Scene = LocalEcsScenes.Demo,
            RandomSeed = RandomSeed,
            TimeProvider = clock,
            StepInterval = TimeSpan.FromSeconds(1),
        }).ConfigureAwait(false);
        return new DocsExampleRunner(server, clock, moduleManifest);
    }

    public ValueTask DisposeAsync() => Server.DisposeAsync();

    /// <summary>Runs an example's code in a fresh runspace against a freshly reset LocalEcs; returns what the console showed.</summary>
    public DocsExampleResult Run(string code)
    {
        _clock.Reset();
        Server.Reset();
        var host = ConsoleHost.ForTranscript(Width);
        using var runspace = RunspaceFactory.CreateRunspace(host, InitialSessionState.CreateDefault2());
        runspace.Open();
        using (var setup = PowerShell.Create())
        {
            setup.Runspace = runspace;
            setup.AddCommand("Import-Module").AddParameter("Name", _moduleManifest).AddParameter("ErrorAction", ActionPreference.Stop);
            setup.AddStatement().AddScript(Preamble).AddArgument(Server.Endpoint.ToString().TrimEnd('/'));
            setup.Invoke();
        }

        // The errors and warnings that reach the console, on their way to Out-Default (not those a try/catch or
        // -ErrorAction SilentlyContinue kept from it).
        var shown = new List<string>();
        runspace.SessionStateProxy.SetVariable(ShownVariable, shown);
        using var ps = PowerShell.Create();
        ps.Runspace = runspace;
        ps.AddScript(code);
        ps.Commands.Commands[0].MergeMyResults(PipelineResultTypes.All, PipelineResultTypes.Output);
        ps.AddCommand("ForEach-Object").AddArgument(ScriptBlock.Create(
            $"if ($_ -is [System.Management.Automation.ErrorRecord] -or $_ -is [System.Management.Automation.WarningRecord]) {{ ${ShownVariable}.Add([string]$_) }}; $_"));
        ps.AddCommand("Out-Default");
        Exception? terminating = null;
        try
        {
            ps.Invoke();
        }
        catch (RuntimeException e)
        {
            terminating = e;
        }

        return new DocsExampleResult(host.Text, shown, terminating?.Message);
    }
}
