using System;
using System.Linq;
using System.Management.Automation;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using EcsTools.LocalEcs;
using EcsTools.Tests.Host;
using Xunit;

namespace EcsTools.Tests.Commands;

/// <summary>
/// Ctrl+C (PowerShell.Stop) during a -Wait: every task or task set the command created, or was waiting for, and had not
/// written is listed by ARN as a warning before the pipeline stops. LocalEcs runs a slow clock (a lifecycle step of ten
/// minutes), so nothing settles on its own while the test stops the wait.
/// </summary>
public sealed class StopDuringWaitTests
{
    private static readonly TimeSpan s_slowStep = TimeSpan.FromMinutes(10);

    [Fact]
    public async Task Start_EcsTask_Wait_lists_every_started_task_when_stopped_during_the_wait()
    {
        await using var host = await LocalEcsHost.StartAsync(step: s_slowStep);
        var (shell, completion) = host.Session.Start("Start-EcsTask web -Cluster demo -LaunchType EC2 -Count 12 -Wait -PollInterval 0.2");
        using (shell)
        {
            await WaitClocks.Until(() => host.Server.RequestsFor("DescribeTasks").Count >= 2);
            shell.Stop();
            var result = await completion.WaitAsync(TimeSpan.FromSeconds(10));

            Assert.Equal(PSInvocationState.Stopped, shell.InvocationStateInfo.State);
            Assert.Empty(result.Output);
            var started = TaskArns(host.Server);
            Assert.Equal(12, started.Length);
            Assert.Contains(result.Warnings, w => w.StartsWith("Start-EcsTask was stopped before it wrote 12 task(s) it started", StringComparison.Ordinal));
            Assert.All(started, arn => Assert.Contains(result.Warnings, w => w.Contains(arn, StringComparison.Ordinal)));
            Assert.Contains(result.Warnings, w => w.Contains("Stop-EcsTask -Task <ARN>", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Start_EcsTask_Wait_lists_the_tasks_of_earlier_inputs_when_stopped_during_a_later_RunTask()
    {
        await using var host = await LocalEcsHost.StartAsync(step: s_slowStep);
        host.Server.Faults.Add(LocalEcsFault.Slow("RunTask", TimeSpan.Zero)).Add(LocalEcsFaultSpec.Parse("RunTask:slow=forever"));
        var (shell, completion) = host.Session.Start("'web', 'web' | Start-EcsTask -Cluster demo -LaunchType EC2 -Count 2 -Wait");
        using (shell)
        {
            await WaitClocks.Until(() => host.Server.RequestsFor("RunTask").Count >= 2);
            // The second RunTask never answers: only a cancelled request lets Stop return.
            await Task.Run(shell.Stop).WaitAsync(WaitClocks.Bound);
            var result = await completion.WaitAsync(TimeSpan.FromSeconds(10));

            var started = TaskArns(host.Server);
            Assert.Equal(2, started.Length);
            Assert.Contains(result.Warnings, w => w.StartsWith("Start-EcsTask was stopped before it wrote 2 task(s)", StringComparison.Ordinal));
            Assert.All(started, arn => Assert.Contains(result.Warnings, w => w.Contains(arn, StringComparison.Ordinal)));
        }
    }

    [Fact]
    public async Task Wait_EcsTask_lists_the_tasks_it_was_waiting_for()
    {
        await using var host = await LocalEcsHost.StartAsync(step: s_slowStep);
        var arns = GetEcsTaskScenes.Run(host.Server, "web", 3, container: "web");
        var (shell, completion) = host.Session.Start("$args | Wait-EcsTask -Cluster demo -Until Running -PollInterval 0.2".Replace("$args", string.Join(", ", arns.Select(a => $"'{a}'")), StringComparison.Ordinal));
        using (shell)
        {
            await WaitClocks.Until(() => host.Server.RequestsFor("DescribeTasks").Count >= 1);
            shell.Stop();
            var result = await completion.WaitAsync(TimeSpan.FromSeconds(10));

            Assert.Contains(result.Warnings, w => w.StartsWith("Wait-EcsTask was stopped before it wrote 3 task(s) it was waiting for", StringComparison.Ordinal));
            Assert.All(arns, arn => Assert.Contains(result.Warnings, w => w.Contains(arn, StringComparison.Ordinal)));
        }
    }

    [Fact]
    public async Task New_EcsTaskSet_Wait_lists_the_created_task_sets()
    {
        await using var host = await LocalEcsHost.StartAsync(TaskSetTestKit.Scene, s_slowStep);
        var (shell, completion) = host.Session.Start(
            "1, 2 | ForEach-Object { [pscustomobject]@{ Service = 'checkout' } } | "
            + "New-EcsTaskSet -Cluster demo -TaskDefinition stuck -LaunchType FARGATE -Scale 50 -Wait -PollInterval 0.2");
        using (shell)
        {
            await WaitClocks.Until(() => host.Server.RequestsFor("DescribeTaskSets").Count >= 1);
            shell.Stop();
            var result = await completion.WaitAsync(TimeSpan.FromSeconds(10));

            Assert.Empty(result.Output);
            var created = host.Server.Invoke("DescribeServices", new JsonObject { ["cluster"] = "demo", ["services"] = new JsonArray("checkout") })["services"]![0]!["taskSets"]!
                .AsArray().Select(s => (string)s!["taskSetArn"]!).ToArray();
            Assert.Equal(2, created.Length);
            Assert.Contains(result.Warnings, w => w.StartsWith("New-EcsTaskSet was stopped before it wrote 2 task set(s)", StringComparison.Ordinal));
            Assert.All(created, arn => Assert.Contains(result.Warnings, w => w.Contains(arn, StringComparison.Ordinal)));
        }
    }

    [Fact]
    public async Task A_wait_that_ends_normally_warns_of_nothing()
    {
        await using var host = await LocalEcsHost.StartAsync();
        var result = host.Run("Start-EcsTask web -Cluster demo -LaunchType EC2 -WaitUntil Running -PollInterval 0.05").EnsureSuccess();
        Assert.Single(result.Output);
        Assert.Empty(result.Warnings);
    }

    private static string[] TaskArns(LocalEcsServer server) =>
        server.Invoke("ListTasks", new JsonObject { ["cluster"] = "demo", ["maxResults"] = 100 })["taskArns"]!.AsArray().Select(a => (string)a!).ToArray();
}
