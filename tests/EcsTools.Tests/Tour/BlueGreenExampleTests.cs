using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Xunit;

namespace EcsTools.Tests.Tour;

/// <summary>examples/blue-green.ps1: a first deployment, then one whose green does not become stable and is rolled back.</summary>
public sealed class BlueGreenExampleTests
{
    [Fact]
    public async Task A_first_deployment_makes_green_primary_and_exits_0()
    {
        var run = await TourRun.StartAsync("--step", TourRun.FastStep, "blue-green", "-ExternalId", "release-1");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Service checkout has no primary task set: this is its first deployment.", run.Lines);
        Assert.Contains("Deployed release-1 to checkout.", run.Lines);
        Assert.Single(run.Lines, l => Regex.IsMatch(l, @"^ecs-svc/\d+ +PRIMARY +STEADY_STATE +100 +4 +4 +0 fargate-web:1 +checkout$"));
    }

    [Fact]
    public async Task Green_that_is_not_stable_in_time_is_removed_and_blue_stays_primary()
    {
        // A slow clock (tasks need 1.5 s to reach RUNNING) and a 1 s timeout for green.
        var run = await TourRun.ScriptAsync("""
            & "$examples/blue-green.ps1" -ExternalId blue; "exit=$LASTEXITCODE"
            & "$examples/blue-green.ps1" -ExternalId green -Timeout 1; "exit=$LASTEXITCODE"
            Get-EcsTaskSet -Cluster demo -Service checkout | ForEach-Object { "set=$($_.ExternalId) $($_.Status) $($_.Scale)" }
            """, step: "500ms");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(["0", "1"], run.Values("exit="));
        Assert.Contains("did not reach STEADY_STATE within 1", run.Output);
        Assert.Contains(run.Lines, l => Regex.IsMatch(l, @"^Rolling back: removing green \(ecs-svc/\d+\) and its tasks\.$"));
        Assert.Contains(run.Lines, l => Regex.IsMatch(l, @"^Blue \(ecs-svc/\d+\) is still the primary task set: nothing changed for production\.$"));
        Assert.Equal(["blue PRIMARY 100"], run.Values("set="));
    }
}
