using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using EcsTools.LocalEcs;
using EcsTools.Tests.Host;
using EcsTools.Tests.LocalEcs;
using Xunit;
using static EcsTools.Tests.Commands.GetEcsTaskScenes;

namespace EcsTools.Tests.Commands;

/// <summary>Wait-EcsTask against LocalEcs's scripted lifecycles: states, exit codes, failures, timeouts, batching, faults, Ctrl+C.</summary>
public sealed class WaitEcsTaskTests
{
    private const string Id = ",EcsTools.Commands.WaitEcsTaskCommand";

    /// <summary>How long a step may take in real time before the test fails (a bound, not a measurement).</summary>
    private static readonly TimeSpan s_bound = TimeSpan.FromSeconds(20);

    private static Dictionary<string, string> Script(string runFor, int exitCode = 0) =>
        new() { [LocalEcsLabels.RunForEnvironment] = runFor, [LocalEcsLabels.ExitCodeEnvironment] = exitCode.ToString(System.Globalization.CultureInfo.InvariantCulture) };

    [Fact]
    public async Task Waiting_for_Running_goes_through_the_lifecycle_and_shows_each_state()
    {
        // LocalEcs on a manual clock: the task moves one lifecycle step each time a poll has been answered, whatever the
        // speed of the machine: PROVISIONING, PENDING, ACTIVATING, then RUNNING at the fourth poll.
        var clock = new ManualTimeProvider(DateTimeOffset.UtcNow);
        var step = TimeSpan.FromSeconds(10);
        await using var server = await LocalEcsServer.StartAsync(new LocalEcsOptions { Scene = LocalEcsScenes.Demo, StepInterval = step, TimeProvider = clock });
        using var session = PsSession.Create(server.Endpoint);
        var arn = Run(server, "web", 1, container: "web")[0];
        var (shell, completion) = session.Start($"Wait-EcsTask '{arn}' -Until Running -PollInterval 0.05");
        using (shell)
        {
            for (var answered = 1; answered <= 3; answered++)
            {
                var polls = answered;
                await WaitClocks.Until(() => server.RequestsFor("DescribeTasks") is var r && r.Count >= polls && r[polls - 1].StatusCode != 0);
                clock.Advance(step);
            }

            var result = await completion;
            result.EnsureSuccess();
            dynamic task = Assert.Single(result.Output).BaseObject;
            Assert.Equal("RUNNING", task.LastStatus);
            Assert.Equal(arn, task.TaskArn);
            Assert.Equal(4, server.RequestsFor("DescribeTasks").Count);
            var statuses = result.Progress.Select(p => p.StatusDescription).ToList();
            foreach (var state in new[] { "waiting: PROVISIONING 1;", "waiting: PENDING 1;", "waiting: ACTIVATING 1;" })
            {
                Assert.Contains(statuses, s => s.Contains(state, StringComparison.Ordinal));
            }

            Assert.Contains(result.Progress, p => p.Activity == "Waiting for 1 ECS task(s) to be RUNNING" && p.SecondsRemaining > 500);
            Assert.Equal(ProgressRecordType.Completed, result.Progress[^1].RecordType);
        }
    }

    [Fact]
    public async Task Waiting_for_Stopped_outputs_the_task_with_its_exit_codes()
    {
        await using var host = await LocalEcsHost.StartAsync();
        var arn = Run(host.Server, "batch", 1, container: "job", Script("300ms"))[0];
        var result = host.Run("Wait-EcsTask $args[0] -PollInterval 0.1", arn).EnsureSuccess();

        dynamic task = Assert.Single(result.Output).BaseObject;
        Assert.Equal("STOPPED", task.LastStatus);
        Assert.Equal("EssentialContainerExited", task.StopCode);
        Assert.Equal("job=0", task.ExitCodes);
        Assert.Empty(host.Server.RequestsFor("DescribeTaskDefinition"));
    }

    [Fact]
    public async Task An_essential_container_that_exits_non_zero_is_an_error_with_its_exit_code()
    {
        await using var host = await LocalEcsHost.StartAsync();
        var arns = Run(host.Server, "batch-fail", 2, container: "job", Script("200ms", 3));
        var result = host.Run("$args | Wait-EcsTask -Cluster demo -PollInterval 0.1", arns.Cast<object>().ToArray());

        Assert.Equal(2, result.Output.Count);
        Assert.All(result.Dynamic, t => Assert.Equal("job=3", (string)t.ExitCodes));
        Assert.Equal(2, result.Errors.Count);
        var error = result.Errors[0];
        Assert.Equal("TaskFailed" + Id, error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidResult, error.CategoryInfo.Category);
        Assert.Equal("EcsTools.EcsTaskFailedException", error.Exception.GetType().FullName);
        dynamic exception = error.Exception;
        Assert.Equal("EssentialContainerExited", (string)exception.StopCode);
        Assert.Equal("Essential container in task exited", (string)exception.StoppedReason);
        Assert.Contains("job: exit code 3", (System.Collections.Generic.IEnumerable<string>)exception.ContainerReasons);
        Assert.Contains("'job' exited with code 3", error.Exception.Message);
        Assert.Same(error.TargetObject, (object)exception.Task);
        var lookups = host.Server.RequestsFor("DescribeTaskDefinition").Count;
        Assert.True(lookups == 1, $"Expected one DescribeTaskDefinition for two tasks of one task definition, not {lookups}. Three means the "
            + "engine could not read the answer and the SDK retried it: batch-fail has dockerLabels, and the engine's LenientStringConverter "
            + "needs ReadAsPropertyName/WriteAsPropertyName for dictionary keys.");
        Assert.Empty(result.Warnings);

        var stop = host.Run("$args | Wait-EcsTask -Cluster demo -PollInterval 0.1 -ErrorAction Stop", arns.Cast<object>().ToArray());
        Assert.Equal("TaskFailed" + Id, ((IContainsErrorRecord)stop.Terminating!).ErrorRecord.FullyQualifiedErrorId);

        var ignored = host.Run("$args | Wait-EcsTask -Cluster demo -PollInterval 0.1 -IgnoreTaskFailure", arns.Cast<object>().ToArray()).EnsureSuccess();
        Assert.Equal(2, ignored.Output.Count);
    }

    [Fact]
    public async Task Non_essential_exits_and_the_signal_of_a_user_stop_are_not_failures()
    {
        var clock = new ManualTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await LocalEcsHost.StartAsync(time: clock);
        var arns = Run(host.Server, "web", 2, container: "log-router", Script("100ms", 1));
        clock.Advance(TimeSpan.FromMilliseconds(500)); // RUNNING after 150 ms; log-router exits 1 at 250 ms, the task runs on
        var (shell, completion) = host.Session.Start("$args | Stop-EcsTask -Reason done | Wait-EcsTask -PollInterval 0.1", arns.Cast<object>().ToArray());
        PsResult result;
        using (shell)
        {
            // The stop takes four 50 ms steps on LocalEcs's clock: one step each time a DescribeTasks has been answered.
            result = await AdvanceEachPoll(host.Server, clock, TimeSpan.FromMilliseconds(50), completion);
        }

        result.EnsureSuccess();

        Assert.Equal(2, result.Output.Count);
        Assert.All(result.Dynamic, task =>
        {
            Assert.Equal("UserInitiated", (string)task.StopCode);
            Assert.Equal("web=143, log-router=1", (string)task.ExitCodes);
        });

        // log-router's exit code 1 needs the task definition (once for both tasks) to show it is not essential.
        Assert.Single(host.Server.RequestsFor("DescribeTaskDefinition"));
    }

    [Fact]
    public async Task A_task_that_fails_to_start_is_an_error_whatever_the_target()
    {
        await using var host = await LocalEcsHost.StartAsync();
        var arns = Run(host.Server, "bad-image", 2);

        var running = host.Run("Wait-EcsTask $args[0] -Until Running -PollInterval 0.05", arns[0]);
        Assert.Empty(running.Output);
        var error = Assert.Single(running.Errors);
        Assert.Equal("TaskFailedToStart" + Id, error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ResourceUnavailable, error.CategoryInfo.Category);
        Assert.Contains("CannotPullContainerError", error.Exception.Message);
        Assert.Equal("TaskFailedToStart", (string)((dynamic)error.Exception).StopCode);

        var stopped = host.Run("Wait-EcsTask $args[0] -PollInterval 0.05", arns[1]);
        Assert.Single(stopped.Output);
        Assert.Equal("TaskFailedToStart" + Id, Assert.Single(stopped.Errors).FullyQualifiedErrorId);
    }

    [Fact]
    public async Task Waiting_for_Running_a_task_that_stopped_first_is_an_error_with_its_stop_code()
    {
        var clock = new ManualTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await LocalEcsHost.StartAsync(time: clock);
        var arn = Run(host.Server, "batch-fail", 1, container: "job", Script("0ms", 4))[0];
        clock.Advance(TimeSpan.FromMilliseconds(600)); // 3 steps to RUNNING, then 4 steps to STOPPED, 50 ms each
        var result = host.Run("Wait-EcsTask $args[0] -Until Running -PollInterval 0.05", arn);

        Assert.Empty(result.Output);
        var error = Assert.Single(result.Errors);
        Assert.Equal("TaskStopped" + Id, error.FullyQualifiedErrorId);
        // It ran (startedAt is set) and stopped before the first poll: the message says so, not that it never ran.
        Assert.Contains("had already run (started ", error.Exception.Message);
        Assert.Contains("and stopped before the wait saw it RUNNING (STOPPED)", error.Exception.Message);
        Assert.Contains("Stop code: EssentialContainerExited", error.Exception.Message);
        Assert.Contains("job exit code 4", error.Exception.Message);
    }

    [Fact]
    public async Task A_task_that_goes_missing_is_an_error_and_an_unknown_one_too()
    {
        await using var host = await LocalEcsHost.StartAsync();
        var arn = Run(host.Server, "web", 1, container: "web", new Dictionary<string, string> { [LocalEcsLabels.MissingAfterEnvironment] = "2s" })[0];
        var result = host.Run("Wait-EcsTask $args[0], 'fedcba9876543210fedcba9876543210' -Cluster demo -PollInterval 0.05", arn);

        Assert.Empty(result.Output);
        Assert.Equal(2, result.Errors.Count);
        Assert.All(result.Errors, e =>
        {
            Assert.Equal("TaskNotFound" + Id, e.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ObjectNotFound, e.CategoryInfo.Category);
        });
        // The unknown task fails the first poll; the other one is described until it disappears, polls later.
        Assert.Equal("fedcba9876543210fedcba9876543210", result.Errors[0].TargetObject);
        Assert.Equal(arn, result.Errors[1].TargetObject);
        Assert.True(host.Server.RequestsFor("DescribeTasks").Count >= 2);
    }

    [Fact]
    public async Task A_slow_task_hits_the_timeout_and_the_error_lists_it_with_its_state()
    {
        await using var host = await LocalEcsHost.StartAsync();
        var arn = Run(host.Server, "web", 1, container: "web")[0];
        // LocalEcs runs on its own 50 ms steps: the task is RUNNING before the wait, whose clock runs far faster, starts.
        await WaitClocks.Until(() => (string?)host.Server.Invoke("DescribeTasks", new JsonObject { ["cluster"] = "demo", ["tasks"] = new JsonArray(arn) })["tasks"]![0]!["lastStatus"] == "RUNNING");
        var time = host.UseWaitClock();
        var described = host.Server.RequestsFor("DescribeTasks").Count;
        var (shell, completion) = host.Session.Start("Wait-EcsTask $args[0] -Timeout 0.6 -PollInterval 0.1", arn);
        using (shell)
        {
            // The task stays RUNNING: only the wait's clock, which moves only here, can end the wait. The clock starts once
            // ECS has the first poll (made at once), and in small steps, so that on a loaded machine the deadline does not
            // cancel that poll before its answer is read (the task would then be listed as UNKNOWN).
            await WaitClocks.Until(() => host.Server.RequestsFor("DescribeTasks").Count > described);
            await WaitClocks.AdvanceUntil(time, TimeSpan.FromSeconds(0.01), () => completion.IsCompleted);
            var result = await completion;

            Assert.Empty(result.Output);
            var error = Assert.Single(result.Errors);
            Assert.Equal("WaitTimeout" + Id, error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.OperationTimeout, error.CategoryInfo.Category);
            Assert.IsType<TimeoutException>(error.Exception);
            Assert.Contains("1 task(s) are not STOPPED yet: " + arn.Split('/')[^1] + " (RUNNING)", error.Exception.Message);
            dynamic target = Assert.Single((object[])error.TargetObject);
            Assert.Equal(arn, target.TaskArn);
            Assert.True(time.GetUtcNow() - time.Start >= TimeSpan.FromSeconds(0.6), (time.GetUtcNow() - time.Start).ToString());
        }
    }

    [Fact]
    public async Task Two_hundred_fifty_tasks_take_three_DescribeTasks_requests_a_poll()
    {
        await using var host = await LocalEcsHost.StartAsync(DemoWithTiny);
        var arns = Run(host.Server, "tiny", 250);
        var result = host.Run("$args | Wait-EcsTask -Cluster demo -Timeout 3 -PollInterval 0.2", arns.Cast<object>().ToArray());

        var error = Assert.Single(result.Errors);
        Assert.Equal("WaitTimeout" + Id, error.FullyQualifiedErrorId);
        Assert.Contains("250 task(s) are not STOPPED yet", error.Exception.Message);
        Assert.Contains("and 240 more", error.Exception.Message);
        var sizes = DescribeSizes(host.Server);
        Assert.True(sizes.Length >= 6, string.Join(",", sizes));
        Assert.Equal(0, sizes.Length % 3);
        Assert.Equal(Enumerable.Repeat(new[] { 100, 100, 50 }, sizes.Length / 3).SelectMany(s => s), sizes);
        Assert.All(host.Server.Requests, r => Assert.Equal("DescribeTasks", r.Operation));
    }

    [Fact]
    public async Task Throttling_in_the_middle_of_a_wait_is_retried_and_the_wait_goes_on()
    {
        await using var host = await LocalEcsHost.StartAsync();
        var arn = Run(host.Server, "batch", 1, container: "job", Script("2s"))[0];
        var (shell, completion) = host.Session.Start($"Wait-EcsTask '{arn}' -PollInterval 0.1");
        using (shell)
        {
            await WaitClocks.Until(() => host.Server.RequestsFor("DescribeTasks").Count >= 2);
            host.Server.Faults.Add(LocalEcsFault.Throttling("DescribeTasks").Times(4));
            var result = await completion;

            Assert.Null(result.Terminating);
            Assert.Empty(result.Errors);
            Assert.Equal("STOPPED", (string)Assert.Single(result.Dynamic).LastStatus);
            Assert.Equal(4, host.Server.RequestsFor("DescribeTasks").Count(r => r.ErrorCode == "ThrottlingException"));
            Assert.Contains(result.Warnings, w => w.Contains("ThrottlingException", StringComparison.Ordinal) && w.Contains("the wait goes on", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Five_polls_in_a_row_that_are_throttled_end_the_wait_with_that_error()
    {
        await using var host = await LocalEcsHost.StartAsync();
        var arn = Run(host.Server, "web", 1, container: "web")[0];
        host.Server.Faults.Add(LocalEcsFault.Throttling("DescribeTasks").Times(100_000));
        var result = host.Run("Wait-EcsTask $args[0] -PollInterval 0.05", arn);

        Assert.Empty(result.Output);
        var error = Assert.Single(result.Errors);
        Assert.Equal("RequestThrottled" + Id, error.FullyQualifiedErrorId);
        Assert.StartsWith("The wait stopped: DescribeTasks failed 5 polls in a row.", error.ErrorDetails.Message, StringComparison.Ordinal);
        Assert.Equal(5, result.Warnings.Count(w => w.Contains("ThrottlingException", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Stop_ends_a_wait_without_waiting_for_the_next_poll_and_no_poll_follows()
    {
        await using var host = await LocalEcsHost.StartAsync();
        var arn = Run(host.Server, "web", 1, container: "web")[0];
        var time = host.UseWaitClock();
        var (shell, completion) = host.Session.Start($"Wait-EcsTask '{arn}' -PollInterval 0.2");
        using (shell)
        {
            await WaitClocks.AdvanceUntil(time, TimeSpan.FromSeconds(0.2), () => host.Server.RequestsFor("DescribeTasks").Count >= 3);
            // The wait's clock stands still from here: the next poll never comes due, so Stop must end the wait by itself.
            await Task.Run(shell.Stop).WaitAsync(s_bound);
            var afterStop = host.Server.Requests.Count;
            var result = await completion.WaitAsync(s_bound);
            time.Advance(TimeSpan.FromMinutes(5));

            Assert.Equal(PSInvocationState.Stopped, shell.InvocationStateInfo.State);
            Assert.Empty(result.Output);
            Assert.Equal(afterStop, host.Server.Requests.Count);
        }
    }

    [Fact]
    public async Task Stop_cancels_a_poll_in_flight()
    {
        await using var host = await LocalEcsHost.StartAsync();
        var arn = Run(host.Server, "web", 1, container: "web")[0];
        host.Server.Faults.Add(LocalEcsFaultSpec.Parse("DescribeTasks:slow=forever"));
        var time = host.UseWaitClock();
        var (shell, completion) = host.Session.Start($"Wait-EcsTask '{arn}' -PollInterval 0.2");
        using (shell)
        {
            await WaitClocks.Until(() => host.Server.RequestsFor("DescribeTasks").Count >= 1);
            // The poll never gets an answer: only a cancelled request lets Stop return.
            await Task.Run(shell.Stop).WaitAsync(s_bound);
            var afterStop = host.Server.Requests.Count;
            await completion.WaitAsync(s_bound);
            time.Advance(TimeSpan.FromMinutes(5));

            Assert.Equal(PSInvocationState.Stopped, shell.InvocationStateInfo.State);
            Assert.Equal(1, afterStop);
            Assert.Equal(afterStop, host.Server.Requests.Count);
        }
    }

    [Fact]
    public async Task Tasks_bind_from_Start_EcsTask_objects_ARNs_and_AWS_Tools_objects()
    {
        await using var host = await LocalEcsHost.StartAsync();
        var objects = host.Run("Start-EcsTask web -Cluster demo -LaunchType EC2 -Count 2 | Wait-EcsTask -Until Running -PollInterval 0.05").EnsureSuccess();
        Assert.Equal(2, objects.Output.Count);
        var arns = objects.Dynamic.Select(t => (string)t.TaskArn).ToArray();

        var byArn = host.Run("$args | Wait-EcsTask -Until Running -PollInterval 0.05", arns.Cast<object>().ToArray()).EnsureSuccess();
        Assert.Equal(arns.Order(), byArn.Dynamic.Select(t => (string)t.TaskArn).Order());

        var awsTools = host.Run("$args | ForEach-Object { [pscustomobject]@{ TaskArn = $_; ClusterArn = 'arn:aws:ecs:us-east-1:123456789012:cluster/demo'; LastStatus = 'RUNNING' } } "
            + "| Wait-EcsTask -Until Running -PollInterval 0.05", arns.Select(a => (object)a.Split('/')[^1]).ToArray()).EnsureSuccess();
        Assert.Equal(arns.Order(), awsTools.Dynamic.Select(t => (string)t.TaskArn).Order());
        Assert.All(host.Server.RequestsFor("DescribeTasks"), r => Assert.Equal(2, r.Json!["tasks"]!.AsArray().Count));
    }

    [Theory]
    [InlineData("-PollInterval 0", "InvalidPollInterval")]
    [InlineData("-PollInterval 600", "InvalidPollInterval")]
    [InlineData("-Timeout 0", "InvalidTimeout")]
    [InlineData("-Timeout -5", "InvalidTimeout")]
    public async Task Bad_wait_parameters_are_refused_before_any_request(string parameters, string errorId)
    {
        await using var host = await LocalEcsHost.StartAsync();
        var result = host.Run($"Wait-EcsTask 0123456789abcdef0123456789abcdef -Cluster demo {parameters}");
        Assert.Equal(errorId + Id, result.FirstError!.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, result.FirstError.CategoryInfo.Category);
        Assert.Empty(host.Server.Requests);
    }

    [Fact]
    public async Task Timeout_minus_one_waits_for_Running_without_a_limit()
    {
        await using var host = await LocalEcsHost.StartAsync();
        var arn = Run(host.Server, "web", 1, container: "web")[0];
        var result = host.Run("Wait-EcsTask $args[0] -Until Running -Timeout -1 -PollInterval 0.05 -Verbose", arn).EnsureSuccess();
        Assert.Single(result.Output);
        Assert.Contains(result.Verbose, v => v.EndsWith("no timeout.", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Progress, p => p.SecondsRemaining >= 0);
    }

    /// <summary>Moves LocalEcs's clock one step each time a DescribeTasks has been answered, until the command ends.</summary>
    private static async Task<PsResult> AdvanceEachPoll(LocalEcsServer server, ManualTimeProvider clock, TimeSpan step, Task<PsResult> completion)
    {
        var answered = 0;
        while (!completion.IsCompleted)
        {
            var polls = server.RequestsFor("DescribeTasks");
            if (polls.Count > answered && polls[^1].StatusCode != 0)
            {
                answered = polls.Count;
                clock.Advance(step);
            }

            await Task.WhenAny(completion, Task.Delay(5));
        }

        return await completion;
    }
}
