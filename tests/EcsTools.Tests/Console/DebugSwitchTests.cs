using System.Linq;
using System.Threading.Tasks;
using EcsTools.Tests.Host;
using Xunit;
using static EcsTools.Tests.Commands.GetEcsTaskScenes;

namespace EcsTools.Tests.Console;

/// <summary>
/// -Debug at a console: PowerShell turns the verbose preference of a compiled cmdlet into Inquire under -Debug, so each
/// verbose line asked "Continue with this operation?" (and failed without a console). The lines are debug lines now.
/// </summary>
public sealed class DebugSwitchTests
{
    private const string Prompt = "Continue with this operation?";

    [Fact]
    public async Task Debug_writes_the_verbose_and_debug_lines_without_a_prompt()
    {
        await using var host = await LocalEcsHost.StartAsync();
        var arn = Run(host.Server, "web", 1, container: "web")[0];

        var text = ConsoleRun.Text(host.Server.Endpoint, "Get-EcsTask $args[0] -Debug | Out-Null", 120, arn);

        Assert.DoesNotContain(Prompt, text);
        Assert.Contains("DEBUG: ECS region: us-east-1", text);
        Assert.Contains("DEBUG: DescribeTasks: 1 task(s) of cluster", text);
        Assert.DoesNotContain("VERBOSE:", text);
    }

    [Fact]
    public async Task Debug_with_Verbose_keeps_the_verbose_lines_verbose()
    {
        await using var host = await LocalEcsHost.StartAsync();
        var arn = Run(host.Server, "web", 1, container: "web")[0];

        var text = ConsoleRun.Text(host.Server.Endpoint, "Get-EcsTask $args[0] -Debug -Verbose | Out-Null", 120, arn);

        Assert.DoesNotContain(Prompt, text);
        Assert.Contains("VERBOSE: ECS region: us-east-1", text);
        Assert.Contains("DEBUG: DescribeTasks: 1 task(s) of cluster", text);
    }

    [Fact]
    public async Task Every_cmdlet_takes_Debug_without_a_prompt()
    {
        await using var host = await LocalEcsHost.StartAsync();
        var arn = Run(host.Server, "web", 1, container: "web")[0];
        const string script = """
            $t = Start-EcsTask -Cluster demo -TaskDefinition batch -LaunchType EC2 -Environment @{ LOCALECS_RUN_FOR = '200ms' } -Wait -PollInterval 0.05 -Debug
            Wait-EcsTask $t.TaskArn -PollInterval 0.05 -Debug | Out-Null
            Get-EcsTask -Cluster demo -Debug | Out-Null
            Stop-EcsTask $args[0] -Debug | Out-Null
            $set = New-EcsTaskSet -Cluster demo -Service checkout -TaskDefinition fargate-web -LaunchType FARGATE -Subnet subnet-0a1b2c3d4e5f60718 -Scale 0 -Debug
            Get-EcsTaskSet -Cluster demo -Service checkout -Debug | Out-Null
            Set-EcsTaskSet $set.TaskSetArn -Cluster demo -Service checkout -Scale 0 -Wait -PollInterval 0.05 -Debug | Out-Null
            Remove-EcsTaskSet $set.TaskSetArn -Cluster demo -Service checkout -Force -Debug | Out-Null
            'finished'
            """;

        var text = ConsoleRun.Text(host.Server.Endpoint, script, 120, arn);

        Assert.DoesNotContain(Prompt, text);
        Assert.DoesNotContain("TERMINATING", text);
        Assert.DoesNotContain("Line |", text);
        Assert.Contains("finished", text);
        Assert.True(text.Split('\n').Count(l => l.StartsWith("DEBUG: ECS region", System.StringComparison.Ordinal)) >= 8, text);
    }
}
