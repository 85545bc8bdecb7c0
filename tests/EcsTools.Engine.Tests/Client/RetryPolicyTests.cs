using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading.Tasks;
using Amazon.Runtime;
using EcsTools.Engine.Client;
using EcsTools.Engine.Model;
using EcsTools.Engine.Tasks;
using EcsTools.LocalEcs;
using Xunit;
using Xunit.Abstractions;

namespace EcsTools.Engine.Tests.Client;

/// <summary>
/// The retry policy: which operations are repeated on which failures, the per-call retry budget, the request timeout,
/// and what the engine does after an ambiguous failure of a change (against LocalEcs with injected faults).
/// </summary>
public sealed class RetryPolicyTests(ITestOutputHelper output)
{
    private const int CallsPerKind = 5;

    [Theory]
    [InlineData("DescribeTasks", "Read")]
    [InlineData("ListTasks", "Read")]
    [InlineData("DescribeTaskSets", "Read")]
    [InlineData("RunTask", "SameToken")]
    [InlineData("CreateTaskSet", "SameToken")]
    [InlineData("StartTask", "Unsafe")]
    [InlineData("StopTask", "Unsafe")]
    [InlineData("DeleteTaskSet", "Unsafe")]
    [InlineData("UpdateTaskSet", "Unsafe")]
    [InlineData("UpdateServicePrimaryTaskSet", "Unsafe")]
    [InlineData("GetLogEvents", "Read")]
    [InlineData("FilterLogEvents", "Read")]
    [InlineData("RegisterTaskDefinition", "Unsafe")] // not called, so not listed: an operation not classified is not repeated
    [InlineData("CreateService", "Unsafe")]
    public void Each_operation_has_its_repeat_safety(string operation, string safety) =>
        Assert.Equal(safety, EcsOperationSafety.Of(operation).ToString());

    [Fact]
    public void Only_throttling_and_failures_to_connect_prove_a_request_was_not_processed()
    {
        Assert.True(EcsOperationSafety.CannotHaveBeenProcessed(Wire("ThrottlingException", HttpStatusCode.BadRequest)));
        Assert.True(EcsOperationSafety.CannotHaveBeenProcessed(new HttpRequestException(HttpRequestError.ConnectionError, "refused")));
        Assert.True(EcsOperationSafety.CannotHaveBeenProcessed(new HttpRequestException("x", new SocketException((int)SocketError.ConnectionRefused))));
        Assert.False(EcsOperationSafety.CannotHaveBeenProcessed(Wire("ServerException", HttpStatusCode.InternalServerError)));
        Assert.False(EcsOperationSafety.CannotHaveBeenProcessed(Wire("LimitExceededException", HttpStatusCode.BadRequest)));
        Assert.False(EcsOperationSafety.CannotHaveBeenProcessed(new IOException("reset", new SocketException((int)SocketError.ConnectionReset))));
        Assert.False(EcsOperationSafety.CannotHaveBeenProcessed(new TimeoutException()));
        Assert.False(EcsOperationSafety.CannotHaveBeenProcessed(new HttpRequestException(HttpRequestError.ResponseEnded, "ended")));

        Assert.True(EcsOperationSafety.IsAmbiguous(Wire("ServerException", HttpStatusCode.InternalServerError), false));
        Assert.True(EcsOperationSafety.IsAmbiguous(new IOException("reset"), false));
        Assert.True(EcsOperationSafety.IsAmbiguous(new TimeoutException(), false));
        Assert.False(EcsOperationSafety.IsAmbiguous(new TimeoutException(), true));
        Assert.False(EcsOperationSafety.IsAmbiguous(Wire("ClientException", HttpStatusCode.BadRequest), false));
        Assert.False(EcsOperationSafety.IsAmbiguous(Wire("ThrottlingException", HttpStatusCode.BadRequest), false));
        Assert.False(EcsOperationSafety.IsAmbiguous(new AmazonClientException("Unable to get credentials"), false));
    }

    [Theory]
    [InlineData("server:after")]
    [InlineData("html:after")]
    [InlineData("drop:after")]
    [InlineData("slow=3s:after")]
    public async Task After_processing_faults_on_every_change_start_and_create_nothing_twice_and_the_outcome_is_established(string kind)
    {
        // Only the slow fault needs a short request timeout (shorter than its 3 s); the others keep a long one, so that the
        // follow-up reads that settle an outcome are not timed out themselves on a loaded machine.
        var requestTimeout = kind.StartsWith("slow", StringComparison.Ordinal) ? TimeSpan.FromMilliseconds(1200) : TimeSpan.FromSeconds(20);
        await using var kit = await FaultKit.StartAsync(requestTimeout: requestTimeout);
        var instances = kit.Instances();
        for (var i = 0; i < CallsPerKind; i++)
        {
            // RunTask: the SDK resends with the same token and gets the first attempt's task.
            var before = kit.RunningTasks().Length;
            kit.Server.Faults.Add(LocalEcsFaultSpec.Parse("RunTask:" + kind));
            var run = await kit.Connection.RunTaskAsync(FaultKit.Run(1));
            Assert.Single(run.Tasks!);
            Assert.Equal(before + 1, kit.RunningTasks().Length);

            // StartTask on two instances: never resent; the marker finds both tasks.
            before = kit.RunningTasks().Length;
            kit.Server.Faults.Add(LocalEcsFaultSpec.Parse("StartTask:" + kind));
            var start = await kit.Connection.StartTaskAsync(FaultKit.Start(instances[0], instances[1]));
            Assert.Equal(2, start.Tasks!.Count);
            Assert.Empty(start.Failures!);
            Assert.Equal(before + 2, kit.RunningTasks().Length);

            // StopTask: described, STOPPED desired.
            var stop = await kit.Connection.StopTaskAsync(new StopTaskRequest { Cluster = FaultKit.Cluster, Task = start.Tasks[0].TaskArn });
            Assert.Equal("STOPPED", stop.Task!.DesiredStatus);

            // CreateTaskSet: same token, one task set.
            var sets = kit.TaskSets().Length;
            kit.Server.Faults.Add(LocalEcsFaultSpec.Parse("CreateTaskSet:" + kind));
            var created = await kit.Connection.CreateTaskSetAsync(FaultKit.Create());
            Assert.Equal(sets + 1, kit.TaskSets().Length);
            var arn = created.TaskSet!.TaskSetArn!;

            kit.Server.Faults.Add(LocalEcsFaultSpec.Parse("UpdateTaskSet:" + kind));
            var scaled = await kit.Connection.UpdateTaskSetAsync(new UpdateTaskSetRequest
            {
                Cluster = FaultKit.Cluster, Service = FaultKit.Service, TaskSet = arn, Scale = new Scale { Value = 0, Unit = "PERCENT" },
            });
            Assert.Equal(0, scaled.TaskSet!.Scale!.Value);

            kit.Server.Faults.Add(LocalEcsFaultSpec.Parse("UpdateServicePrimaryTaskSet:" + kind));
            var primary = await kit.Connection.UpdateServicePrimaryTaskSetAsync(new UpdateServicePrimaryTaskSetRequest
            {
                Cluster = FaultKit.Cluster, Service = FaultKit.Service, PrimaryTaskSet = arn,
            });
            Assert.Equal("PRIMARY", primary.TaskSet!.Status);

            // Delete a non-primary set: describe says it is gone (or DRAINING); never TaskSetNotFound.
            var other = kit.CreateSet();
            kit.Server.Faults.Add(LocalEcsFaultSpec.Parse("DeleteTaskSet:" + kind));
            var deleted = await kit.Connection.DeleteTaskSetAsync(new DeleteTaskSetRequest { Cluster = FaultKit.Cluster, Service = FaultKit.Service, TaskSet = other });
            Assert.Equal("DRAINING", deleted.TaskSet!.Status);
            Assert.Equal(string.Join('/', other.Split('/').Skip(3)), deleted.TaskSet.Id);
            Assert.DoesNotContain(kit.TaskSets(), s => (string?)s["taskSetArn"] == other);
        }

        Assert.Empty(kit.Server.Faults.Pending);
        Assert.Equal(CallsPerKind, kit.Server.RequestsFor("StartTask").Count);
        output.WriteLine($"{kind}: {CallsPerKind} calls of each of 7 changes; StartTask sent {kit.Server.RequestsFor("StartTask").Count} time(s); "
            + $"tasks running {kit.RunningTasks().Length} (expected {CallsPerKind * 3 - CallsPerKind}); task sets {kit.TaskSets().Length}; 0 duplicates, 0 OutcomeUnknown.");
    }

    [Theory]
    [InlineData("server")]
    [InlineData("drop")]
    public async Task A_StartTask_fault_before_processing_starts_nothing_and_is_OutcomeUnknown_after_a_bounded_search(string kind)
    {
        await using var kit = await FaultKit.StartAsync();
        var instances = kit.Instances();
        kit.Server.Faults.Add(LocalEcsFaultSpec.Parse("StartTask:" + kind));
        var e = await Assert.ThrowsAsync<EcsServiceException>(() => kit.Connection.StartTaskAsync(FaultKit.Start(instances[0])));
        Assert.Equal(EcsErrorKind.OutcomeUnknown, e.Kind);
        Assert.Equal("OutcomeUnknown", e.ErrorCode);
        Assert.Contains("ecstools:start-id", e.Check);
        // A command that can be pasted as it is: the instances piped into Get-EcsTask, no placeholder.
        Assert.Contains($"'{instances[0]}' | ForEach-Object {{ Get-EcsTask -Cluster 'demo' -Family 'web' -ContainerInstance $_ -Include TAGS }}", e.Check);
        Assert.DoesNotContain("<", e.Check, StringComparison.Ordinal);
        Assert.DoesNotContain("try again", e.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Single(kit.Server.RequestsFor("StartTask"));
        Assert.Empty(kit.RunningTasks());
        Assert.Equal(EcsConnection.DefaultOutcomeSearchDelays.Where(d => d > TimeSpan.Zero), kit.Clock.Delays);
    }

    [Fact]
    public async Task A_container_instance_without_its_task_after_the_search_is_an_OUTCOME_UNKNOWN_failure_next_to_the_tasks_found()
    {
        string tight = "";
        await using var kit = await FaultKit.StartAsync(scene: scene =>
        {
            LocalEcsScenes.Demo(scene);
            tight = scene.RegisterContainerInstance(FaultKit.Cluster, cpu: 4096, memory: 1);
        });
        var roomy = kit.Instances().First(i => i != tight);
        kit.Server.Faults.Add(LocalEcsFaultSpec.Parse("StartTask:server:after"));
        var response = await kit.Connection.StartTaskAsync(FaultKit.Start(roomy, tight));
        Assert.Equal(roomy, Assert.Single(response.Tasks!).ContainerInstanceArn);
        var failure = Assert.Single(response.Failures!);
        Assert.Equal(tight, failure.Arn);
        Assert.Equal(EcsFailures.OutcomeUnknown, failure.Reason);
        Assert.Contains("ecstools:start-id", failure.Detail);
        Assert.Equal(EcsConnection.DefaultOutcomeSearchDelays.Where(d => d > TimeSpan.Zero), kit.Clock.Delays);
        Assert.Single(kit.Server.RequestsFor("StartTask"));
        Assert.Single(kit.RunningTasks());
    }

    [Fact]
    public async Task StartTask_carries_a_marker_tag_unique_to_the_call_next_to_the_users_tags()
    {
        await using var kit = await FaultKit.StartAsync();
        var request = FaultKit.Start(kit.Instances()[0]);
        request.Tags = [new Tag { Key = "team", Value = "web" }];
        await kit.Connection.StartTaskAsync(request);
        await kit.Connection.StartTaskAsync(FaultKit.Start(kit.Instances()[0]));
        var bodies = kit.Server.RequestsFor("StartTask").Select(r => r.Json!["tags"]!.AsArray()).ToArray();
        Assert.Equal("team", (string?)bodies[0][0]!["key"]);
        Assert.Equal(StartTaskSearch.MarkerKey, (string?)bodies[0][1]!["key"]);
        Assert.Matches("^[0-9a-f]{32}$", (string?)bodies[1][0]!["value"]);
        Assert.NotEqual((string?)bodies[0][1]!["value"], (string?)bodies[1][0]!["value"]);
    }

    [Fact]
    public async Task StartTask_is_sent_again_without_the_marker_when_tagging_is_not_allowed()
    {
        await using var kit = await FaultKit.StartAsync();
        kit.Server.Faults.Add(LocalEcsFault.Error("StartTask", "AccessDeniedException",
            "User: arn:aws:iam::123456789012:user/ci is not authorized to perform: ecs:TagResource on resource: arn:aws:ecs:us-east-1:123456789012:task/demo/*"));
        var response = await kit.Connection.StartTaskAsync(FaultKit.Start(kit.Instances()[0]));
        Assert.Single(response.Tasks!);
        var sent = kit.Server.RequestsFor("StartTask");
        Assert.Equal(2, sent.Count);
        Assert.NotNull(sent[0].Json!["tags"]);
        Assert.Null(sent[1].Json!["tags"]);
        Assert.Single(kit.RunningTasks());
    }

    [Fact]
    public async Task StartTask_is_sent_again_without_the_marker_when_ECS_refuses_a_tag()
    {
        await using var kit = await FaultKit.StartAsync();
        kit.Server.Faults.Add(LocalEcsFault.Error("StartTask", "InvalidParameterException", "Too many tags: a task takes at most 50."));
        Assert.Single((await kit.Connection.StartTaskAsync(FaultKit.Start(kit.Instances()[0]))).Tasks!);
        Assert.Null(kit.Server.RequestsFor("StartTask")[1].Json!["tags"]);

        kit.Server.Faults.Add(LocalEcsFault.Error("StartTask", "InvalidParameterException", "Container instance is not valid.").Times(2));
        var e = await Assert.ThrowsAsync<EcsServiceException>(() => kit.Connection.StartTaskAsync(FaultKit.Start(kit.Instances()[0])));
        Assert.Equal(EcsErrorKind.InvalidParameter, e.Kind);
        Assert.Equal(3, kit.Server.RequestsFor("StartTask").Count);
    }

    [Fact]
    public async Task A_change_that_could_not_connect_is_EndpointUnreachable_not_OutcomeUnknown()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var connection = EcsConnection.Open(new EcsConnectionSettings
        {
            EndpointUrl = $"http://127.0.0.1:{port}/", Region = "us-east-1", AccessKey = "AKIDCLOSED", SecretKey = "s",
        });
        connection.Time = new InstantTimeProvider();
        var e = await Assert.ThrowsAsync<EcsServiceException>(() => connection.StartTaskAsync(FaultKit.Start("i-1")));
        Assert.Equal(EcsErrorKind.Network, e.Kind);
        Assert.False(e.MayHaveBeenProcessed);
    }

    [Fact]
    public async Task Throttled_changes_are_retried_because_ECS_did_not_act_on_them()
    {
        await using var kit = await FaultKit.StartAsync();
        kit.Server.Faults.Add(LocalEcsFault.Throttling("StartTask")).Add(LocalEcsFault.Throttling("StopTask"));
        var started = await kit.Connection.StartTaskAsync(FaultKit.Start(kit.Instances()[0]));
        Assert.Equal(2, kit.Server.RequestsFor("StartTask").Count);
        Assert.Single(kit.RunningTasks());
        await kit.Connection.StopTaskAsync(new StopTaskRequest { Cluster = FaultKit.Cluster, Task = started.Tasks![0].TaskArn });
        Assert.Equal(2, kit.Server.RequestsFor("StopTask").Count);
        Assert.Empty(kit.Server.RequestsFor("DescribeTasks"));
    }

    [Fact]
    public async Task A_5xx_before_processing_of_a_state_change_is_checked_then_sent_again()
    {
        await using var kit = await FaultKit.StartAsync();
        var task = kit.RunOne();
        var set = kit.CreateSet();
        var other = kit.CreateSet();
        var next = kit.CreateSet();
        Assert.Equal("PRIMARY", (string?)kit.TaskSets().Single(s => (string?)s["taskSetArn"] == set)["status"]);
        kit.Server.Faults.Add(LocalEcsFault.ServerError("StopTask")).Add(LocalEcsFault.ServerError("DeleteTaskSet"))
            .Add(LocalEcsFault.ServerError("UpdateTaskSet")).Add(LocalEcsFault.ServerError("UpdateServicePrimaryTaskSet"));

        var stopped = await kit.Connection.StopTaskAsync(new StopTaskRequest { Cluster = FaultKit.Cluster, Task = task });
        Assert.Equal("STOPPED", stopped.Task!.DesiredStatus);
        var scaled = await kit.Connection.UpdateTaskSetAsync(new UpdateTaskSetRequest
        {
            Cluster = FaultKit.Cluster, Service = FaultKit.Service, TaskSet = set, Scale = new Scale { Value = 50, Unit = "PERCENT" },
        });
        Assert.Equal(50, scaled.TaskSet!.Scale!.Value);
        var primary = await kit.Connection.UpdateServicePrimaryTaskSetAsync(new UpdateServicePrimaryTaskSetRequest
        {
            Cluster = FaultKit.Cluster, Service = FaultKit.Service, PrimaryTaskSet = next,
        });
        Assert.Equal("PRIMARY", primary.TaskSet!.Status);
        Assert.Equal(next, primary.TaskSet.TaskSetArn);
        await kit.Connection.DeleteTaskSetAsync(new DeleteTaskSetRequest { Cluster = FaultKit.Cluster, Service = FaultKit.Service, TaskSet = other });

        foreach (var operation in new[] { "StopTask", "UpdateTaskSet", "UpdateServicePrimaryTaskSet", "DeleteTaskSet" })
        {
            Assert.Equal(2, kit.Server.RequestsFor(operation).Count);
        }

        Assert.Equal(4, kit.Server.RequestsFor("DescribeTasks").Count + kit.Server.RequestsFor("DescribeTaskSets").Count);
        Assert.Equal(2, kit.TaskSets().Length);
    }

    [Fact]
    public async Task RunTask_and_CreateTaskSet_failing_on_every_attempt_after_processing_are_OutcomeUnknown_and_made_once()
    {
        await using var kit = await FaultKit.StartAsync();
        kit.Server.Faults.Add(LocalEcsFault.ServerError("RunTask").AfterProcessing().Times(3))
            .Add(LocalEcsFault.ServerError("CreateTaskSet").AfterProcessing().Times(3));
        var run = FaultKit.Run(2);
        var e = await Assert.ThrowsAsync<EcsServiceException>(() => kit.Connection.RunTaskAsync(run));
        Assert.Equal(EcsErrorKind.OutcomeUnknown, e.Kind);
        Assert.Contains(run.ClientToken!, e.Check);
        Assert.Equal(3, kit.Server.RequestsFor("RunTask").Count);
        Assert.All(kit.Server.RequestsFor("RunTask"), r => Assert.Equal(run.ClientToken, (string?)r.Json!["clientToken"]));
        Assert.Single(kit.Server.RequestsFor("RunTask").Select(r => r.InvocationId).Distinct());
        Assert.Equal(2, kit.RunningTasks().Length);

        var create = FaultKit.Create();
        e = await Assert.ThrowsAsync<EcsServiceException>(() => kit.Connection.CreateTaskSetAsync(create));
        Assert.Equal(EcsErrorKind.OutcomeUnknown, e.Kind);
        Assert.Contains($"Get-EcsTaskSet -Cluster 'demo' -Service 'checkout'", e.Check);
        Assert.Single(kit.TaskSets());

        // The same token afterwards returns what the first attempt made.
        Assert.Equal(2, (await kit.Connection.RunTaskAsync(run)).Tasks!.Count);
        Assert.Equal(2, kit.RunningTasks().Length);
    }

    [Fact]
    public async Task The_retry_budget_is_per_call_and_survives_hundreds_of_retries_in_one_process()
    {
        await using var kit = await FaultKit.StartAsync();
        const int Calls = 150;
        for (var i = 0; i < Calls; i++)
        {
            kit.Server.Faults.Add(LocalEcsFault.ServerError("ListClusters").Times(2));
            var clusters = await kit.Connection.ListClustersAsync(new ListClustersRequest());
            Assert.Single(clusters.ClusterArns!);
        }

        Assert.Equal(Calls * 3, kit.Server.RequestsFor("ListClusters").Count);

        // A new connection to the same endpoint still retries; three failures in one call exhaust that call only.
        using var second = EcsConnection.Open(new EcsConnectionSettings
        {
            EndpointUrl = kit.Server.Endpoint.ToString(), Region = "us-east-1", AccessKey = "AKIDOTHER", SecretKey = "s",
        });
        kit.Server.Faults.Add(LocalEcsFault.Throttling("ListClusters").Times(2));
        await second.ListClustersAsync(new ListClustersRequest());
        kit.Server.Faults.Add(LocalEcsFault.ServerError("ListClusters").Times(3));
        var e = await Assert.ThrowsAsync<EcsServiceException>(() => second.ListClustersAsync(new ListClustersRequest()));
        Assert.Equal(EcsErrorKind.Server, e.Kind);
        await second.ListClustersAsync(new ListClustersRequest());
        output.WriteLine($"{Calls * 2 + 2} retries in one process, all retried.");
    }

    [Fact]
    public async Task The_request_timeout_bounds_each_attempt_and_reads_are_retried()
    {
        await using var kit = await FaultKit.StartAsync(requestTimeout: TimeSpan.FromMilliseconds(500));
        Assert.Equal(TimeSpan.FromMilliseconds(500), kit.Connection.RequestTimeout);

        // A first call warms the server and the client, so that no attempt times out before it reaches the server.
        Assert.Single((await kit.Connection.ListClustersAsync(new ListClustersRequest())).ClusterArns!);
        kit.Server.Faults.Add(LocalEcsFault.Slow("ListClusters", TimeSpan.FromSeconds(20)).Times(3));
        var e = await Assert.ThrowsAsync<EcsServiceException>(() => kit.Connection.ListClustersAsync(new ListClustersRequest()));
        Assert.Equal(EcsErrorKind.Timeout, e.Kind);
        Assert.Contains("-RequestTimeout", e.Message);
        Assert.Equal(1 + 3, kit.Server.RequestsFor("ListClusters").Count);

        kit.Server.Faults.Add(LocalEcsFault.Slow("ListClusters", TimeSpan.FromSeconds(20)));
        Assert.Single((await kit.Connection.ListClustersAsync(new ListClustersRequest())).ClusterArns!);
    }

    [Fact]
    public void An_attempt_that_timed_out_or_was_cancelled_is_not_a_stale_connection()
    {
        // Ending an attempt aborts its connection, so the timeout's chain holds what a stale connection shows (seen on a
        // loaded machine): the SDK would resend it uncounted, a fourth attempt after three timeouts.
        static Exception Ended() => new HttpIOException(HttpRequestError.ResponseEnded, "The response ended prematurely. (ResponseEnded)");
        var policy = new EcsRetryPolicy(2);
        Assert.True(policy.IsStaleConnectionError(Ended()));
        Assert.True(policy.IsStaleConnectionError(new HttpRequestException("An error occurred while sending the request.",
            new IOException("reset", new SocketException((int)SocketError.ConnectionReset)))));

        Assert.False(policy.IsStaleConnectionError(new TimeoutException("The operation was canceled.", new TaskCanceledException("The operation was canceled.", Ended()))));
        Assert.False(policy.IsStaleConnectionError(new TaskCanceledException("The operation was canceled.", Ended())));
        Assert.False(policy.IsStaleConnectionError(new AmazonClientException("wrapped", new OperationCanceledException("cancelled", Ended()))));
    }

    [Fact]
    public async Task Connections_with_different_request_timeouts_are_cached_apart()
    {
        await using var server = await LocalEcsServer.StartAsync(new LocalEcsOptions { Scene = LocalEcsScenes.Demo });
        EcsConnectionSettings Settings(TimeSpan? timeout) => new()
        {
            EndpointUrl = server.Endpoint.ToString(), Region = "us-east-1", AccessKey = "AKIDCACHE", SecretKey = "s", RequestTimeout = timeout,
        };
        var fast = EcsConnectionCache.Get(Settings(TimeSpan.FromSeconds(5)));
        var standard = EcsConnectionCache.Get(Settings(null));
        Assert.NotSame(fast, standard);
        Assert.Same(fast, EcsConnectionCache.Get(Settings(TimeSpan.FromSeconds(5))));
        Assert.Same(standard, EcsConnectionCache.Get(Settings(null)));
        Assert.Equal(EcsConnectionSettings.DefaultRequestTimeout, standard.RequestTimeout);
        Assert.Equal("default", standard.RequestTimeoutSource);
    }

    private static EcsWireException Wire(string code, HttpStatusCode status) =>
        new("injected", null, (int)status >= 500 ? ErrorType.Receiver : ErrorType.Sender, code, "req-1", status, null);
}
