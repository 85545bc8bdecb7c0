using System;
using System.Linq;
using System.Management.Automation;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using EcsTools.LocalEcs;
using EcsTools.Tests.Host;
using Xunit;
using Xunit.Abstractions;

namespace EcsTools.Tests.Commands;

/// <summary>
/// Every cmdlet that changes something, against LocalEcs with faults after ECS processed the request (5xx, HTML 5xx,
/// dropped connection, slow answer): nothing is started or created twice, what was done is reported as done, and
/// what cannot be established is an OutcomeUnknown error that says what to check. Also -RequestTimeout, and -Timeout
/// bounding a wait against an endpoint that never answers.
/// </summary>
public sealed class FaultToleranceTests(ITestOutputHelper output)
{
    private const int Rounds = 3;

    [Theory]
    [InlineData("server:after")]
    [InlineData("html:after")]
    [InlineData("drop:after")]
    [InlineData("slow=3s:after")]
    public async Task Changes_under_after_processing_faults_are_made_once_and_reported_as_made(string kind)
    {
        await using var host = await LocalEcsHost.StartAsync();
        host.Run("$PSDefaultParameterValues['*-Ecs*:RequestTimeout'] = 0.7").EnsureSuccess();
        var instances = Instances(host.Server);
        var calls = 0;
        for (var round = 0; round < Rounds; round++)
        {
            var running = Running(host.Server);
            Fault(host, "RunTask", kind);
            var run = host.Run("Start-EcsTask web -Cluster demo -LaunchType EC2").EnsureSuccess();
            Assert.Single(run.Output);

            Fault(host, "StartTask", kind);
            var start = host.Run("Start-EcsTask web -Cluster demo -ContainerInstance $args[0], $args[1]", instances[0], instances[1]).EnsureSuccess();
            Assert.Equal(2, start.Output.Count);
            Assert.Equal(running + 3, Running(host.Server));

            Fault(host, "StopTask", kind);
            var stop = host.Run("Stop-EcsTask $args[0] -Cluster demo", (string)((dynamic)start.Output[0].BaseObject).TaskArn).EnsureSuccess();
            Assert.Equal("STOPPED", (string)((dynamic)Assert.Single(stop.Output).BaseObject).DesiredStatus);

            var sets = TaskSetTestKit.Sets(host.Server).Length;
            Fault(host, "CreateTaskSet", kind);
            var created = host.Run("New-EcsTaskSet -Cluster demo -Service checkout -TaskDefinition fargate-web -LaunchType FARGATE -Scale 0").EnsureSuccess();
            var arn = (string)((dynamic)Assert.Single(created.Output).BaseObject).TaskSetArn;
            Assert.Equal(sets + 1, TaskSetTestKit.Sets(host.Server).Length);

            Fault(host, "UpdateTaskSet", kind);
            host.Run("Set-EcsTaskSet $args[0] -Cluster demo -Service checkout -Scale 0", arn).EnsureSuccess();
            Fault(host, "UpdateServicePrimaryTaskSet", kind);
            var primary = host.Run("Set-EcsTaskSet $args[0] -Cluster demo -Service checkout -Primary", arn).EnsureSuccess();
            Assert.Equal("PRIMARY", (string)((dynamic)Assert.Single(primary.Output).BaseObject).Status);

            var other = TaskSetTestKit.CreateSet(host.Server, 0);
            Fault(host, "DeleteTaskSet", kind);
            var removed = host.Run("Remove-EcsTaskSet $args[0] -Cluster demo -Service checkout -Force", other).EnsureSuccess();
            Assert.Single(removed.Output);
            Assert.DoesNotContain(TaskSetTestKit.Sets(host.Server), s => (string?)s["taskSetArn"] == other);
            calls += 7;
        }

        Assert.Empty(host.Server.Faults.Pending);
        Assert.Equal(Rounds * 2, Running(host.Server));
        Assert.Equal(Rounds, host.Server.RequestsFor("StartTask").Count);
        output.WriteLine($"{kind}: {calls} changes, each with the fault; duplicates 0 (tasks running {Running(host.Server)} of {Rounds * 2} expected; "
            + $"StartTask sent {host.Server.RequestsFor("StartTask").Count} time(s) for {Rounds} calls); errors 0.");
    }

    [Fact]
    public async Task Outcomes_that_cannot_be_established_are_OutcomeUnknown_errors_that_say_what_to_check()
    {
        await using var host = await LocalEcsHost.StartAsync();

        host.Server.Faults.Add(LocalEcsFault.ServerError("RunTask").AfterProcessing().Times(3));
        var run = host.Run("Start-EcsTask web -Cluster demo -LaunchType EC2 -Count 2");
        var error = Unknown(run, "StartEcsTaskCommand");
        Assert.Contains("Get-EcsTask -Cluster 'demo' -Family 'web'", error.ErrorDetails.RecommendedAction);
        Assert.Equal(2, Running(host.Server));

        host.Server.Faults.Add(LocalEcsFault.ServerError("CreateTaskSet").AfterProcessing().Times(3));
        var create = host.Run("New-EcsTaskSet -Cluster demo -Service checkout -TaskDefinition fargate-web -LaunchType FARGATE -Scale 0");
        Assert.Contains("Get-EcsTaskSet -Cluster 'demo' -Service 'checkout'", Unknown(create, "NewEcsTaskSetCommand").ErrorDetails.RecommendedAction);
        Assert.Single(TaskSetTestKit.Sets(host.Server));

        var task = (string)host.Server.Invoke("RunTask", """{"cluster":"demo","taskDefinition":"web","launchType":"EC2"}""")["tasks"]![0]!["taskArn"]!;
        host.Server.Faults.Add(LocalEcsFault.ServerError("StopTask")).Add(LocalEcsFault.ServerError("DescribeTasks").Times(3));
        var stop = host.Run("Stop-EcsTask $args[0] -Cluster demo", task);
        Assert.Contains($"Get-EcsTask -Cluster 'demo' -Task '{task}'", Unknown(stop, "StopEcsTaskCommand").ErrorDetails.RecommendedAction);

        var set = TaskSetTestKit.CreateSet(host.Server, 0);
        host.Server.Faults.Add(LocalEcsFault.DropConnection("UpdateTaskSet")).Add(LocalEcsFault.ServerError("DescribeTaskSets").Times(3));
        Unknown(host.Run("Set-EcsTaskSet $args[0] -Cluster demo -Service checkout -Scale 50", set), "SetEcsTaskSetCommand");
        host.Server.Faults.Add(LocalEcsFault.HtmlError("DeleteTaskSet")).Add(LocalEcsFault.ServerError("DescribeTaskSets").Times(3));
        var remove = host.Run("Remove-EcsTaskSet $args[0] -Cluster demo -Service checkout -Force", set);
        Assert.Contains($"-TaskSet '{set}'", Unknown(remove, "RemoveEcsTaskSetCommand").ErrorDetails.RecommendedAction);
        Assert.Empty(host.Server.Faults.Pending);
    }

    [Fact]
    public async Task A_StartTask_instance_whose_task_is_not_found_is_an_OutcomeUnknown_error_next_to_the_tasks_found()
    {
        string tight = "";
        await using var host = await LocalEcsHost.StartAsync(scene =>
        {
            LocalEcsScenes.Demo(scene);
            tight = scene.RegisterContainerInstance("demo", cpu: 4096, memory: 1);
        });
        var roomy = Instances(host.Server).First(i => i != tight);
        host.Server.Faults.Add(LocalEcsFaultSpec.Parse("StartTask:server:after"));

        // The search looks for about 15 seconds (ECS reads lag behind) before it gives up on the second instance.
        var result = host.Run("Start-EcsTask web -Cluster demo -ContainerInstance $args[0], $args[1]", roomy, tight);
        Assert.Equal(roomy, (string)((dynamic)Assert.Single(result.Output).BaseObject).ContainerInstanceArn);
        var error = Unknown(result, "StartEcsTaskCommand");
        Assert.Equal(tight, (string)((dynamic)error.TargetObject).Arn);
        Assert.Contains("ecstools:start-id", error.ErrorDetails.RecommendedAction);
        Assert.Single(host.Server.RequestsFor("StartTask"));
    }

    [Fact]
    public async Task RequestTimeout_is_a_connection_parameter_of_every_cmdlet_with_a_session_default()
    {
        await using var host = await LocalEcsHost.StartAsync();
        // Not vacuous: the cmdlets are there to be checked.
        Assert.NotEmpty(host.Run("Get-Command -Module EcsTools -CommandType Cmdlet").EnsureSuccess().Output);
        var missing = host.Run("Get-Command -Module EcsTools -CommandType Cmdlet | Where-Object { -not $_.Parameters.ContainsKey('RequestTimeout') } | ForEach-Object Name")
            .EnsureSuccess();
        Assert.Empty(missing.Output);

        var typed = host.Run("Get-EcsTask -Cluster demo -RequestTimeout 12 -Verbose").EnsureSuccess();
        Assert.Contains("ECS request timeout: 12 s an attempt (from -RequestTimeout).", typed.Verbose);
        var session = host.Run("$PSDefaultParameterValues['*-Ecs*:RequestTimeout'] = 7; Get-EcsTask -Cluster demo -Verbose").EnsureSuccess();
        Assert.Contains(session.Verbose, v => v.StartsWith("ECS request timeout: 7 s an attempt (from $PSDefaultParameterValues", StringComparison.Ordinal));
        var standard = host.Run("$PSDefaultParameterValues.Remove('*-Ecs*:RequestTimeout'); Get-EcsTask -Cluster demo -Verbose").EnsureSuccess();
        Assert.Contains("ECS request timeout: 30 s an attempt (from default).", standard.Verbose);

        host.Server.ClearRequests();
        var refused = host.Run("Get-EcsTask -Cluster demo -RequestTimeout 0");
        Assert.Equal("InvalidRequestTimeout,EcsTools.Commands.GetEcsTaskCommand", refused.FirstError!.FullyQualifiedErrorId);
        Assert.Empty(host.Server.Requests);
    }

    [Fact]
    public async Task A_read_that_times_out_on_every_attempt_is_RequestTimeout_naming_the_parameter()
    {
        await using var host = await LocalEcsHost.StartAsync();
        // Every attempt is slow: besides its 3 attempts, the SDK may resend a read once more after what it takes for a
        // stale pooled connection, so the count of requests is 3 or a little more, never fewer.
        host.Server.Faults.Add(LocalEcsFaultSpec.Parse("ListTasks:slow=20s:x10"));
        var result = host.Run("Get-EcsTask -Cluster demo -RequestTimeout 1");
        var error = Assert.Single(result.Errors);
        Assert.Equal("RequestTimeout,EcsTools.Commands.GetEcsTaskCommand", error.FullyQualifiedErrorId);
        Assert.Contains("-RequestTimeout", error.ErrorDetails.Message);
        Assert.InRange(host.Server.RequestsFor("ListTasks").Count, 3, 6);
    }

    [Fact]
    public async Task Wait_EcsTask_Timeout_10_against_an_endpoint_that_never_answers_ends_within_11_seconds()
    {
        await using var host = await LocalEcsHost.StartAsync();
        var task = (string)host.Server.Invoke("RunTask", """{"cluster":"demo","taskDefinition":"web","launchType":"EC2"}""")["tasks"]![0]!["taskArn"]!;
        host.Server.Faults.Add(LocalEcsFaultSpec.Parse("*:slow=forever:x100000"));
        var time = host.UseWaitClock();
        var (shell, completion) = host.Session.Start("Wait-EcsTask $args[0] -Cluster demo -Timeout 10", task);
        using (shell)
        {
            var waited = await WithinOnTheWaitClock(time, TimeSpan.FromSeconds(11), completion);
            var result = await completion;
            output.WriteLine($"Wait-EcsTask -Timeout 10 against an endpoint that never answers: {waited.TotalSeconds:0.00} s on the wait's clock; errors: {string.Join(", ", result.ErrorIds)}.");
            Assert.Equal("WaitTimeout,EcsTools.Commands.WaitEcsTaskCommand", result.FirstError!.FullyQualifiedErrorId);
            Assert.Empty(result.Output);
        }
    }

    [Fact]
    public async Task Set_EcsTaskSet_Wait_Timeout_10_with_polls_that_never_answer_ends_within_11_seconds()
    {
        await using var host = await LocalEcsHost.StartAsync();
        var set = TaskSetTestKit.CreateSet(host.Server, 0);
        host.Server.Faults.Add(LocalEcsFaultSpec.Parse("DescribeTaskSets:slow=forever:x100000"));
        var time = host.UseWaitClock();
        var (shell, completion) = host.Session.Start("Set-EcsTaskSet $args[0] -Cluster demo -Service checkout -Scale 50 -Wait -Timeout 10 -PollInterval 0.5", set);
        using (shell)
        {
            var waited = await WithinOnTheWaitClock(time, TimeSpan.FromSeconds(11), completion);
            var result = await completion;
            output.WriteLine($"Set-EcsTaskSet -Wait -Timeout 10 with DescribeTaskSets never answering: {waited.TotalSeconds:0.00} s on the wait's clock.");
            Assert.Equal("WaitTimeout,EcsTools.Commands.SetEcsTaskSetCommand", result.FirstError!.FullyQualifiedErrorId);
        }
    }

    /// <summary>
    /// From the start of the wait's poll loop (its first timer; the clock stands still until then), moves the wait's clock up to <paramref name="limit"/>
    /// and no further; the command must end there (a real bound fails the test otherwise). Returns the time it took on
    /// the wait's clock.
    /// </summary>
    private static async Task<TimeSpan> WithinOnTheWaitClock(WaitTestClock time, TimeSpan limit, Task<PsResult> completion)
    {
        await WaitClocks.Until(() => time.TimersCreated > 0 || completion.IsCompleted);
        var start = time.GetUtcNow();
        await WaitClocks.AdvanceUntil(time, TimeSpan.FromSeconds(0.25), () => completion.IsCompleted || time.GetUtcNow() - start >= limit);
        await completion.WaitAsync(WaitClocks.Bound);
        return time.GetUtcNow() - start;
    }

    private static ErrorRecord Unknown(PsResult result, string command)
    {
        var error = Assert.Single(result.Errors);
        Assert.Equal("OutcomeUnknown,EcsTools.Commands." + command, error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidResult, error.CategoryInfo.Category);
        Assert.Contains("the outcome is unknown", error.ErrorDetails.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("try again", error.ErrorDetails.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("try again", error.ErrorDetails.RecommendedAction, StringComparison.OrdinalIgnoreCase);
        return error;
    }

    private static void Fault(LocalEcsHost host, string operation, string kind) => host.Server.Faults.Add(LocalEcsFaultSpec.Parse(operation + ":" + kind));

    private static string[] Instances(LocalEcsServer server) =>
        server.Invoke("ListContainerInstances", """{"cluster":"demo"}""")["containerInstanceArns"]!.AsArray().Select(n => (string)n!).ToArray();

    private static int Running(LocalEcsServer server) =>
        server.Invoke("ListTasks", """{"cluster":"demo","maxResults":100}""")["taskArns"]!.AsArray().Count;
}
