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
/// Following the logs of 1, 10 and 100 running tasks of one log group against LocalEcs (each container prints a 100-character line
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
        var definition = new LocalEcsTaskDefinition
        {
            Family = "chatty",
            Containers = [new LocalEcsContainer { Name = "app", Memory = 64, RunFor = TimeSpan.FromHours(1), OutputLines = 36_000, LogGroup = "/bench", LogStreamPrefix = "app" }],
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

        // Warm up (the Logs client, JIT, the server's buffers), so that what is measured is what the follow holds.
        var warm = new TaskLogReader(_connection);
        warm.Add((await new TaskLogLocator(_connection).LocateAsync(arns[0], definitionArn))[0].Source!);
        await warm.ReadAsync(toTheEnd: true);
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

        // What the follow holds: the memory freed when its locator and reader are dropped (the in-process server's own
        // buffers and state stay, so they are not counted).
        var probe = new TaskLogReader(_connection);
        var probeLocator = new TaskLogLocator(_connection);
        foreach (var arn in arns)
        {
            foreach (var location in await probeLocator.LocateAsync(arn, definitionArn))
            {
                probe.Add(location.Source!);
            }
        }

        await probe.ReadAsync(toTheEnd: true);
        var withProbe = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(probeLocator);
        GC.KeepAlive(probe);
        probe = null;
        probeLocator = null;
        var held = withProbe - GC.GetTotalMemory(forceFullCollection: true);
        _ = before;
        await Task.Delay(300);
        var polls = 5;
        var requests = 0;
        for (var i = 0; i < polls; i++)
        {
            requests += (await _reader.ReadAsync(toTheEnd: false)).Requests;
            await Task.Delay(200);
        }

        GC.KeepAlive(locator);
        Console.WriteLine($"// LogFollow {Tasks} task(s): {requests / (double)polls:0.##} CloudWatch Logs request(s) a poll; {held / 1024.0:0.#} KiB held by the follow of these tasks after its first read (locator, reader, cursors)");
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
