using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using EcsTools.Engine;
using EcsTools.Engine.Model;
using EcsTools.LocalEcs;

namespace EcsTools.Benchmarks;

/// <summary>
/// One task started on Fargate against LocalEcs: through Start-EcsTask (binding, validation, output objects) and through
/// the engine directly. Same endpoint, same request; the difference is the cmdlet's cost per call.
/// </summary>
[MemoryDiagnoser]
public class StartTaskBenchmarks
{
    private LocalEcsServer? _server;
    private Runspace? _runspace;
    private PowerShell? _shell;
    private EcsConnection? _connection;
    private RunTaskRequest? _request;

    [GlobalSetup]
    public async Task Setup()
    {
        _server = await LocalEcsServer.StartAsync(new LocalEcsOptions { Scene = LocalEcsScenes.Demo });
        var endpoint = _server.Endpoint.ToString().TrimEnd('/');
        _runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
        _runspace.Open();
        using (var setup = PowerShell.Create())
        {
            setup.Runspace = _runspace;
            setup.AddScript($"Import-Module '{BenchPaths.ModuleManifest}'; "
                + $"$PSDefaultParameterValues['*-Ecs*:EndpointUrl'] = '{endpoint}'; $PSDefaultParameterValues['*-Ecs*:Region'] = 'us-east-1'; "
                + "$PSDefaultParameterValues['*-Ecs*:AccessKey'] = 'AKIDBENCH'; $PSDefaultParameterValues['*-Ecs*:SecretKey'] = 'bench'").Invoke();
        }

        _shell = PowerShell.Create();
        _shell.Runspace = _runspace;
        _shell.AddCommand("Start-EcsTask").AddParameter("TaskDefinition", "fargate-web").AddParameter("Cluster", "demo")
            .AddParameter("LaunchType", "FARGATE").AddParameter("Subnet", new[] { LocalEcsScenes.DemoSubnet });

        _connection = EcsConnectionCache.Get(new EcsConnectionSettings
        {
            EndpointUrl = endpoint,
            Region = "us-east-1",
            AccessKey = "AKIDBENCH",
            SecretKey = "bench",
        });
        _request = new RunTaskRequest
        {
            TaskDefinition = "fargate-web",
            Cluster = "demo",
            LaunchType = "FARGATE",
            Count = 1,
            NetworkConfiguration = new NetworkConfiguration { AwsvpcConfiguration = new AwsVpcConfiguration { Subnets = [LocalEcsScenes.DemoSubnet] } },
        };
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        _shell?.Dispose();
        _runspace?.Dispose();
        EcsConnectionCache.Clear();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    [Benchmark(Baseline = true)]
    public async Task<int> EngineRunTask()
    {
        _request!.ClientToken = System.Guid.NewGuid().ToString();
        var response = await _connection!.RunTaskAsync(_request);
        return response.Tasks!.Count;
    }

    [Benchmark]
    public int StartEcsTaskCmdlet() => _shell!.Invoke().Count;
}
