using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Xunit;

namespace EcsTools.Tests.Tour;

/// <summary>examples/nightly-batch.ps1: fan-out with client tokens, failures collected and summarised, exit code 0 or 1.</summary>
public sealed class NightlyBatchExampleTests
{
    [Fact]
    public async Task Failed_shards_are_summarised_and_the_process_exits_1()
    {
        var run = await TourRun.StartAsync("--step", TourRun.FastStep, "nightly-batch", "-TaskDefinition", "batch-fail", "-Shards", "2", "-RunId", "night-1");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("Run night-1: starting 2 shard(s) of batch-fail on cluster demo.", run.Lines);
        Assert.Contains("Run night-1: 0 of 2 shard(s) succeeded.", run.Lines);
        Assert.Equal(2, run.Lines.Count(l => Regex.IsMatch(l, @"^[0-9a-f]{32} batch-fail:1 +STOPPED +job=2 +STOPPED +EC2 +demo$")));
        Assert.Matches(@"  shard 0: task [0-9a-f]{32}: EssentialContainerExited, exit codes job=2 \[TaskFailed,EcsTools.Commands.WaitEcsTaskCommand\]", run.Output);
        Assert.Matches(@"  shard 1: task [0-9a-f]{32}: EssentialContainerExited, exit codes job=2 \[TaskFailed,EcsTools.Commands.WaitEcsTaskCommand\]", run.Output);
    }

    [Fact]
    public async Task A_rerun_of_the_same_night_gets_the_same_tasks_back_and_starts_nothing()
    {
        var run = await TourRun.ScriptAsync("""
            $first = & "$examples/nightly-batch.ps1" -Shards 3 -RunId night-2; "exit=$LASTEXITCODE"
            $again = & "$examples/nightly-batch.ps1" -Shards 3 -RunId night-2; "exit=$LASTEXITCODE"
            "first=$($first.TaskArn -join ',')"
            "again=$($again.TaskArn -join ',')"
            "tasks=$(@(Get-EcsTask -Cluster demo -DesiredStatus STOPPED).Count)"
            exit $LASTEXITCODE
            """);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(["0", "0"], run.Values("exit="));
        var first = Assert.Single(run.Values("first=")).Split(',');
        Assert.Equal(3, first.Distinct().Count());
        Assert.Equal(first, Assert.Single(run.Values("again=")).Split(','));
        Assert.Equal(["3"], run.Values("tasks="));
        Assert.Equal(2, run.Lines.Count(l => l == "Run night-2: 3 of 3 shard(s) succeeded."));
    }
}
