using System.Threading.Tasks;
using Xunit;

namespace EcsTools.Tests.Tour;

/// <summary>examples/run-migration.ps1: the exit code of the task's container becomes the script's and the process's.</summary>
public sealed class RunMigrationExampleTests
{
    [Fact]
    public async Task A_container_that_exits_with_2_makes_the_process_exit_with_2()
    {
        var run = await TourRun.StartAsync("--step", TourRun.FastStep, "run-migration", "-TaskDefinition", "batch-fail");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Matches(@"Started task [0-9a-f]{32} of batch-fail:1 on cluster demo; waiting for it to stop\.", run.Output);
        Assert.Matches(@"Task [0-9a-f]{32} failed: container 'job' exited with code 2\.", run.Output);
    }

    [Fact]
    public async Task Success_exits_0_and_a_task_that_is_not_placed_or_does_not_start_exits_1()
    {
        var run = await TourRun.ScriptAsync("""
            & "$examples/run-migration.ps1"; "exit=$LASTEXITCODE"
            & "$examples/run-migration.ps1" -TaskDefinition bad-image; "exit=$LASTEXITCODE"
            & "$examples/run-migration.ps1" -TaskDefinition big; "exit=$LASTEXITCODE"
            & "$examples/run-migration.ps1" -Cluster nope; "exit=$LASTEXITCODE"
            """);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(["0", "1", "1", "1"], run.Values("exit="));
        Assert.Matches(@"Task [0-9a-f]{32} succeeded: container 'job' exited with code 0\.", run.Output);
        Assert.Matches(@"Task [0-9a-f]{32} failed to start: CannotPullContainerError", run.Output);
        Assert.Contains("No exit code to report (InsufficientResources,EcsTools.Commands.StartEcsTaskCommand): exit code 1.", run.Lines);
        Assert.Contains("No exit code to report (ClusterNotFound,EcsTools.Commands.StartEcsTaskCommand): exit code 1.", run.Lines);
        Assert.Contains("RESOURCE:MEMORY", run.Output);
    }
}
