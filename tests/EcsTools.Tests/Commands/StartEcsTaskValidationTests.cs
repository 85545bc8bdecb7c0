using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using EcsTools.Tests.Host;
using Xunit;

namespace EcsTools.Tests.Commands;

/// <summary>Every client-side check of Start-EcsTask: its own error id, a message that says what to change, and nothing sent.</summary>
public sealed class StartEcsTaskValidationTests
{
    public static TheoryData<string, string> Checks => new()
    {
        { "-LaunchType EC2 -Count 0", "InvalidCount" },
        { "-LaunchType EC2 -Tag (1..51 | ForEach-Object -Begin { $h = @{} } -Process { $h[\"k$_\"] = 'v' } -End { $h })", "TooManyTags" },
        { "-LaunchType EC2 -Tag @{ 'bad#key' = 'v' }", "InvalidTagKey" },
        { "-LaunchType EC2 -Tag @{ ('k' * 129) = 'v' }", "InvalidTagKey" },
        { "-LaunchType EC2 -Tag @{ 'aws:team' = 'v' }", "ReservedTagKey" },
        { "-LaunchType EC2 -Tag @{ team = ('v' * 257) }", "InvalidTagValue" },
        { "-LaunchType EC2 -Tag @{ Key = 'team'; Value = 'a' }, ([pscustomobject]@{ Key = 'team'; Value = 'b' })", "DuplicateTagKey" },
        { "-LaunchType EC2 -Tag 42", "InvalidTag" },
        { "-LaunchType EC2 -StartedBy ('x' * 129)", "InvalidStartedBy" },
        { "-LaunchType EC2 -StartedBy 'has space'", "InvalidStartedBy" },
        { "-ContainerInstance i1 -StartedBy ('x' * 37)", "InvalidStartedBy" },
        { "-LaunchType EC2 -ClientToken ('t' * 65)", "InvalidClientToken" },
        { "-LaunchType EC2 -ClientToken 'has space'", "InvalidClientToken" },
        { "-CapacityProviderStrategy @{ CapacityProvider = 'FARGATE'; Weight = 1001 }", "InvalidCapacityProviderWeight" },
        { "-CapacityProviderStrategy @{ CapacityProvider = 'FARGATE'; Weight = -1 }", "InvalidCapacityProviderWeight" },
        { "-CapacityProviderStrategy @{ CapacityProvider = 'FARGATE'; Base = 100001 }", "InvalidCapacityProviderBase" },
        { "-CapacityProviderStrategy @{ CapacityProvider = 'A'; Base = 1 }, @{ CapacityProvider = 'B'; Base = 2 }", "InvalidCapacityProviderBase" },
        { "-CapacityProviderStrategy (1..21 | ForEach-Object { @{ CapacityProvider = \"cp$_\"; Weight = 1 } })", "TooManyCapacityProviders" },
        { "-CapacityProviderStrategy @{ Weight = 1 }", "MissingCapacityProviderName" },
        { "-CapacityProviderStrategy @{ CapacityProvider = 'FARGATE'; Wieght = 1 }", "InvalidCapacityProviderStrategy" },
        { "-CapacityProviderStrategy @{ CapacityProvider = 'FARGATE' }, @{ CapacityProvider = 'FARGATE' }", "DuplicateCapacityProvider" },
        { "-CapacityProviderStrategy FARGATE", "InvalidCapacityProviderStrategy" },
        { "-LaunchType EC2 -Container web -Environment @{ BIG = ('x' * 9000) }", "OverridesTooLong" },
        { "-LaunchType EC2 -Override @{ Cpu = '256'; ContainerOverides = @() }", "InvalidOverride" },
        { "-LaunchType EC2 -Override @{ ContainerOverrides = 'web' }", "InvalidOverride" },
        { "-LaunchType EC2 -Override 'garbage'", "InvalidOverride" },
        { "-LaunchType FARGATE -SecurityGroup sg-1", "SubnetRequired" },
        { "-LaunchType FARGATE -AssignPublicIp", "SubnetRequired" },
        { "-LaunchType FARGATE -Subnet (1..17 | ForEach-Object { \"subnet-$_\" })", "TooManySubnets" },
        { "-LaunchType FARGATE -Subnet s1 -SecurityGroup (1..6 | ForEach-Object { \"sg-$_\" })", "TooManySecurityGroups" },
        { "-LaunchType EC2 -PlacementConstraint @{ Type = 'memberOf'; Expresion = 'x' }", "InvalidPlacementConstraint" },
        { "-LaunchType EC2 -PlacementStrategy (1..6 | ForEach-Object { @{ Type = 'spread'; Field = 'instanceId' } })", "TooManyPlacementStrategies" },
        { "-LaunchType EC2 -PlacementConstraint @{ Type = 'memberOf' }", "InvalidPlacementConstraint" },
        { "-LaunchType EC2 -PlacementConstraint @{ Type = 'distinct' }", "InvalidPlacementConstraint" },
        { "-LaunchType EC2 -PlacementStrategy @{ Type = 'binpack'; Field = 'disk' }", "InvalidPlacementStrategy" },
        { "-LaunchType EC2 -Cpu abc", "InvalidCpu" },
        { "-LaunchType EC2 -Memory -5", "InvalidMemory" },
        { "-LaunchType EC2 -Override @{ Memory = '2 TB' }", "InvalidMemory" },
        { "-LaunchType EC2 -ReferenceId ('r' * 1025)", "InvalidReferenceId" },
        { "-LaunchType EC2 -Credential ([pscredential]::new('AKID', ([System.Net.NetworkCredential]::new('', 'x').SecurePassword))) -AccessKey AKID2 -SecretKey y", "ConflictingCredentials" },
    };

    [Theory]
    [MemberData(nameof(Checks))]
    public async Task Each_check_has_its_own_error_id_and_sends_nothing(string parameters, string errorId)
    {
        await using var host = await LocalEcsHost.StartAsync();
        var result = host.Run($"Start-EcsTask web -Cluster demo {parameters}");
        var error = result.FirstError;
        Assert.NotNull(error);
        Assert.Equal($"{errorId},EcsTools.Commands.StartEcsTaskCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.False(string.IsNullOrWhiteSpace(error.ErrorDetails?.RecommendedAction), "The error says what to change.");
        Assert.Empty(result.Output);
        Assert.Empty(host.Server.Requests);
    }

    [Fact]
    public async Task A_check_error_never_echoes_secret_looking_override_values()
    {
        await using var host = await LocalEcsHost.StartAsync();
        var result = host.Run("Start-EcsTask web -Cluster demo -LaunchType EC2 -Container web -Environment @{ DB_PASSWORD = ('hunter2' * 1300) }");
        var error = result.FirstError!;
        Assert.DoesNotContain("hunter2", error.ToString());
        Assert.DoesNotContain("hunter2", error.ErrorDetails?.Message ?? "");
        Assert.DoesNotContain(host.Server.Requests, r => r.Operation == "RunTask");
    }

    public static TheoryData<string, string> NotStructures => new()
    {
        {
            "-CapacityProviderStrategy FARGATE",
            "-CapacityProviderStrategy takes a hashtable or an object with the keys capacityProvider, weight, base; it was given text. "
            + "Example: -CapacityProviderStrategy @{ CapacityProvider = 'FARGATE_SPOT'; Weight = 3 }, @{ CapacityProvider = 'FARGATE'; Weight = 1; Base = 1 }"
        },
        {
            "-LaunchType EC2 -Override 'garbage'",
            "-Override takes a hashtable or an object with the keys containerOverrides, cpu, inferenceAcceleratorOverrides, executionRoleArn, "
            + "memory, taskRoleArn, ephemeralStorage; it was given text. Example: -Override @{ TaskRoleArn = 'arn:aws:iam::123456789012:role/report'; Memory = '2048' }"
        },
        { "-CapacityProviderStrategy @{ CapacityProvider = 'FARGATE'; Weight = 'heavy' }", "-CapacityProviderStrategy: 'Weight' takes a number." },
    };

    [Theory]
    [MemberData(nameof(NotStructures))]
    public async Task A_value_of_the_wrong_kind_is_refused_with_what_the_parameter_takes_not_the_JSON_readers_words(string parameters, string message)
    {
        await using var host = await LocalEcsHost.StartAsync();
        var error = host.Run($"Start-EcsTask web -Cluster demo {parameters}").FirstError!;
        Assert.Equal(message, error.ErrorDetails?.Message ?? error.Exception.Message);
        Assert.DoesNotContain("EcsTools.Engine", error.ToString(), System.StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", error.ToString(), System.StringComparison.Ordinal);
        Assert.Empty(host.Server.Requests);
    }
}
