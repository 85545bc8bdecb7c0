using System;
using System.Linq;
using EcsTools.Tests.Host;
using Xunit;

namespace EcsTools.Tests.Commands;

/// <summary>Get-EcsTaskLog in the test host, against LocalEcs's scripted containers (the demo's batch job).</summary>
public sealed class GetEcsTaskLogTests
{
    private static readonly string[] s_batchLines = ["Starting nightly batch", "Processed 1200 records", "Processed 2400 records", "Batch complete: 2400 records"];

    [Fact]
    public async System.Threading.Tasks.Task Follow_reads_on_a_task_that_has_just_stopped_for_its_last_line_that_arrives_late()
    {
        // The job's last line reaches CloudWatch 1.5 s after it was written, so after the task has stopped (a few 50 ms
        // steps after the line): a single read right after the wait would miss it.
        await using var host = await LocalEcsHost.StartAsync(logLineDelay: m => m.StartsWith("Batch complete", StringComparison.Ordinal) ? TimeSpan.FromSeconds(1.5) : TimeSpan.Zero);
        var task = host.Run("Start-EcsTask batch -Cluster demo -LaunchType EC2 -Wait").EnsureSuccess().Output.Single();
        var result = host.Run("$args[0] | Get-EcsTaskLog -Follow -PollInterval 0.2", task).EnsureSuccess();
        Assert.Equal(s_batchLines, result.Output.Select(o => (string)((dynamic)o).Message));
    }

    [Theory]
    [InlineData("600")]
    [InlineData("0.001")]
    [InlineData("01:00:00")]
    public async System.Threading.Tasks.Task A_poll_interval_outside_the_waits_range_is_refused_before_anything_is_sent(string interval)
    {
        await using var host = await LocalEcsHost.StartAsync();
        var error = host.Run($"Get-EcsTaskLog 0123456789abcdef0123456789abcdef -Cluster demo -Follow -PollInterval {interval}").FirstError;
        Assert.NotNull(error);
        Assert.Equal("InvalidPollInterval,EcsTools.Commands.GetEcsTaskLogCommand", error.FullyQualifiedErrorId);
        Assert.Contains("5 minutes", error.Exception.Message, StringComparison.Ordinal);
        Assert.Empty(host.Server.Requests);
    }
}
