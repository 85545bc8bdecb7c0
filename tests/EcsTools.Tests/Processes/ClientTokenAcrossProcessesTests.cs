using System;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using EcsTools.Tests.Host;
using Xunit;

namespace EcsTools.Tests.Processes;

/// <summary>
/// Issue 11 item 0: a hashtable's enumeration order differs from process to process (string hashes are randomized), so
/// a request built in hashtable order differs too, and ECS answers a re-run with the same client token with a conflict.
/// Here the same command runs in three separate processes against one standalone LocalEcs and must get the same task.
/// </summary>
public sealed partial class ClientTokenAcrossProcessesTests
{
    [Fact]
    public async Task The_same_client_token_and_a_multi_key_environment_give_the_same_task_in_three_processes()
    {
        await using var ecs = await StandaloneLocalEcs.StartAsync("--scene", "demo", "--step", "50ms");
        var token = "t-" + Guid.NewGuid().ToString("N");
        var script = $$"""
            $environment = @{ SHARD = '1'; SHARDS = '4'; REGION = 'eu'; MODE = 'full'; LOG_LEVEL = 'debug'; RETRIES = '3';
                              BATCH = '500'; OWNER = 'ops'; DRY_RUN = 'false'; TARGET = 's3://bucket/x'; A = 'a'; Z = 'z' }
            $tags = @{ team = 'data'; env = 'prod'; job = 'nightly'; shard = '1'; cost = 'batch'; owner = 'ops' }
            $task = Start-EcsTask batch -Cluster demo -LaunchType EC2 -ClientToken '{{token}}' -Environment $environment -Tag $tags -ErrorAction Stop
            "ARN=$($task.TaskArn)"
            """;
        var arns = new string[3];
        for (var i = 0; i < arns.Length; i++)
        {
            var (exitCode, output) = await ChildHost.RunAsync(script, "--endpoint", ecs.Endpoint.ToString().TrimEnd('/'));
            Assert.True(exitCode == 0, $"Process {i + 1} exited with {exitCode}: {output}");
            arns[i] = Arn().Match(output).Groups[1].Value;
            Assert.StartsWith("arn:aws:ecs:", arns[i]);
        }

        Assert.Single(arns.Distinct());
    }

    [Fact]
    public async Task The_nightly_batch_example_run_twice_for_one_run_id_succeeds_both_times()
    {
        await using var ecs = await StandaloneLocalEcs.StartAsync("--scene", "demo", "--step", "50ms");
        var runId = "x" + Guid.NewGuid().ToString("N")[..8];
        for (var run = 1; run <= 2; run++)
        {
            var (exitCode, output) = await ChildHost.RunTourAsync(
                ["--endpoint", ecs.Endpoint.ToString().TrimEnd('/'), "nightly-batch", "-RunId", runId], timeout: TimeSpan.FromSeconds(180));
            Assert.True(exitCode == 0, $"Run {run} exited with {exitCode}: {output}");
            Assert.Contains($"Run {runId}: 6 of 6 shard(s) succeeded.", output);
        }
    }

    [GeneratedRegex(@"ARN=(\S+)")]
    private static partial Regex Arn();
}
