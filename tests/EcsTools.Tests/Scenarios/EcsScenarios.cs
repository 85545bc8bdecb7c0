using System;
using System.Collections;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using EcsTools.Tests.Host;
using Xunit;

namespace EcsTools.Tests.Scenarios;

/// <summary>
/// The scenarios a user runs, written once and run against every ECS the suite has: LocalEcs
/// (<see cref="LocalEcsScenarios"/>) and moto (<see cref="MotoScenarios"/>). Where the two answer differently the
/// <see cref="ScenarioTarget"/> says what each answers and which one matches ECS.
/// </summary>
public abstract class EcsScenarios : IAsyncLifetime
{
    private const string Poll = "-PollInterval 0.05 -Timeout 60";

    private PsSession? _session;

    protected abstract ScenarioTarget Target { get; }

    private PsSession Session => _session ?? throw new InvalidOperationException("The session is not started.");

    public async Task InitializeAsync() => _session = await StartAsync();

    public async Task DisposeAsync()
    {
        _session?.Dispose();
        await StopAsync();
    }

    [Fact]
    public async Task Start_EcsTask_in_each_parameter_set()
    {
        await ResetAsync();
        var launchType = Run("Start-EcsTask $t.Ec2TaskDefinition -Cluster $t.Cluster -LaunchType EC2").EnsureSuccess();
        dynamic ec2 = Assert.Single(launchType.Output).BaseObject;
        Assert.Equal("EC2", (string)ec2.LaunchType);
        Assert.Equal(Target.Cluster, (string)ec2.ClusterName);
        Assert.Equal("RUNNING", (string)ec2.DesiredStatus);
        Assert.False(string.IsNullOrEmpty((string?)ec2.ContainerInstanceArn), $"{Target.Name}: an EC2 task runs on a container instance.");

        var onInstance = Run("Start-EcsTask $t.Ec2TaskDefinition -Cluster $t.Cluster -ContainerInstance $args[0]", (string)ec2.ContainerInstanceArn).EnsureSuccess();
        Assert.Equal((string)ec2.ContainerInstanceArn, (string)((dynamic)Assert.Single(onInstance.Output).BaseObject).ContainerInstanceArn);

        var strategy = Run("$n = $t.StrategyNetwork; Start-EcsTask $t.StrategyTaskDefinition -Cluster $t.StrategyCluster -CapacityProviderStrategy $t.Strategy @n");
        var (strategyLaunchType, strategyProvider, strategyError) = Target.StrategyOutcome;
        if (strategyError is not null)
        {
            Assert.Equal(strategyError, Assert.Single(strategy.Errors).FullyQualifiedErrorId);
            Assert.Empty(strategy.Output);
        }
        else
        {
            dynamic task = Assert.Single(strategy.EnsureSuccess().Output).BaseObject;
            Assert.Equal(strategyLaunchType, NullIfEmpty((string?)task.LaunchType));
            Assert.Equal(strategyProvider, NullIfEmpty((string?)task.CapacityProviderName));
        }

        var byDefault = Run("$n = $t.DefaultNetwork; Start-EcsTask $t.DefaultTaskDefinition -Cluster $t.DefaultCluster @n").EnsureSuccess();
        dynamic defaulted = Assert.Single(byDefault.Output).BaseObject;
        Assert.Equal(Target.DefaultOutcome.LaunchType, NullIfEmpty((string?)defaulted.LaunchType));
        Assert.Equal(Target.DefaultOutcome.CapacityProvider, NullIfEmpty((string?)defaulted.CapacityProviderName));
    }

    [Fact]
    public async Task Start_Wait_Stop_Wait_in_one_pipeline()
    {
        await ResetAsync();
        var result = Run($"Start-EcsTask $t.Ec2TaskDefinition -Cluster $t.Cluster -LaunchType EC2 -Count 2 | Wait-EcsTask -Until Running {Poll} "
            + $"| Stop-EcsTask -Reason 'scenario done' | Wait-EcsTask {Poll}").EnsureSuccess();

        Assert.Equal(2, result.Output.Count);
        Assert.All(result.Dynamic, t =>
        {
            Assert.Equal("STOPPED", (string)t.LastStatus);
            Assert.Equal("STOPPED", (string)t.DesiredStatus);
            Assert.Equal("scenario done", (string)t.StoppedReason);
        });
        Assert.Equal(2, result.Dynamic.Select(t => (string)t.TaskArn).Distinct().Count());
        var stillRunning = Run("Get-EcsTask -Cluster $t.Cluster -DesiredStatus RUNNING | ForEach-Object TaskArn").EnsureSuccess()
            .Output.Select(o => o.BaseObject.ToString()).ToList();
        Assert.DoesNotContain(stillRunning, arn => result.Dynamic.Any(t => (string)t.TaskArn == arn));
    }

    [Fact]
    public async Task Blue_green_deployment_with_task_sets()
    {
        await ResetAsync();
        var blue = Single(Run("$p = $t.TaskSetPlacement; $blue = New-EcsTaskSet -Cluster $t.Cluster -Service $t.Service -TaskDefinition $t.BlueTaskDefinition "
            + $"@p -Scale 100 -ExternalId blue -Wait {Poll} | Set-EcsTaskSet -Primary; $blue"));
        Assert.Equal("PRIMARY", (string)blue.Status);
        Assert.Equal("blue", (string)blue.ExternalId);

        var green = Single(Run("$p = $t.TaskSetPlacement; $green = New-EcsTaskSet -Cluster $t.Cluster -Service $t.Service -TaskDefinition $t.GreenTaskDefinition "
            + $"@p -Scale 0 -ExternalId green | Set-EcsTaskSet -Scale 100 -Wait {Poll}; $green"));
        Assert.Equal("STEADY_STATE", (string)green.StabilityStatus);
        Assert.Equal(100.0, (double)green.Scale);
        Assert.Equal("ACTIVE", (string)green.Status);
        if (Target.ReportsTaskSetCounts)
        {
            Assert.Equal(4, (int)green.ComputedDesiredCount);
            Assert.Equal(4, (int)green.RunningCount);
        }

        Assert.Equal("PRIMARY", (string)Single(Run("$green = $green | Set-EcsTaskSet -Primary; $green")).Status);
        Assert.Equal(["blue=ACTIVE", "green=PRIMARY"], Statuses());

        var drained = Single(Run($"$blue | Set-EcsTaskSet -Scale 0 -Wait {Poll}"));
        Assert.Equal(0.0, (double)drained.Scale);
        if (Target.ReportsTaskSetCounts)
        {
            Assert.Equal(0, (int)drained.RunningCount);
        }

        var removed = Single(Run("$blue | Remove-EcsTaskSet -Force"));
        Assert.Equal((string)blue.TaskSetArn, (string)removed.TaskSetArn);
        Assert.Equal(Target.RemovedTaskSetStatus, (string)removed.Status);
        Assert.Equal(["green=PRIMARY"], Statuses());
    }

    [Fact]
    public void A_cluster_that_does_not_exist_is_ClusterNotFound_for_every_cmdlet()
    {
        string[] commands =
        [
            "Start-EcsTask $t.Ec2TaskDefinition -Cluster nope -LaunchType EC2",
            "Get-EcsTask -Cluster nope",
            "Get-EcsTask 0123456789abcdef0123456789abcdef -Cluster nope",
            "Wait-EcsTask 0123456789abcdef0123456789abcdef -Cluster nope -PollInterval 0.05 -Timeout 5",
            "Stop-EcsTask 0123456789abcdef0123456789abcdef -Cluster nope",
            "New-EcsTaskSet -Cluster nope -Service $t.Service -TaskDefinition $t.BlueTaskDefinition -LaunchType EC2",
            "Get-EcsTaskSet -Cluster nope -Service $t.Service",
            "Set-EcsTaskSet ecs-svc/1 -Cluster nope -Service $t.Service -Scale 50",
        ];
        foreach (var command in commands)
        {
            var result = Run(command);
            var error = Assert.Single(result.Errors);
            Assert.True(error.FullyQualifiedErrorId.StartsWith("ClusterNotFound,", StringComparison.Ordinal),
                $"{Target.Name}: {command} -> {error.FullyQualifiedErrorId}: {error}");
            Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
            Assert.Empty(result.Output);
        }

        var remove = Run("Remove-EcsTaskSet ecs-svc/1 -Cluster nope -Service $t.Service -Force");
        Assert.Equal(Target.RemoveInMissingClusterErrorId, Assert.Single(remove.Errors).FullyQualifiedErrorId);
    }

    /// <summary>Starts the target (or gets it ready) and returns a session pointed at it.</summary>
    protected abstract Task<PsSession> StartAsync();

    protected virtual Task StopAsync() => Task.CompletedTask;

    /// <summary>Makes the target's state the scene's again, for a scenario whose state matters.</summary>
    protected abstract Task ResetAsync();

    private PsResult Run(string script, params object?[] args) =>
        Session.Run(script, new Hashtable { ["t"] = Target }, args);

    private dynamic Single(PsResult result) => Assert.Single(result.EnsureSuccess().Output).BaseObject;

    private string[] Statuses() =>
        [.. Run("Get-EcsTaskSet -Cluster $t.Cluster -Service $t.Service | ForEach-Object { '{0}={1}' -f $_.ExternalId, $_.Status }")
            .EnsureSuccess().Output.Select(o => o.BaseObject.ToString()!).Order(StringComparer.Ordinal)];

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
