using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace EcsTools.Tests.Tour;

/// <summary>
/// The tour host as a script runner: exit codes as pwsh -File gives them, script arguments bound as pwsh -File binds
/// them, the Write-* cmdlets of the engine it hosts, the poll defaults it sets for LocalEcs, and its
/// command line (--list, --help, mistakes).
/// </summary>
public sealed class TourHostTests
{
    [Fact]
    public async Task Arguments_are_bound_as_by_pwsh_File_and_exit_N_is_the_exit_code()
    {
        var script = Path.Combine(Path.GetTempPath(), $"ecstools-arguments-{Guid.NewGuid():N}.ps1");
        await File.WriteAllTextAsync(script, """
            param([string] $Name, [int] $Count, [switch] $Flag, [int] $Code, [string[]] $Rest)
            "name=$Name"; "count=$($Count + 1)"; "flag=$Flag"; "rest=$($Rest -join '|')"
            exit $Code
            """);
        TourRun run;
        try
        {
            run = await TourRun.StartAsync("--step", TourRun.FastStep, "--", script, "-Name", "it's $(not run)", "-Count:-3", "-Flag", "-Code", "3", "-Rest", "-5");
        }
        finally
        {
            File.Delete(script);
        }

        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.Equal(["it's $(not run)"], run.Values("name="));
        Assert.Equal(["-2"], run.Values("count="));
        Assert.Equal(["True"], run.Values("flag="));
        Assert.Equal(["-5"], run.Values("rest="));
    }

    [Fact]
    public async Task Non_terminating_errors_exit_0_and_the_Write_cmdlets_and_poll_defaults_are_there()
    {
        var run = await TourRun.ScriptAsync("""
            Write-Host 'host' -ForegroundColor Cyan
            Write-Output 'output'
            Write-Warning 'warning'
            Write-Verbose 'verbose' -Verbose
            Write-Information 'information' -InformationAction Continue
            Write-Error 'not terminating'
            "poll=$($PSDefaultParameterValues['Wait-EcsTask:PollInterval'])"
            $task = Start-EcsTask batch -Cluster demo -LaunchType EC2 -WaitUntil Running -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -like 'Waiting for*' }
            "wait=$task"
            """);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(["host", "output", "WARNING: warning", "VERBOSE: verbose", "information"], run.Lines.Take(5));
        Assert.Contains("Write-Error: ", run.Output);
        Assert.Contains("not terminating", run.Output);
        Assert.Equal(["00:00:00.0125000"], run.Values("poll="));
        Assert.StartsWith("Waiting for 1 task(s) to be RUNNING: polling every 0.01", Assert.Single(run.Values("wait=")));
    }

    [Fact]
    public async Task Scripts_sort_select_and_convert_our_output_with_the_Utility_cmdlets_of_pwsh()
    {
        var run = await TourRun.ScriptAsync("""
            $ErrorActionPreference = 'Stop'
            "source=$((Get-Command Select-Object, Sort-Object, ConvertTo-Json, Format-Table, Get-ChildItem).Source -join ',')"
            "pshome=$((Get-Module Microsoft.PowerShell.Utility).Path -eq (Join-Path $PSHOME Modules/Microsoft.PowerShell.Utility/Microsoft.PowerShell.Utility.psd1))"
            "autoload=$((ConvertTo-SecureString 'x' -AsPlainText -Force).GetType().Name)"
            $tasks = Start-EcsTask web -Cluster demo -LaunchType EC2 -Count 3
            "ids=$(($tasks.TaskId | ForEach-Object { $_ }) -join ',')"
            $json = $tasks | Sort-Object TaskId -Descending | Select-Object TaskId, Family, LaunchType, DesiredStatus | ConvertTo-Json -Compress
            "json=$json"
            $tasks | Format-Table TaskId, LaunchType -HideTableHeaders
            """);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(["Microsoft.PowerShell.Utility,Microsoft.PowerShell.Utility,Microsoft.PowerShell.Utility,Microsoft.PowerShell.Utility,Microsoft.PowerShell.Management"],
            run.Values("source="));
        Assert.Equal(["True"], run.Values("pshome="));
        Assert.Equal(["SecureString"], run.Values("autoload="));

        var ids = Assert.Single(run.Values("ids=")).Split(',');
        Assert.Equal(3, ids.Length);
        using var json = System.Text.Json.JsonDocument.Parse(Assert.Single(run.Values("json=")));
        var tasks = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(ids.OrderByDescending(i => i, StringComparer.Ordinal), tasks.Select(t => t.GetProperty("TaskId").GetString()));
        Assert.All(tasks, t =>
        {
            Assert.Equal(["TaskId", "Family", "LaunchType", "DesiredStatus"], t.EnumerateObject().Select(p => p.Name));
            Assert.Equal("web", t.GetProperty("Family").GetString());
            Assert.Equal("EC2", t.GetProperty("LaunchType").GetString());
            Assert.Equal("RUNNING", t.GetProperty("DesiredStatus").GetString());
        });
        Assert.All(ids, id => Assert.Contains(run.Lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, $"^{id} +EC2$")));
    }

    [Fact]
    public async Task A_terminating_error_exits_1_and_is_shown_as_pwsh_shows_it()
    {
        var run = await TourRun.ScriptAsync("""
            'before'
            Start-EcsTask web -Cluster nope -LaunchType EC2 -ErrorAction Stop
            'after'
            """);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("before", run.Lines);
        Assert.DoesNotContain("after", run.Lines);
        Assert.Contains("Start-EcsTask: ", run.Output);
        Assert.Contains("Cluster not found.", run.Output);
    }

    [Fact]
    public async Task List_help_and_mistakes_on_the_command_line()
    {
        var list = await TourRun.StartAsync("--list");
        Assert.True(list.ExitCode == 0, list.ToString());
        var examples = list.Lines.Skip(1).Where(l => l.StartsWith("  ", StringComparison.Ordinal)).Select(l => l.Trim().Split(' ')[0]).ToList();
        Assert.Equal(["tour", "blue-green", "nightly-batch", "run-migration"], examples);
        Assert.Contains(list.Lines, l => l.TrimStart().StartsWith("run-migration", StringComparison.Ordinal) && l.Contains("exits with its exit code", StringComparison.Ordinal));

        var help = await TourRun.StartAsync("--help");
        Assert.True(help.ExitCode == 0, help.ToString());
        Assert.Contains("Usage: dotnet run --project src/EcsTools.Tour -- [options] [script [script arguments...]]", help.Output);

        var unknownOption = await TourRun.StartAsync("--nope");
        Assert.True(unknownOption.ExitCode == 64, unknownOption.ToString());
        Assert.Contains("Unknown option --nope.", unknownOption.Output);

        var badStep = await TourRun.StartAsync("--step", "fast");
        Assert.True(badStep.ExitCode == 64, badStep.ToString());
        Assert.Contains("--step 'fast' is not a duration", badStep.Output);

        var unknownScript = await TourRun.StartAsync("no-such-example");
        Assert.True(unknownScript.ExitCode == 64, unknownScript.ToString());
        Assert.Contains("The script 'no-such-example' does not exist", unknownScript.Output);
        Assert.Contains("The examples: tour, blue-green, nightly-batch, run-migration", unknownScript.Output);
    }
}
