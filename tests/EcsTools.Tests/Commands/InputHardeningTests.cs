using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using EcsTools.Tests.Host;
using Xunit;

namespace EcsTools.Tests.Commands;

/// <summary>
/// Issue 11: hostile or careless input is refused with its own error id before any request (counts, trailing newlines,
/// nested values, pipeline objects, regions, profiles, profile files), hashtables are sent in a stable order, and the
/// errors ECS gives name what they are about.
/// </summary>
public sealed class InputHardeningTests
{
    private const string Start = ",EcsTools.Commands.StartEcsTaskCommand";

    public static TheoryData<string, string> Refused => new()
    {
        { "Start-EcsTask web -Cluster demo -LaunchType EC2 -Count 1001", "CountTooLarge" },
        { "Start-EcsTask web -Cluster demo -LaunchType EC2 -Count 2147483647", "CountTooLarge" },
        { "Start-EcsTask web -Cluster demo -LaunchType EC2 -Count 2147483638 -WhatIf", "CountTooLarge" },
        { "Start-EcsTask web -Cluster demo -ContainerInstance (1..1001 | ForEach-Object { \"i$_\" })", "TooManyContainerInstances" },
        { "Start-EcsTask web -Cluster demo -LaunchType EC2 -StartedBy \"nightly`n\"", "InvalidStartedBy" },
        { "Start-EcsTask web -Cluster demo -ContainerInstance i1 -StartedBy \"nightly`n\"", "InvalidStartedBy" },
        { "Start-EcsTask web -Cluster demo -LaunchType EC2 -Tag @{ \"team`n\" = 'web' }", "InvalidTagKey" },
        { "Start-EcsTask web -Cluster demo -LaunchType EC2 -Tag @{ team = \"web`n\" }", "InvalidTagValue" },
        { "Start-EcsTask web -Cluster demo -LaunchType EC2 -Tag @{ \"team`n\" = \"web`n\" }", "InvalidTagKey" },
        { "Start-EcsTask web -Cluster demo -LaunchType EC2 -Tag @{ team = @{ x = 1 } }", "InvalidTagValueType" },
        { "Start-EcsTask web -Cluster demo -LaunchType EC2 -Tag @{ team = @(1, 2) }", "InvalidTagValueType" },
        { "Start-EcsTask web -Cluster demo -LaunchType EC2 -Tag @{ Key = 'team'; Value = [pscustomobject]@{ a = 1 } }", "InvalidTagValueType" },
        { "Start-EcsTask web -Cluster demo -LaunchType EC2 -Tag @{ @(1, 2) = 'x' }", "InvalidTagKeyType" },
        { "Start-EcsTask web -Cluster demo -LaunchType EC2 -Tag @{ ([string][char]0xD835) = 'lone surrogate' }", "InvalidTagKey" },
        { "Start-EcsTask web -Cluster demo -LaunchType EC2 -Container web -Environment @{ A = @(1, 2, 3) }", "InvalidEnvironmentValue" },
        { "Start-EcsTask web -Cluster demo -LaunchType EC2 -Container web -Environment @{ A = @{ x = 1 } }", "InvalidEnvironmentValue" },
        { "Start-EcsTask web -Cluster demo -LaunchType EC2 -Environment @{ BIG = ('x' * 9000) }", "OverridesTooLong" },
        { "Start-EcsTask web -Cluster demo -LaunchType EC2 -Region 'aws:x'", "InvalidRegion" },
        { "Start-EcsTask web -Cluster demo -LaunchType EC2 -Region 'Grüße'", "InvalidRegion" },
        { "Start-EcsTask web -Cluster demo -LaunchType EC2 -Region \"us-east-1`n\"", "InvalidRegion" },
        { "Start-EcsTask web -Cluster demo -LaunchType EC2 -ProfileName \"prod`nx\"", "InvalidProfileName" },
        { "Start-EcsTask web -Cluster demo -LaunchType EC2 -ProfileName 'a]b'", "InvalidProfileName" },
        { "Start-EcsTask web -Cluster demo -LaunchType EC2 -ProfileLocation /dev/zero", "InvalidProfileFile" },
        { "Start-EcsTask web -Cluster demo -LaunchType EC2 -ProfileLocation /tmp", "InvalidProfileFile" },
        { "Start-EcsTask -Cluster demo -LaunchType EC2 -TaskDefinition @('web', 'batch')", "InvalidInputObject" },
        { "@{ a = 1 } | Start-EcsTask -Cluster demo -LaunchType EC2", "InvalidInputObject" },
        { "[pscustomobject]@{ Name = 'web' } | Start-EcsTask -Cluster demo -LaunchType EC2", "InvalidInputObject" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task Refuses_with_its_own_error_id_and_sends_nothing(string script, string errorId)
    {
        await using var host = await LocalEcsHost.StartAsync();
        var result = host.Run(script);
        var error = result.FirstError;
        Assert.NotNull(error);
        Assert.Equal(errorId + Start, error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.False(string.IsNullOrWhiteSpace(error.ErrorDetails?.RecommendedAction ?? error.Exception.Message));
        Assert.Empty(result.Output);
        Assert.Empty(host.Server.Requests);
    }

    [Fact]
    public async Task A_one_megabyte_region_is_refused_without_being_echoed_whole()
    {
        await using var host = await LocalEcsHost.StartAsync();
        var result = host.Run("Start-EcsTask web -Cluster demo -LaunchType EC2 -Region ('a' * 1MB)");
        var error = result.FirstError!;
        Assert.Equal("InvalidRegion" + Start, error.FullyQualifiedErrorId);
        Assert.True(error.ToString().Length < 1000, $"The message is {error.ToString().Length} characters.");
        Assert.True((error.TargetObject?.ToString()?.Length ?? 0) < 1000);
        Assert.Contains("1048576 characters", error.ToString());
        Assert.Empty(host.Server.Requests);
    }

    [Fact]
    public async Task A_profile_file_over_the_size_limit_is_refused_before_it_is_read()
    {
        var path = Path.Combine(Path.GetTempPath(), $"ecstools-big-{Guid.NewGuid():N}");
        await using (var file = File.Create(path))
        {
            file.SetLength((1024 * 1024) + 1);
        }

        try
        {
            await using var host = await LocalEcsHost.StartAsync();
            var result = host.Run("Start-EcsTask web -Cluster demo -LaunchType EC2 -ProfileLocation $args[0]", path);
            var error = result.FirstError!;
            Assert.Equal("ProfileFileTooLarge" + Start, error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.LimitsExceeded, error.CategoryInfo.Category);
            Assert.Contains("1,048,576 bytes", error.ToString());
            Assert.Empty(host.Server.Requests);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task A_relative_profile_location_is_read_from_the_current_PowerShell_location()
    {
        var directory = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"ecstools-pwd-{Guid.NewGuid():N}"));
        await using (var file = File.Create(Path.Combine(directory.FullName, "credentials")))
        {
            file.SetLength((1024 * 1024) + 1);
        }

        try
        {
            await using var host = await LocalEcsHost.StartAsync();
            var result = host.Run("$null = $ExecutionContext.SessionState.Path.SetLocation($args[0]); Start-EcsTask web -Cluster demo -LaunchType EC2 -ProfileLocation ./credentials", directory.FullName);
            Assert.Equal("ProfileFileTooLarge" + Start, result.FirstError!.FullyQualifiedErrorId);
            Assert.Contains("ecstools-pwd-", result.FirstError.ToString());
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Piped_objects_bind_by_their_ARN_property_and_other_objects_are_refused_one_by_one()
    {
        await using var host = await LocalEcsHost.StartAsync();
        var result = host.Run("@{ a = 1 }, [pscustomobject]@{ TaskDefinitionArn = 'batch' }, 'batch' | Start-EcsTask -Cluster demo -LaunchType EC2");
        Assert.Equal(["InvalidInputObject" + Start], result.ErrorIds);
        Assert.Contains("a hashtable", result.Errors[0].Exception.Message);
        Assert.Equal(2, result.Output.Count);
        Assert.All(host.Server.RequestsFor("RunTask"), r => Assert.Equal("batch", (string)r.Json!["taskDefinition"]!));
    }

    [Fact]
    public async Task Objects_with_a_list_of_tasks_bind_each_task_by_its_ARN_property()
    {
        await using var host = await LocalEcsHost.StartAsync();
        var started = host.Run("Start-EcsTask web -Cluster demo -LaunchType EC2 -Count 2").EnsureSuccess();
        var result = host.Run(
            "$response = [pscustomobject]@{ Tasks = @($args[0], $args[1]) }; $loop = [pscustomobject]@{ Tasks = $null }; $loop.Tasks = @($loop);"
            + "$response | Get-EcsTask -Cluster demo; $loop | Get-EcsTask -Cluster demo",
            started.Output[0], started.Output[1]);
        Assert.Equal(2, result.Output.Count);
        Assert.Equal(["InvalidInputObject,EcsTools.Commands.GetEcsTaskCommand"], result.ErrorIds);
    }

    [Fact]
    public async Task A_hashtable_piped_to_Stop_EcsTask_stops_nothing()
    {
        await using var host = await LocalEcsHost.StartAsync();
        var result = host.Run("@{ a = 1 } | Stop-EcsTask -Cluster demo");
        Assert.Equal(["InvalidInputObject,EcsTools.Commands.StopEcsTaskCommand"], result.ErrorIds);
        Assert.Empty(host.Server.RequestsFor("StopTask"));
    }

    [Fact]
    public async Task Tag_letters_outside_the_basic_plane_are_letters_and_count_as_one_character()
    {
        await using var host = await LocalEcsHost.StartAsync();

        // U+1D49C MATHEMATICAL SCRIPT CAPITAL A and U+10400 DESERET CAPITAL LETTER LONG I: one letter, two UTF-16 units each.
        var result = host.Run(
            "$a = [char]::ConvertFromUtf32(0x1D49C); $i = [char]::ConvertFromUtf32(0x10400);"
            + "Start-EcsTask batch -Cluster demo -LaunchType EC2 -Tag @{ ($a * 128) = ($i * 256); \"team$a\" = 'web' }").EnsureSuccess();
        Assert.Single(result.Output);
        var tags = Assert.Single(host.Server.RequestsFor("RunTask")).Json!["tags"]!.AsArray();
        Assert.Equal(2, tags.Count);

        var tooLong = host.Run("$a = [char]::ConvertFromUtf32(0x1D49C); Start-EcsTask batch -Cluster demo -LaunchType EC2 -Tag @{ ($a * 129) = 'v' }");
        Assert.Equal("InvalidTagKey" + Start, tooLong.FirstError!.FullyQualifiedErrorId);
        Assert.Single(host.Server.RequestsFor("RunTask"));
    }

    [Fact]
    public async Task Environment_and_tags_from_hashtables_are_sent_sorted_by_key()
    {
        await using var host = await LocalEcsHost.StartAsync();
        host.Run("$e = @{}; $t = @{}; foreach ($k in 'zeta', 'B', 'alpha', 'a', 'SHARDS', 'SHARD', 'm1', 'm10', 'm2') { $e[$k] = \"v$k\"; $t[$k] = \"v$k\" };"
            + "Start-EcsTask batch -Cluster demo -LaunchType EC2 -Environment $e -Tag $t -Override @{ Memory = '512'; Cpu = '256' }").EnsureSuccess();
        var body = Assert.Single(host.Server.RequestsFor("RunTask")).Json!;
        var expected = new[] { "B", "SHARD", "SHARDS", "a", "alpha", "m1", "m10", "m2", "zeta" };
        Assert.Equal(expected, body["overrides"]!["containerOverrides"]![0]!["environment"]!.AsArray().Select(e => (string)e!["name"]!));
        Assert.Equal(expected, body["tags"]!.AsArray().Select(e => (string)e!["key"]!));
    }

    [Fact]
    public async Task A_missing_task_definition_is_named()
    {
        await using var host = await LocalEcsHost.StartAsync();
        var result = host.Run("Start-EcsTask nightly-report:7 -Cluster demo -LaunchType EC2");
        var error = result.FirstError!;
        Assert.Equal("TaskDefinitionNotFound" + Start, error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        Assert.Contains("'nightly-report:7'", error.ToString());
        Assert.Contains("us-east-1", error.ToString());
    }

    [Fact]
    public async Task A_missing_task_definition_is_named_when_its_containers_are_looked_up()
    {
        await using var host = await LocalEcsHost.StartAsync();
        var result = host.Run("Start-EcsTask nightly-report -Cluster demo -LaunchType EC2 -Environment @{ A = '1' }");
        Assert.Equal("TaskDefinitionNotFound" + Start, result.FirstError!.FullyQualifiedErrorId);
        Assert.Contains("'nightly-report'", result.FirstError.ToString());
    }

    [Fact]
    public async Task ClusterNotFound_names_the_cluster_and_says_when_default_was_used()
    {
        await using var host = await LocalEcsHost.StartAsync();
        var named = host.Run("Start-EcsTask batch -Cluster nosuch -LaunchType EC2").FirstError!;
        Assert.Equal("ClusterNotFound" + Start, named.FullyQualifiedErrorId);
        Assert.Contains("'nosuch'", named.ToString());

        var implicitDefault = host.Run("Start-EcsTask batch -LaunchType EC2").FirstError!;
        Assert.Equal("ClusterNotFound" + Start, implicitDefault.FullyQualifiedErrorId);
        Assert.Contains("'default'", implicitDefault.ToString());
        Assert.Contains("-Cluster was not given", implicitDefault.ToString());
    }

    [Fact]
    public async Task New_EcsTaskSet_names_a_missing_task_definition()
    {
        await using var host = await LocalEcsHost.StartAsync();
        var error = host.Run("New-EcsTaskSet -Cluster demo -Service checkout -TaskDefinition nightly-report:7 -LaunchType EC2").FirstError!;
        Assert.Equal("TaskDefinitionNotFound,EcsTools.Commands.NewEcsTaskSetCommand", error.FullyQualifiedErrorId);
        Assert.Contains("'nightly-report:7'", error.ToString());
    }

    [Fact]
    public async Task Stop_EcsTask_and_Get_EcsTask_name_the_cluster_that_was_not_found()
    {
        await using var host = await LocalEcsHost.StartAsync();
        var stop = host.Run("Stop-EcsTask 0123456789abcdef0123456789abcdef -Cluster nosuch").FirstError!;
        Assert.Equal("ClusterNotFound,EcsTools.Commands.StopEcsTaskCommand", stop.FullyQualifiedErrorId);
        Assert.Contains("'nosuch'", stop.ToString());
        var get = host.Run("Get-EcsTask -Cluster nosuch").FirstError!;
        Assert.Equal("ClusterNotFound,EcsTools.Commands.GetEcsTaskCommand", get.FullyQualifiedErrorId);
        Assert.Contains("'nosuch'", get.ToString());
    }

    [Fact]
    public async Task Set_EcsTaskSet_Primary_false_is_refused_before_any_request()
    {
        await using var host = await LocalEcsHost.StartAsync();
        var result = host.Run("Set-EcsTaskSet ecs-svc/1 -Cluster demo -Service checkout -Primary:$false");
        var error = result.FirstError!;
        Assert.Equal("NoChangeRequested,EcsTools.Commands.SetEcsTaskSetCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Empty(host.Server.Requests);
    }

    [Fact]
    public async Task Set_EcsTaskSet_with_neither_Scale_nor_Primary_is_refused_without_a_prompt()
    {
        // -Primary was mandatory in the default set: PowerShell prompted for a switch (and failed where nothing can answer).
        await using var host = await LocalEcsHost.StartAsync();
        var result = host.Run("Set-EcsTaskSet ecs-svc/1 -Cluster demo -Service checkout");
        var error = result.FirstError!;
        Assert.Equal("NoChangeRequested,EcsTools.Commands.SetEcsTaskSetCommand", error.FullyQualifiedErrorId);
        Assert.Contains("neither -Scale nor -Primary", error.Exception.Message, System.StringComparison.Ordinal);
        Assert.Empty(host.Server.Requests);
    }
}
