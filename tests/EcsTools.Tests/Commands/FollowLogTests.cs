using System;
using System.Linq;
using EcsTools.Tests.Host;
using Xunit;

namespace EcsTools.Tests.Commands;

/// <summary>-FollowLog of Start-EcsTask -Wait and Wait-EcsTask in the test host, against LocalEcs's scripted batch job.</summary>
public sealed class FollowLogTests
{
    private static readonly string[] s_batchLines = ["Starting nightly batch", "Processed 1200 records", "Processed 2400 records", "Batch complete: 2400 records"];

    [Theory]
    [InlineData("Start-EcsTask batch -Cluster demo -LaunchType EC2 -Wait")]
    [InlineData("Start-EcsTask batch -Cluster demo -LaunchType EC2 | Wait-EcsTask")]
    public async System.Threading.Tasks.Task The_last_line_that_reaches_CloudWatch_after_the_task_stopped_is_shown_before_the_task(string command)
    {
        // The job's last line reaches CloudWatch 1.5 s after it was written, so after the task has stopped: the read that
        // follows STOPPED misses it, and the wait must read on before it writes the task.
        await using var host = await LocalEcsHost.StartAsync(logLineDelay: m => m.StartsWith("Batch complete", StringComparison.Ordinal) ? TimeSpan.FromSeconds(1.5) : TimeSpan.Zero);
        var result = host.Run($"{command} -FollowLog -PollInterval 0.2 6>&1 | ForEach-Object {{ if ($_ -is [System.Management.Automation.InformationRecord]) {{ 'line: ' + $_.MessageData.Message }} else {{ 'task: ' + $_.LastStatus }} }}")
            .EnsureSuccess();
        var shown = result.Output.Select(o => (string)o.BaseObject).ToList();
        Assert.Equal(s_batchLines.Length + 1, shown.Count);
        Assert.All(shown.Take(s_batchLines.Length).Zip(s_batchLines), p => Assert.EndsWith("] " + p.Second, p.First, StringComparison.Ordinal));
        Assert.Equal("task: STOPPED", shown[^1]);
    }

    [Fact]
    public async System.Threading.Tasks.Task A_failed_task_followed_by_its_log_has_its_task_definition_described_once()
    {
        // -FollowLog reads where the containers log, the wait which are essential: one DescribeTaskDefinition serves both.
        await using var host = await LocalEcsHost.StartAsync();
        var result = host.Run("Start-EcsTask batch-fail -Cluster demo -LaunchType EC2 -Wait -FollowLog -PollInterval 0.2 -InformationAction Ignore");
        Assert.Equal("TaskFailed,EcsTools.Commands.StartEcsTaskCommand", result.FirstError?.FullyQualifiedErrorId);
        Assert.Single(host.Server.RequestsFor("DescribeTaskDefinition"));
    }
}
