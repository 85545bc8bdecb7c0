using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using EcsTools.LocalEcs;
using EcsTools.Tests.Host;
using Xunit;
using Xunit.Abstractions;

namespace EcsTools.Tests.Session;

/// <summary>
/// Tab completion through the engine (TabExpansion2) against LocalEcs's demo scene, with the region, profile and
/// endpoint of the line and of $PSDefaultParameterValues; results cached per connection and call; a slow endpoint
/// gives up quietly within the budget.
/// </summary>
public sealed class CompletionTests : IAsyncLifetime
{
    private static readonly string[] s_families = ["bad-image", "batch", "batch-fail", "big"];

    // CompletionRunner.Budget (the module is not referenced by this project).
    private static readonly TimeSpan s_completionBudget = TimeSpan.FromSeconds(2);

    private readonly ITestOutputHelper _output;
    private LocalEcsHost _host = null!;

    public CompletionTests(ITestOutputHelper output) => _output = output;

    public async Task InitializeAsync()
    {
        _host = await LocalEcsHost.StartAsync();
        // Load the engine and its SDK once, as a session that already ran a command has.
        _host.Run("Start-EcsTask web -Cluster demo -LaunchType EC2 -WhatIf").EnsureSuccess();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData("Start-EcsTask web -Cluster ", new[] { "demo" })]
    [InlineData("Get-EcsTask -Cluster de", new[] { "demo" })]
    [InlineData("Stop-EcsTask -Cluster x", new string[0])]
    [InlineData("Start-EcsTask -TaskDefinition b", new[] { "bad-image", "batch", "batch-fail", "big" })]
    [InlineData("Start-EcsTask far", new[] { "fargate-web" })]
    [InlineData("New-EcsTaskSet -Cluster demo -Service checkout -TaskDefinition we", new[] { "web" })]
    [InlineData("Get-EcsTask -Cluster demo -Family batch", new[] { "batch", "batch-fail" })]
    [InlineData("Start-EcsTask -TaskDefinition 'bat", new[] { "'batch'", "'batch-fail'" })]
    [InlineData("New-EcsTaskSet -Cluster demo -Service ", new[] { "checkout" })]
    [InlineData("Get-EcsTask -Cluster demo -ServiceName ch", new[] { "checkout" })]
    [InlineData("Remove-EcsTaskSet -Cluster demo -Service c", new[] { "checkout" })]
    [InlineData("Start-EcsTask web -Cluster demo -CapacityProviderStrategy FARGATE_", new[] { "@{CapacityProvider='FARGATE_SPOT'; Weight=1}" })]
    [InlineData("Start-EcsTask web -Cluster demo -CapacityProviderStrategy @{CapacityProvider='FARGATE'; Weight=1}, FARGATE_S",
        new[] { "@{CapacityProvider='FARGATE_SPOT'; Weight=1}" })]
    [InlineData("New-EcsTaskSet -Cluster demo -Service checkout -TaskDefinition web -CapacityProviderStrategy ",
        new[] { "@{CapacityProvider='FARGATE'; Weight=1}", "@{CapacityProvider='FARGATE_SPOT'; Weight=1}" })]
    public void Completes_from_the_live_API(string line, string[] expected)
    {
        var (texts, _, result) = SessionKit.Complete(_host.Session, line);
        Assert.Empty(result.Errors);
        Assert.Equal(expected, texts);
    }

    [Fact]
    public void Revisions_complete_after_the_colon_newest_first()
    {
        _host.Server.Scene.RegisterTaskDefinition(new LocalEcsTaskDefinition
        {
            Family = "web",
            Containers = [new LocalEcsContainer { Name = "web", Image = "public.ecr.aws/nginx/nginx:1.27", Memory = 256 }],
        });
        Assert.Equal(["web:2", "web:1"], SessionKit.Complete(_host.Session, "Start-EcsTask -TaskDefinition web:").Texts);
        Assert.Equal(["web:1"], SessionKit.Complete(_host.Session, "Start-EcsTask web:1").Texts);
    }

    [Fact]
    public void Container_instances_tasks_and_task_sets_complete_their_ids()
    {
        var instances = _host.Server.Invoke("ListContainerInstances", """{"cluster":"demo"}""")["containerInstanceArns"]!.AsArray()
            .Select(a => a!.GetValue<string>().Split('/')[^1]).Order(StringComparer.OrdinalIgnoreCase).ToArray();
        Assert.Equal(3, instances.Length);
        Assert.Equal(instances, SessionKit.Complete(_host.Session, "Start-EcsTask web -Cluster demo -ContainerInstance ").Texts);

        var tasks = _host.Run("Start-EcsTask web -Cluster demo -LaunchType EC2 -Count 2").EnsureSuccess()
            .Dynamic.Select(t => ((string)t.TaskArn).Split('/')[^1]).Order(StringComparer.OrdinalIgnoreCase).ToArray();
        foreach (var command in new[] { "Stop-EcsTask", "Wait-EcsTask", "Get-EcsTask" })
        {
            Assert.Equal(tasks, SessionKit.Complete(_host.Session, command + " -Cluster demo -Task ").Texts);
        }

        var set = _host.Run("New-EcsTaskSet -Cluster demo -Service checkout -TaskDefinition fargate-web -LaunchType FARGATE").EnsureSuccess().Dynamic.Single();
        foreach (var command in new[] { "Get-EcsTaskSet", "Set-EcsTaskSet", "Remove-EcsTaskSet" })
        {
            Assert.Equal([(string)set.Id], SessionKit.Complete(_host.Session, command + " -Cluster demo -Service checkout -TaskSet ").Texts);
        }
    }

    [Fact]
    public void The_region_on_the_line_and_PSDefaultParameterValues_choose_where_to_look()
    {
        _host.Server.ClearRequests();
        Assert.Equal(["demo"], SessionKit.Complete(_host.Session, "Start-EcsTask -Region eu-west-2 -Cluster ").Texts);
        Assert.Equal("eu-west-2", SessionKit.Scope(_host.Server.RequestsFor("ListClusters").Single()).Region);

        _host.Run("$PSDefaultParameterValues['*-Ecs*:Cluster'] = 'demo'").EnsureSuccess();
        Assert.Equal(["checkout"], SessionKit.Complete(_host.Session, "Get-EcsTaskSet -Service ").Texts);
        Assert.Equal("demo", _host.Server.RequestsFor("ListServices").Single().Json!["cluster"]!.GetValue<string>());
    }

    [Fact]
    public void Results_are_cached_per_connection_and_call()
    {
        _host.Server.ClearRequests();
        SessionKit.Complete(_host.Session, "Start-EcsTask -Cluster ");
        SessionKit.Complete(_host.Session, "Get-EcsTask -Cluster d");
        SessionKit.Complete(_host.Session, "Start-EcsTask -Region ca-central-1 -Cluster ");
        Assert.Equal(["us-east-1", "ca-central-1"], _host.Server.RequestsFor("ListClusters").Select(r => r.Region));
    }

    [Fact]
    public async Task A_slow_endpoint_gives_up_when_the_budget_is_spent_without_an_error()
    {
        // The budget runs on the test's clock: the completion is still waiting just before 2 s on it (even after 2.5 s of
        // real time) and gives up at 2 s, while the answer (10 s of real time away) has not come.
        var time = _host.UseWaitClock();
        _host.Server.Faults.Add(LocalEcsFault.Slow("ListServices", TimeSpan.FromSeconds(10)));
        var timers = time.TimersCreated;
        var completion = Task.Run(() => SessionKit.Complete(_host.Session, "New-EcsTaskSet -Cluster demo -Service "));
        await WaitClocks.Until(() => time.TimersCreated > timers && _host.Server.RequestsFor("ListServices").Count > 0);
        time.Advance(s_completionBudget - TimeSpan.FromMilliseconds(10));
        // Longer than the budget in real time: a budget on the system's clock would have given up by now.
        await Task.Delay(s_completionBudget + TimeSpan.FromSeconds(0.5));
        Assert.False(completion.IsCompleted, "gave up before the budget was spent on the clock");
        time.Advance(TimeSpan.FromMilliseconds(10));
        var (texts, _, result) = await completion.WaitAsync(WaitClocks.Bound);
        Assert.Empty(texts);
        Assert.Empty(result.Errors);
        Assert.Null(result.Terminating);
    }

    [Fact]
    public async Task A_profile_file_that_never_finishes_reading_gives_up_within_the_budget()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // Named pipes in the file system are Unix's.
        }

        // Reading a named pipe blocks until something writes to it: the connection's resolution (which reads the profile
        // file, or asks instance metadata for a region) must not hold the prompt past the budget, any more than a slow endpoint.
        var pipe = Path.Combine(Path.GetTempPath(), "ecstools-pipe-" + Guid.NewGuid().ToString("N"));
        Assert.Equal(0, MakeFifo(pipe, 0x180));
        try
        {
            var completion = Task.Run(() => SessionKit.Complete(_host.Session, $"Start-EcsTask -ProfileLocation '{pipe}' -Cluster "));
            Assert.Same(completion, await Task.WhenAny(completion, Task.Delay(WaitClocks.Bound)));
            var (texts, _, result) = await completion;
            Assert.Empty(texts);
            Assert.Empty(result.Errors);
            Assert.Null(result.Terminating);
        }
        finally
        {
            // End the read that is still blocked (an empty file), so that nothing stays behind.
            await Task.Run(() => new FileStream(pipe, FileMode.Open, FileAccess.Write).Dispose()).WaitAsync(WaitClocks.Bound);
            File.Delete(pipe);
        }
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "mkfifo", SetLastError = true)]
    private static extern int MakeFifo([System.Runtime.InteropServices.MarshalAs(System.Runtime.InteropServices.UnmanagedType.LPUTF8Str)] string path, uint mode);

    [Theory]
    [InlineData("Start-EcsTask -EndpointUrl not-a-url -Cluster ")]
    [InlineData("Start-EcsTask -EndpointUrl http://127.0.0.1:9 -Cluster ")]
    [InlineData("Start-EcsTask -ProfileName no-such-profile -ProfileLocation /nonexistent/credentials -Cluster ")]
    public async Task A_line_that_cannot_connect_completes_nothing_without_an_error(string line)
    {
        // The budget's clock stands still for every endpoint of these lines: the completion ends because the line
        // cannot connect, not because the budget ran out.
        var frozen = _host.UseWaitClock();
        WaitClocks.Use("not-a-url", frozen);
        WaitClocks.Use("http://127.0.0.1:9", frozen);
        try
        {
            var (texts, _, result) = await Task.Run(() => SessionKit.Complete(_host.Session, line)).WaitAsync(WaitClocks.Bound);
            Assert.Empty(texts);
            Assert.Empty(result.Errors);
            Assert.Null(result.Terminating);
        }
        finally
        {
            WaitClocks.Use("not-a-url", null);
            WaitClocks.Use("http://127.0.0.1:9", null);
        }
    }

    [Fact]
    public async Task Profile_names_complete_from_the_profile_file()
    {
        var directory = SessionKit.TempDirectory();
        var file = Path.Combine(directory, "credentials");
        await File.WriteAllTextAsync(file, "[ecs-one]\naws_access_key_id = A\naws_secret_access_key = s\n[ecs-two]\naws_access_key_id = B\naws_secret_access_key = s\n[other]\naws_access_key_id = C\naws_secret_access_key = s\n");
        Assert.Equal(["ecs-one", "ecs-two"], SessionKit.Complete(_host.Session, $"Start-EcsTask -ProfileLocation '{file}' -ProfileName ecs").Texts);
        Directory.Delete(directory, true);
    }

    [Fact]
    public async Task Latencies_cold_and_cached()
    {
        await using var fresh = await LocalEcsHost.StartAsync();
        var cold = SessionKit.Complete(fresh.Session, "Start-EcsTask -Cluster ");
        var firstCall = SessionKit.Complete(fresh.Session, "Start-EcsTask -TaskDefinition ");
        var sent = fresh.Server.Requests.Count;
        var cached = SessionKit.Complete(fresh.Session, "Start-EcsTask -TaskDefinition b");
        _output.WriteLine($"Cold (engine and SDK load, first client, ListClusters): {cold.Elapsed.TotalMilliseconds:0} ms -> {string.Join(",", cold.Texts)}");
        _output.WriteLine($"Warm client, first ListTaskDefinitionFamilies: {firstCall.Elapsed.TotalMilliseconds:0} ms");
        _output.WriteLine($"Cached: {cached.Elapsed.TotalMilliseconds:0} ms");
        Assert.Equal(s_families, cached.Texts);
        // Cached means no call: the latencies above are measurements to read, not bounds (speed claims are benchmarks).
        Assert.Equal(sent, fresh.Server.Requests.Count);
    }

    [Fact]
    public void Every_cmdlet_parameter_that_names_an_ECS_resource_has_a_completer()
    {
        // Not vacuous: the cmdlets are there to be checked.
        Assert.NotEmpty(_host.Run("Get-Command -Module EcsTools -CommandType Cmdlet").EnsureSuccess().Output);
        var missing = _host.Run(
            """
            foreach ($command in Get-Command -Module EcsTools) {
                foreach ($parameter in $command.Parameters.Values) {
                    if ($parameter.Name -in 'Cluster', 'Service', 'ServiceName', 'TaskDefinition', 'Family', 'ContainerInstance', 'Task', 'TaskSet',
                            'CapacityProviderStrategy', 'ProfileName', 'Region' -and
                        -not ($parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.ArgumentCompleterAttribute] })) {
                        "$($command.Name) -$($parameter.Name)"
                    }
                }
            }
            """).EnsureSuccess().Output.Select(o => o.ToString()).ToList();
        Assert.Empty(missing);
    }
}
