using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using EcsTools.Tests.Host;
using Xunit;

namespace EcsTools.Tests.Session;

/// <summary>
/// Where region and credentials come from, in one session: explicit parameters, a PSCredential, a profile file passed
/// with -ProfileLocation, the AWS.Tools session defaults ($StoredAWSRegion, $StoredAWSCredentials), and which wins.
/// LocalEcs records each request's Authorization header: its credential scope shows the access key and region used.
/// (The environment, which is process-wide, is tested in a child process: <see cref="EnvironmentTests"/>.)
/// </summary>
public sealed class CredentialSourceTests
{
    private const string Run = "Start-EcsTask web -Cluster demo -LaunchType EC2 -Verbose";

    [Fact]
    public async Task Explicit_keys_sign_the_request_in_the_explicit_region_and_verbose_shows_no_secret()
    {
        await using var host = await LocalEcsHost.StartAsync();
        var result = host.Run(Run + " -AccessKey AKIDEXPLICIT0001 -SecretKey explicit-secret-1 -Region eu-west-1").EnsureSuccess();
        Assert.Equal(("AKIDEXPLICIT0001", "eu-west-1", "ecs"), SessionKit.Scope(host.Server.RequestsFor("RunTask").Single()));
        Assert.Contains("ECS region: eu-west-1 (from -Region).", result.Verbose);
        Assert.Contains(result.Verbose, v => v.StartsWith("AWS credentials: -AccessKey (access key ****0001)", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Verbose, v => v.Contains("explicit-secret-1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Defaults_from_PSDefaultParameterValues_say_so_in_verbose()
    {
        await using var host = await LocalEcsHost.StartAsync();
        var result = host.Run(Run).EnsureSuccess();
        Assert.Contains("ECS region: us-east-1 (from $PSDefaultParameterValues['*-Ecs*:Region']).", result.Verbose);
        Assert.Contains(result.Verbose, v => v.StartsWith($"ECS endpoint: {host.Server.Endpoint} (from $PSDefaultParameterValues['*-Ecs*:EndpointUrl'])", StringComparison.Ordinal));
        Assert.Contains(result.Verbose, v => v.StartsWith("AWS credentials: $PSDefaultParameterValues['*-Ecs*:AccessKey'] (access key ****TEST)", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Verbose, v => v.Contains("test-secret-key", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_PSCredential_signs_with_its_user_name_and_wins_over_default_keys()
    {
        await using var host = await LocalEcsHost.StartAsync();
        var result = host.Run(Run + " -Credential ([pscredential]::new('AKIDPSCREDENTIAL', [System.Net.NetworkCredential]::new('', 'pscredential-secret').SecurePassword))")
            .EnsureSuccess();
        Assert.Equal("AKIDPSCREDENTIAL", SessionKit.Scope(host.Server.RequestsFor("RunTask").Single()).AccessKey);
        Assert.Contains(result.Verbose, v => v.StartsWith("AWS credentials: -Credential (access key ****TIAL)", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Verbose, v => v.Contains("pscredential-secret", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_PSCredential_and_typed_keys_together_are_refused_before_anything_is_sent()
    {
        await using var host = await LocalEcsHost.StartAsync();
        var result = host.Run("Start-EcsTask web -Cluster demo -LaunchType EC2 -AccessKey AKIDX -SecretKey y "
            + "-Credential ([pscredential]::new('AKIDZ', [System.Net.NetworkCredential]::new('', 'z').SecurePassword))");
        Assert.Equal("ConflictingCredentials,EcsTools.Commands.StartEcsTaskCommand", result.FirstError!.FullyQualifiedErrorId);
        Assert.Empty(host.Server.Requests);
    }

    [Fact]
    public async Task A_profile_file_gives_keys_and_region_and_a_typed_profile_wins_over_default_keys()
    {
        var directory = SessionKit.TempDirectory();
        var file = Path.Combine(directory, "credentials");
        await File.WriteAllTextAsync(file, "[ecs-test]\naws_access_key_id = AKIDPROFILEFILE1\naws_secret_access_key = profile-secret\nregion = ap-southeast-2\n");
        await using var host = await LocalEcsHost.StartAsync();
        host.Run("$PSDefaultParameterValues.Remove('*-Ecs*:Region')").EnsureSuccess();
        var result = host.Run(Run + " -ProfileName ecs-test -ProfileLocation $args[0]", file).EnsureSuccess();
        Assert.Equal(("AKIDPROFILEFILE1", "ap-southeast-2", "ecs"), SessionKit.Scope(host.Server.RequestsFor("RunTask").Single()));
        Assert.Contains("ECS region: ap-southeast-2 (from region of profile 'ecs-test' (-ProfileName)).", result.Verbose);
        Assert.Contains(result.Verbose, v => v.StartsWith("AWS credentials: profile 'ecs-test' from -ProfileName: access key ****ILE1 [BasicAWSCredentials]", StringComparison.Ordinal));
        Directory.Delete(directory, true);
    }

    [Fact]
    public async Task A_missing_profile_is_one_terminating_error_that_says_where_it_looked()
    {
        var directory = SessionKit.TempDirectory();
        var file = Path.Combine(directory, "credentials");
        await File.WriteAllTextAsync(file, "[other]\naws_access_key_id = AKIDOTHER\naws_secret_access_key = s\n");
        await using var host = await LocalEcsHost.StartAsync();
        var result = host.Run("'web', 'web' | Start-EcsTask -Cluster demo -LaunchType EC2 -ProfileName nope -ProfileLocation $args[0]", file);
        var error = Assert.Single(result.Errors);
        Assert.Equal("ProfileNotFound,EcsTools.Commands.StartEcsTaskCommand", error.FullyQualifiedErrorId);
        Assert.Equal(System.Management.Automation.ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        Assert.Contains(file, error.Exception.Message);
        Assert.Empty(host.Server.Requests);
        Directory.Delete(directory, true);
    }

    [Fact]
    public async Task Session_defaults_of_AWS_Tools_are_used_when_nothing_explicit_is_given()
    {
        await using var host = await LocalEcsHost.StartAsync();
        host.Run(SessionKit.ForgetDefaultKeysAndRegion + "; $global:StoredAWSRegion = 'eu-north-1'; "
            + SessionKit.StoredCredentialsScript("AKIDSTOREDSESSION", "stored-secret", "stored-token")).EnsureSuccess();
        var result = host.Run(Run).EnsureSuccess();
        Assert.Equal(("AKIDSTOREDSESSION", "eu-north-1", "ecs"), SessionKit.Scope(host.Server.RequestsFor("RunTask").Single()));
        Assert.Equal("stored-token", host.Server.RequestsFor("RunTask").Single().Headers["X-Amz-Security-Token"]);
        Assert.Contains("ECS region: eu-north-1 (from $StoredAWSRegion (Set-DefaultAWSRegion)).", result.Verbose);
        Assert.Contains(result.Verbose, v => v.StartsWith(
            "AWS credentials: $StoredAWSCredentials (Set-AWSCredential, 'stand-in') (access key ****SION, with a session token)", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Verbose, v => v.Contains("stored-secret", StringComparison.Ordinal) || v.Contains("stored-token", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Explicit_parameters_win_over_session_defaults()
    {
        var directory = SessionKit.TempDirectory();
        var file = Path.Combine(directory, "credentials");
        await File.WriteAllTextAsync(file, "[typed]\naws_access_key_id = AKIDTYPEDPROFILE\naws_secret_access_key = s\n");
        await using var host = await LocalEcsHost.StartAsync();
        host.Run(SessionKit.ForgetDefaultKeysAndRegion + "; $global:StoredAWSRegion = 'eu-north-1'; "
            + SessionKit.StoredCredentialsScript("AKIDSTOREDSESSION", "stored-secret")).EnsureSuccess();

        host.Run(Run + " -Region sa-east-1 -AccessKey AKIDTYPEDKEYS001 -SecretKey s").EnsureSuccess();
        Assert.Equal(("AKIDTYPEDKEYS001", "sa-east-1", "ecs"), SessionKit.Scope(host.Server.Requests[^1]));

        // A typed profile wins too, and then $StoredAWSCredentials is not even read (this one would fail if it were).
        host.Run("$global:StoredAWSCredentials.PSObject.Methods.Remove('GetCredentials'); "
            + "$global:StoredAWSCredentials.PSObject.Methods.Add([System.Management.Automation.PSScriptMethod]::new('GetCredentials', { throw 'expired' }))")
            .EnsureSuccess();
        host.Run(Run + " -ProfileName typed -ProfileLocation $args[0]", file).EnsureSuccess();
        Assert.Equal(("AKIDTYPEDPROFILE", "eu-north-1", "ecs"), SessionKit.Scope(host.Server.Requests[^1]));
        Directory.Delete(directory, true);
    }

    [Fact]
    public async Task Stored_credentials_that_fail_are_one_terminating_error_and_nothing_is_sent()
    {
        await using var host = await LocalEcsHost.StartAsync();
        host.Run(SessionKit.ForgetDefaultKeysAndRegion + "; $global:StoredAWSCredentials = [pscustomobject]@{}; "
            + "$global:StoredAWSCredentials.PSObject.Methods.Add([System.Management.Automation.PSScriptMethod]::new('GetCredentials', { throw 'the SSO session has expired' }))")
            .EnsureSuccess();
        var result = host.Run("'web', 'web' | Start-EcsTask -Cluster demo -LaunchType EC2 -Region us-east-1");
        var error = Assert.Single(result.Errors);
        Assert.Equal("StoredCredentialsUnusable,EcsTools.Commands.StartEcsTaskCommand", error.FullyQualifiedErrorId);
        Assert.Equal(System.Management.Automation.ErrorCategory.AuthenticationError, error.CategoryInfo.Category);
        Assert.Contains("the SSO session has expired", error.Exception.Message);
        Assert.Empty(host.Server.Requests);
    }

    [Fact]
    public async Task Stored_credentials_wrapped_in_a_Credentials_member_are_read_like_AWS_Tools_wrapper()
    {
        await using var host = await LocalEcsHost.StartAsync();
        host.Run(SessionKit.ForgetDefaultKeysAndRegion + "; " + SessionKit.StoredCredentialsScript("AKIDWRAPPEDINNER", "inner-secret")
            + "; $global:StoredAWSCredentials = [pscustomobject]@{ Name = 'work'; Credentials = $global:StoredAWSCredentials }").EnsureSuccess();
        host.Run("Start-EcsTask web -Cluster demo -LaunchType EC2 -Region us-east-1").EnsureSuccess();
        Assert.Equal("AKIDWRAPPEDINNER", SessionKit.Scope(host.Server.RequestsFor("RunTask").Single()).AccessKey);
    }
}
