using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using EcsTools.Engine;
using EcsTools.Engine.Logs;
using EcsTools.LocalEcs;

namespace EcsTools.Benchmarks;

/// <summary>
/// Following the logs of 1, 10 and 100 running tasks of one log group against LocalEcs (each container prints a line
/// every 100 ms): one poll of <see cref="TaskLogReader"/> (time and allocations). Setup prints the CloudWatch Logs
/// requests one poll takes and the memory the follow holds for its tasks (locator, reader and cursors, after a poll).
/// </summary>
[MemoryDiagnoser]
public class LogFollowBenchmarks
{
    private LocalEcsServer? _server;
    private EcsConnection? _connection;
    private TaskLogReader? _reader;

    [Params(1, 10, 100)]
    public int Tasks { get; set; }

    [GlobalSetup]
    public async Task Setup()
    {
        _server = await LocalEcsServer.StartAsync(new LocalEcsOptions
        {
            StepInterval = TimeSpan.FromMilliseconds(10),
            Scene = scene =>
            {
                scene.CreateCluster("bench");
                for (var i = 0; i < 3; i++)
                {
                    scene.RegisterContainerInstance("bench");
                }
            },
        });
        var output = string.Join("\n", Enumerable.Range(0, 36_000).Select(i => $"+{i * 100}ms tick {i}"));
        var definition = new LocalEcsTaskDefinition
        {
            Family = "chatty",
            Containers = [new LocalEcsContainer { Name = "app", Memory = 64, Output = output, LogGroup = "/bench", LogStreamPrefix = "app" }],
        };
        var definitionArn = (string)_server.Invoke("RegisterTaskDefinition", definition.ToRequestJson())["taskDefinition"]!["taskDefinitionArn"]!;
        var arns = new List<string>();
        while (arns.Count < Tasks)
        {
            var response = _server.Invoke("RunTask", new JsonObject { ["cluster"] = "bench", ["taskDefinition"] = "chatty", ["count"] = Math.Min(10, Tasks - arns.Count), ["launchType"] = "EC2" });
            arns.AddRange(((JsonArray)response["tasks"]!).Select(t => (string)t!["taskArn"]!));
        }

        await Task.Delay(500);
        _connection = EcsConnection.Open(new EcsConnectionSettings
        {
            EndpointUrl = _server.Endpoint.ToString(),
            Region = "us-east-1",
            AccessKey = "AKIDBENCH",
            SecretKey = "bench",
        });

        var before = GC.GetTotalMemory(forceFullCollection: true);
        var locator = new TaskLogLocator(_connection);
        _reader = new TaskLogReader(_connection);
        foreach (var arn in arns)
        {
            foreach (var location in await locator.LocateAsync(arn, definitionArn))
            {
                _reader.Add(location.Source!);
            }
        }

        await _reader.ReadAsync(toTheEnd: true);
        var held = GC.GetTotalMemory(forceFullCollection: true) - before;
        await Task.Delay(300);
        var polls = 5;
        var requests = 0;
        for (var i = 0; i < polls; i++)
        {
            requests += (await _reader.ReadAsync(toTheEnd: false)).Requests;
            await Task.Delay(200);
        }

        GC.KeepAlive(locator);
        Console.WriteLine($"// LogFollow {Tasks} task(s): {requests / (double)polls:0.##} CloudWatch Logs request(s) a poll; {held / 1024.0:0.#} KiB held by the follow after its first read");
    }

    [Benchmark]
    public async Task<int> OnePoll() => (await _reader!.ReadAsync(toTheEnd: false)).Lines.Count;

    [GlobalCleanup]
    public async Task Cleanup()
    {
        _connection?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
