using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using EcsTools.Engine.Logs;
using EcsTools.LocalEcs;

namespace EcsTools.Engine.Tests.Logs;

/// <summary>A LocalEcs on a manual clock with scripted containers that log with awslogs, and a connection to it.</summary>
internal sealed class LogScene : IAsyncDisposable
{
    public const string Cluster = "logs";
    public const string Group = "/ecs/logs";

    private LogScene(LocalEcsServer server, ManualClock clock, EcsConnection connection)
    {
        Server = server;
        Clock = clock;
        Connection = connection;
    }

    public LocalEcsServer Server { get; }

    public ManualClock Clock { get; }

    public EcsConnection Connection { get; }

    public static async Task<LogScene> StartAsync(TimeSpan? ingestionDelay = null, Func<string, TimeSpan>? lineDelay = null)
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 12, 6, 6, 0, 0, TimeSpan.Zero));
        var server = await LocalEcsServer.StartAsync(new LocalEcsOptions { TimeProvider = clock, LogIngestionDelay = ingestionDelay ?? TimeSpan.Zero, LogLineDelay = lineDelay, Scene = scene =>
        {
            scene.CreateCluster(Cluster);
            for (var i = 0; i < 3; i++)
            {
                scene.RegisterContainerInstance(Cluster);
            }
        },
        });
        var connection = EcsConnection.Open(new EcsConnectionSettings
        {
            EndpointUrl = server.Endpoint.ToString(),
            Region = "us-east-1",
            AccessKey = "AKIDLOGSTEST",
            SecretKey = "logs-secret",
        });
        return new LogScene(server, clock, connection);
    }

    /// <summary>Registers a family whose containers print the given output (null: that container logs nothing but has a stream).</summary>
    public string Register(string family, params LocalEcsContainer[] containers)
    {
        var definition = new LocalEcsTaskDefinition { Family = family, Containers = containers };
        var json = definition.ToRequestJson();
        return (string)Server.Invoke("RegisterTaskDefinition", json)["taskDefinition"]!["taskDefinitionArn"]!;
    }

    public static LocalEcsContainer Container(string name, TimeSpan runFor, string? output = null, int? lines = null, string? prefix = "app", string? group = Group) => new()
    {
        Name = name,
        Memory = 128,
        RunFor = runFor,
        Output = output,
        OutputLines = lines,
        LogGroup = group,
        LogStreamPrefix = prefix,
    };

    /// <summary>Runs <paramref name="count"/> tasks of the family with the EC2 launch type; their ARNs.</summary>
    public IReadOnlyList<string> Run(string family, int count = 1)
    {
        var arns = new List<string>();
        while (arns.Count < count)
        {
            var batch = Math.Min(10, count - arns.Count);
            var response = Server.Invoke("RunTask", new JsonObject { ["cluster"] = Cluster, ["taskDefinition"] = family, ["count"] = batch, ["launchType"] = "EC2" });
            arns.AddRange(((JsonArray)response["tasks"]!).Select(t => (string)t!["taskArn"]!));
        }

        return arns;
    }

    /// <summary>Where the tasks' containers log, as the engine finds it from the task definition.</summary>
    public async Task<IReadOnlyList<TaskLogSource>> SourcesAsync(TaskLogLocator locator, IEnumerable<string> taskArns, string taskDefinitionArn)
    {
        var sources = new List<TaskLogSource>();
        foreach (var arn in taskArns)
        {
            sources.AddRange((await locator.LocateAsync(arn, taskDefinitionArn)).Select(l => l.Source!));
        }

        return sources;
    }

    public bool Stopped(string taskArn)
    {
        var response = Server.Invoke("DescribeTasks", new JsonObject { ["cluster"] = Cluster, ["tasks"] = new JsonArray(taskArn) });
        return (string?)response["tasks"]![0]!["lastStatus"] == "STOPPED";
    }

    public async ValueTask DisposeAsync()
    {
        Connection.Dispose();
        await Server.DisposeAsync();
    }
}

/// <summary>A clock that moves only when a test says so.</summary>
internal sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private readonly object _gate = new();
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    public void Advance(TimeSpan by)
    {
        lock (_gate)
        {
            _now += by;
        }
    }
}
