using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using EcsTools.Engine.Model;
using EcsTools.LocalEcs;

namespace EcsTools.Engine.Tests.Client;

/// <summary>A LocalEcs server with the demo scene and an engine connection to it, for the fault tests.</summary>
internal sealed class FaultKit : IAsyncDisposable
{
    public const string Cluster = "demo";
    public const string Service = "checkout";

    private FaultKit(LocalEcsServer server, EcsConnection connection, InstantTimeProvider clock)
    {
        Server = server;
        Connection = connection;
        Clock = clock;
    }

    public LocalEcsServer Server { get; }

    public EcsConnection Connection { get; }

    /// <summary>The clock of the connection's outcome searches: every wait returns at once and is recorded.</summary>
    public InstantTimeProvider Clock { get; }

    public static async Task<FaultKit> StartAsync(TimeSpan? requestTimeout = null, Action<LocalEcsScene>? scene = null)
    {
        var server = await LocalEcsServer.StartAsync(new LocalEcsOptions { Scene = scene ?? LocalEcsScenes.Demo, StepInterval = TimeSpan.FromMilliseconds(50) });
        var connection = EcsConnection.Open(new EcsConnectionSettings
        {
            EndpointUrl = server.Endpoint.ToString(),
            Region = "us-east-1",
            AccessKey = "AKIDFAULTS",
            SecretKey = "fault-secret",
            RequestTimeout = requestTimeout ?? TimeSpan.FromSeconds(1),
        });
        var clock = new InstantTimeProvider();
        connection.Time = clock;
        return new FaultKit(server, connection, clock);
    }

    public string[] Instances() =>
        Server.Invoke("ListContainerInstances", $$"""{"cluster":"{{Cluster}}"}""")["containerInstanceArns"]!.AsArray().Select(n => (string)n!).ToArray();

    /// <summary>The running tasks of the demo cluster, read in-process (no faults, not logged).</summary>
    public string[] RunningTasks() =>
        Server.Invoke("ListTasks", $$"""{"cluster":"{{Cluster}}","maxResults":100}""")["taskArns"]!.AsArray().Select(n => (string)n!).ToArray();

    public JsonObject[] TaskSets() =>
        Server.Invoke("DescribeTaskSets", $$"""{"cluster":"{{Cluster}}","service":"{{Service}}"}""")["taskSets"]!.AsArray().Select(s => s!.AsObject()).ToArray();

    public string CreateSet(double scale = 0) =>
        (string)Server.Invoke("CreateTaskSet", new JsonObject
        {
            ["cluster"] = Cluster,
            ["service"] = Service,
            ["taskDefinition"] = "fargate-web",
            ["launchType"] = "FARGATE",
            ["scale"] = new JsonObject { ["value"] = scale, ["unit"] = "PERCENT" },
        }.ToJsonString())["taskSet"]!["taskSetArn"]!;

    public string RunOne()
    {
        var task = Server.Invoke("RunTask", $$"""{"cluster":"{{Cluster}}","taskDefinition":"web","launchType":"EC2"}""")["tasks"]![0]!;
        return (string)task["taskArn"]!;
    }

    public static StartTaskRequest Start(params string[] instances) => new() { Cluster = Cluster, TaskDefinition = "web", ContainerInstances = [.. instances] };

    public static RunTaskRequest Run(int count) => new()
    {
        Cluster = Cluster, TaskDefinition = "web", LaunchType = "EC2", Count = count, ClientToken = Guid.NewGuid().ToString(),
    };

    public static CreateTaskSetRequest Create() => new()
    {
        Cluster = Cluster, Service = Service, TaskDefinition = "fargate-web", LaunchType = "FARGATE",
        Scale = new Scale { Value = 0, Unit = "PERCENT" }, ClientToken = Guid.NewGuid().ToString(),
    };

    public async ValueTask DisposeAsync()
    {
        Connection.Dispose();
        await Server.DisposeAsync();
    }
}

/// <summary>A clock whose timers fire at once; it records every delay asked for.</summary>
internal sealed class InstantTimeProvider : TimeProvider
{
    public ConcurrentQueue<TimeSpan> Delays { get; } = new();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            Delays.Enqueue(dueTime);
            ThreadPool.QueueUserWorkItem(_ => callback(state));
        }

        return new NoTimer();
    }

    private sealed class NoTimer : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => true;

        public void Dispose()
        {
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
