using System;
using System.Linq;
using System.Threading.Tasks;
using EcsTools.Tests.Host;
using Xunit;

namespace EcsTools.Tests.Console;

/// <summary>
/// The default table views at the widths consoles have. Columns drop from the right when a console is too narrow, so
/// the order says what matters: at 80 columns a task shows TaskId, TaskDefinition, LastStatus and ExitCodes, and a task
/// set Id, Status, Stability, Scale and its counts; 120 columns add the rest. Nothing is cut: each container's exit
/// code is a line of its own, and Spot tasks show their capacity provider.
/// </summary>
public sealed class TableViewTests
{
    private const string Tasks = """
        $spot = Start-EcsTask -Cluster demo -TaskDefinition fargate-web -CapacityProviderStrategy @{ CapacityProvider = 'FARGATE_SPOT'; Weight = 1 } -Subnet subnet-0a1b2c3d4e5f60718
        $done = Start-EcsTask -Cluster demo -TaskDefinition web -LaunchType EC2 -Container web -Environment @{ LOCALECS_RUN_FOR = '100ms'; LOCALECS_EXIT_CODE = '137' } -Wait -IgnoreTaskFailure -PollInterval 0.05
        $spot, $done
        """;

    [Fact]
    public async Task At_120_columns_a_task_shows_every_column_its_capacity_provider_and_every_exit_code()
    {
        await using var host = await LocalEcsHost.StartAsync();

        var lines = Lines(ConsoleRun.Text(host.Server.Endpoint, Tasks, 120));

        Assert.Contains("TaskId                           TaskDefinition   LastStatus     ExitCodes      Desired Capacity     Cluster", lines);
        Assert.Contains(lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^[0-9a-f]{32} fargate-web:1 +PROVISIONING +RUNNING +FARGATE_SPOT +demo$"));
        var stopped = lines.FindIndex(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^[0-9a-f]{32} web:1 +STOPPED +web=137 +STOPPED +EC2 +demo$"));
        Assert.True(stopped >= 0, string.Join('\n', lines));
        Assert.Equal(new string(' ', 65) + "log-router=143", lines[stopped + 1]);
        Assert.All(lines, l => Assert.True(l.Length <= 120, l));
    }

    [Fact]
    public async Task At_80_columns_a_task_keeps_its_id_definition_status_and_exit_codes()
    {
        await using var host = await LocalEcsHost.StartAsync();

        var lines = Lines(ConsoleRun.Text(host.Server.Endpoint, Tasks, 80));

        Assert.Contains("TaskId                           TaskDefinition   LastStatus     ExitCodes", lines);
        Assert.Contains(lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^[0-9a-f]{32} web:1 +STOPPED +web=137$"));
        Assert.Contains(new string(' ', 65) + "log-router=143", lines);
        Assert.All(lines, l => Assert.True(l.Length <= 80, l));
    }

    [Theory]
    [InlineData(120, "Id                          Status   Stability    Scale Desired Running Pending TaskDefinition     Service")]
    [InlineData(80, "Id                          Status   Stability    Scale Desired Running Pending")]
    public async Task A_task_set_keeps_its_state_and_counts_at_80_columns(int width, string header)
    {
        await using var host = await LocalEcsHost.StartAsync();

        var lines = Lines(ConsoleRun.Text(host.Server.Endpoint,
            "New-EcsTaskSet -Cluster demo -Service checkout -TaskDefinition fargate-web -LaunchType FARGATE -Scale 50", width));

        Assert.Contains(header, lines);
        Assert.Contains(lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^ecs-svc/\d+ +PRIMARY +STABILIZING +50 +2 +0 +\d"));
        Assert.All(lines, l => Assert.True(l.Length <= width, l));
    }

    [Fact]
    public async Task Lists_of_an_object_are_strings_that_export_sensibly()
    {
        await using var host = await LocalEcsHost.StartAsync();
        var result = host.Run("""
            $t = Start-EcsTask -Cluster demo -TaskDefinition web -LaunchType EC2 -Container web -Tag @{ team = 'web'; env = 'prod' } -Environment @{ LOCALECS_RUN_FOR = '100ms'; LOCALECS_EXIT_CODE = '3' } -Wait -IgnoreTaskFailure -PollInterval 0.05
            $t = Get-EcsTask $t.TaskArn -Include Tags
            $t.Containers.ToString(); $t.Tags.ToString(); [string]$t.Containers.Count
            $t.PSObject.Properties['Containers'].Value.ToString()
            """).EnsureSuccess();

        var text = result.Output.Select(o => o.ToString()).ToList();
        Assert.Equal("web (STOPPED, exit 3); log-router (STOPPED, exit 143)", text[0]);
        Assert.Equal("env=prod; team=web", string.Join("; ", text[1].Split("; ").Order()));
        Assert.Equal("2", text[2]);
        Assert.Equal(text[0], text[3]);
    }

    private static System.Collections.Generic.List<string> Lines(string text) =>
        text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(l => l.TrimEnd()).ToList();
}
