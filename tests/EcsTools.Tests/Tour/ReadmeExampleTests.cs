using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using EcsTools.Tests.Host;
using Xunit;

namespace EcsTools.Tests.Tour;

/// <summary>README lines a new user copies into a console, run as written (cluster prod becomes the demo scene's cluster).</summary>
public sealed class ReadmeExampleTests
{
    [Fact]
    public async Task The_Get_EcsTask_lines_that_find_the_tasks_of_a_StartedBy_run_as_written()
    {
        var lines = File.ReadAllLines(Path.Combine(TestPaths.RepoRoot, "README.md"))
            .Where(l => l.StartsWith("Get-EcsTask ", StringComparison.Ordinal) && l.Contains("nightly-import", StringComparison.Ordinal))
            .Select(l => l.Replace("-Cluster prod", "-Cluster demo", StringComparison.Ordinal))
            .ToList();
        Assert.Equal(2, lines.Count);
        Assert.All(lines, l => Assert.Contains("-Cluster demo", l, StringComparison.Ordinal));

        // Each line in @( ... ) on lines of their own, so that a trailing comment stays a comment.
        var run = await TourRun.ScriptAsync($$"""
            $ErrorActionPreference = 'Stop'
            $running = Start-EcsTask web -Cluster demo -LaunchType EC2 -StartedBy nightly-import -WaitUntil Running
            $stopped = Start-EcsTask batch -Cluster demo -LaunchType EC2 -StartedBy nightly-import -Wait
            $other = Start-EcsTask batch -Cluster demo -LaunchType EC2 -Wait
            "running=$($running.TaskId)"; "stopped=$($stopped.TaskId)"; "other=$($other.TaskId)"
            $all = @(
            {{lines[0]}}
            )
            "all=$(($all | ForEach-Object { '{0}:{1}' -f $_.TaskId, $_.StartedBy }) -join ' ')"
            $done = @(
            {{lines[1]}}
            )
            "stopped-found=$($done.TaskId -join ' ')"
            """);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.DoesNotContain("StartedByNotAlone", run.Output, StringComparison.Ordinal);
        var running = Assert.Single(run.Values("running="));
        var stopped = Assert.Single(run.Values("stopped="));
        var other = Assert.Single(run.Values("other="));
        var all = Assert.Single(run.Values("all=")).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains($"{running}:nightly-import", all);
        Assert.All(all, t => Assert.EndsWith(":nightly-import", t, StringComparison.Ordinal));
        Assert.DoesNotContain(all, t => t.StartsWith(other, StringComparison.Ordinal));
        Assert.Equal([stopped], run.Values("stopped-found="));
    }
}
