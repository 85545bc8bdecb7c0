using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Xunit;

namespace EcsTools.Tests.Tour;

/// <summary>
/// The tour, as `dotnet run --project src/EcsTools.Tour` runs it (here with a fast LocalEcs step): every step runs,
/// its output goes through the module's format views, the failures it shows are errors with their ids, the blue/green
/// deployment reaches STEADY_STATE, and the process exits with 0.
/// </summary>
public sealed class TourTests
{
    private const string TaskHeader = "TaskId                           TaskDefinition   LastStatus     ExitCodes      Desired Capacity     Cluster";
    private const string TaskSetHeader = "Id                          Status   Stability    Scale Desired Running Pending TaskDefinition     Service";

    [Fact]
    public async Task The_tour_runs_from_start_to_finish_through_the_format_views()
    {
        var run = await TourRun.StartAsync("--step", TourRun.FastStep);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("LocalEcs is running at http://127.0.0.1:", run.Output);
        var steps = run.Lines.Where(l => l.StartsWith("== ", System.StringComparison.Ordinal)).ToList();
        Assert.Equal(13, steps.Count);
        Assert.Equal("== Done", steps[^1]);
        Assert.DoesNotContain("\u001b[", run.Output, System.StringComparison.Ordinal);

        // Tables of the EcsTask and EcsTaskSet views, one per step that outputs objects, but for the two steps that show
        // the capacity provider with Format-Table.
        Assert.Equal(7, run.Lines.Count(l => l == TaskHeader));
        Assert.Equal(4, run.Lines.Count(l => l == TaskSetHeader));
        Assert.Contains(run.Lines, l => Regex.IsMatch(l, @"^[0-9a-f]{32} web:1 +PROVISIONING +RUNNING +EC2 +demo$"));
        Assert.Contains(run.Lines, l => Regex.IsMatch(l, @"^[0-9a-f]{32} fargate-web:1 +RUNNING +RUNNING +FARGATE(_SPOT)? +demo$"));
        Assert.Contains(run.Lines, l => Regex.IsMatch(l, @"^[0-9a-f]{32} batch:1 +STOPPED +job=0 +STOPPED +EC2 +demo$"));
        Assert.Contains(run.Lines, l => Regex.IsMatch(l, @"^[0-9a-f]{32} batch-fail:1 +STOPPED +job=2 +STOPPED +EC2 +demo$"));
        Assert.Equal(5, run.Lines.Count(l => Regex.IsMatch(l, @"^[0-9a-f]{32} (web|fargate-web):1 +STOPPED +web=143 +STOPPED +(EC2|FARGATE|FARGATE_SPOT) +demo$")));
        Assert.Equal(2, run.Lines.Count(l => l == "TaskId                           Family      CapacityProvider LaunchType"));
        Assert.Contains(run.Lines, l => Regex.IsMatch(l, @"^[0-9a-f]{32} fargate-web FARGATE_SPOT +FARGATE$"));
        Assert.Contains(run.Lines, l => Regex.IsMatch(l, @"^[0-9a-f]{32} fargate-web FARGATE +FARGATE$"));

        // The failures, as errors with their ids.
        Assert.Contains("All 3 have the id InsufficientResources,EcsTools.Commands.StartEcsTaskCommand;", run.Output);
        Assert.Equal(3, run.Lines.Count(l => Regex.IsMatch(l, "^[0-9a-f]{32} RESOURCE:MEMORY$")));
        Assert.Contains("Error id: TaskFailed,EcsTools.Commands.StartEcsTaskCommand  (category InvalidResult)", run.Output);
        Assert.Contains("essential container(s) 'job' exited", run.Output);
        Assert.Contains("Error id: TaskFailedToStart,EcsTools.Commands.StartEcsTaskCommand  (category ResourceUnavailable)", run.Output);
        Assert.Contains("CannotPullContainerError", run.Output);

        // The output through Sort-Object, Select-Object, Group-Object and ConvertTo-Json: the eight stopped tasks, the last
        // one stopped first; counted by how they ended; the batch job as JSON.
        var stopped = run.Lines.SkipWhile(l => !l.StartsWith("Stopped  Family", System.StringComparison.Ordinal)).Skip(2).TakeWhile(l => l.Length > 0).ToList();
        Assert.Equal(8, stopped.Count);
        Assert.All(stopped, l => Assert.Matches(@"^\d\d:\d\d:\d\d (web|fargate-web|batch|batch-fail|bad-image) ", l));
        Assert.Equal(stopped.OrderByDescending(l => l[..8], System.StringComparer.Ordinal), stopped);
        Assert.Matches(@"^\d\d:\d\d:\d\d batch +EssentialContainerExited job=0$", stopped[^1]);
        Assert.Contains("    3 web, UserInitiated", run.Lines);
        Assert.Contains("    1 batch-fail, EssentialContainerExited", run.Lines);
        var jsonStart = run.Lines.ToList().IndexOf("{");
        Assert.True(jsonStart > 0, run.ToString());
        var jsonText = string.Join('\n', run.Lines.Skip(jsonStart).TakeWhile(l => l != "}")) + "\n}";
        using (var json = System.Text.Json.JsonDocument.Parse(jsonText))
        {
            var batch = json.RootElement;
            Assert.EndsWith(":task-definition/batch:1", batch.GetProperty("TaskDefinitionArn").GetString(), System.StringComparison.Ordinal);
            Assert.Equal("STOPPED", batch.GetProperty("LastStatus").GetString());
            var container = Assert.Single(batch.GetProperty("Containers").EnumerateArray().ToList());
            Assert.Equal("job", container.GetProperty("Name").GetString());
            Assert.Equal(0, container.GetProperty("ExitCode").GetInt32());
        }

        // The deployment: blue and green reach STEADY_STATE, blue is drained, green is left as the primary task set.
        var sets = run.Lines.Where(l => Regex.IsMatch(l, @"^ecs-svc/\d+ .* checkout$")).ToList();
        Assert.Equal(4, sets.Count);
        Assert.Matches(@"PRIMARY +STEADY_STATE +100 +4 +4 +0 fargate-web:1 +checkout$", sets[0]);
        Assert.Matches(@"PRIMARY +STEADY_STATE +100 +4 +4 +0 fargate-web:1 +checkout$", sets[1]);
        Assert.Matches(@"DRAINING +STEADY_STATE +0 +0 +0 +0 fargate-web:1 +checkout$", sets[2]);
        Assert.Equal(sets[1], sets[3]);
        Assert.NotEqual(sets[0][..27], sets[1][..27]);
        Assert.Matches(@"Blue is ecs-svc/\d+ with the launch type FARGATE, green ecs-svc/\d+ with the capacity provider strategy FARGATE_SPOT \(weight 1, base 0\)\.",
            Regex.Replace(run.Output, @"\s+", " "));

        // Progress reaches stderr as the engine reports it (the batch job runs 3 s: its wait reports several times).
        Assert.True(run.Lines.Count(l => l.StartsWith("[Waiting for 1 ECS task(s) to be STOPPED] 0 of 1 done; waiting: RUNNING 1;", System.StringComparison.Ordinal)) > 1,
            run.ToString());
        Assert.Contains("to reach STEADY_STATE] STABILIZING", run.Output);
    }

    [Fact]
    public async Task At_80_columns_the_titles_and_notes_are_wrapped_to_the_width()
    {
        var run = await TourRun.StartAsync("--step", TourRun.FastStep, "--width", "80");

        Assert.True(run.ExitCode == 0, run.ToString());
        var titles = run.Lines.Where(l => l.StartsWith("== ", System.StringComparison.Ordinal)).ToList();
        Assert.Equal(13, titles.Count);
        Assert.Contains("== 1. Start-EcsTask with a launch type: RunTask, launchType EC2, two tasks of", titles);
        Assert.Contains("   'web'", run.Lines);

        // Titles and notes (three spaces, then a letter) fit in 79 columns, unless one word alone is longer (an ARN).
        var text = run.Lines.Where(l => l.StartsWith("== ", System.StringComparison.Ordinal) || Regex.IsMatch(l, "^   [A-Za-z'(]")).ToList();
        Assert.True(text.Count > 40, run.ToString());
        Assert.All(text, l => Assert.True(l.Length <= 79 || !l[3..].Contains(' ', System.StringComparison.Ordinal), l));
        Assert.Contains(run.Lines, l => l.StartsWith("   arn:aws:ecs:us-east-1:123456789012:container-instance/demo/", System.StringComparison.Ordinal));
    }
}
