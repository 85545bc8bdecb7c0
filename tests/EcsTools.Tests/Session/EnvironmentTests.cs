using System;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using EcsTools.Tests.Host;
using Xunit;

namespace EcsTools.Tests.Session;

/// <summary>
/// What depends on the process environment, each in a fresh process (the tour host with --aws, so it sets nothing
/// itself) whose environment the test controls: HOME is an empty temporary directory, every AWS_* variable is removed
/// and instance metadata is off, then the test adds what it needs. LocalEcs and the fake STS/SSO endpoint run in the
/// test process, so the test sees what reached the wire.
/// </summary>
public sealed class EnvironmentTests : IDisposable
{
    private const string PrintVerbose =
        "| ForEach-Object { if ($_ -is [System.Management.Automation.VerboseRecord]) { 'verbose=' + $_.Message } elseif ($_ -is [System.Management.Automation.ErrorRecord]) { 'error=' + $_ } }";

    private readonly string _home = SessionKit.TempDirectory();

    public void Dispose() => Directory.Delete(_home, true);

    [Fact]
    public async Task Nothing_found_is_one_terminating_error_for_the_region_then_for_the_credentials()
    {
        var (exit, output) = await ChildHost.RunAsync(
            """
            foreach ($step in 'no region', 'no credentials') {
                if ($step -eq 'no credentials') { $env:AWS_REGION = 'us-east-1' }
                $Error.Clear()
                try { 'web', 'web', 'web' | Start-EcsTask -Cluster demo -LaunchType EC2 -ErrorAction Stop; 'sent' }
                catch { "id=$($_.FullyQualifiedErrorId)"; "message=$($_.Exception.Message)"; "fix=$($_.ErrorDetails.RecommendedAction)" }
                "errors=$($Error.Count)"
            }
            """,
            ChildHost.ScrubbedEnvironment(_home),
            "--aws");
        Assert.True(exit == 0, output);
        Assert.DoesNotContain("sent", output.Split('\n').Select(l => l.Trim()));
        Assert.Contains("id=NoRegion,EcsTools.Commands.StartEcsTaskCommand", output);
        Assert.Contains("id=NoCredentials,EcsTools.Commands.StartEcsTaskCommand", output);
        Assert.Contains("Looked at: -Region, the region of -ProfileName's profile, $StoredAWSRegion", output);
        Assert.Contains("fix=Pass -Region (for example -Region us-east-1)", output);
        Assert.Contains("the AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY environment variables, AWS_PROFILE", output);
        Assert.Contains("fix=Pass -ProfileName, set $env:AWS_PROFILE, run 'aws configure' or 'aws sso login'", output);
        Assert.Equal(2, output.Split('\n').Count(l => l.Trim() == "errors=1"));
    }

    [Fact]
    public async Task Environment_keys_region_endpoint_and_AWS_PROFILE_are_read_at_each_command()
    {
        await using var host = await LocalEcsHost.StartAsync();
        Directory.CreateDirectory(Path.Combine(_home, ".aws"));
        await File.WriteAllTextAsync(Path.Combine(_home, ".aws", "credentials"),
            "[envprof]\naws_access_key_id = AKIDAWSPROFILE01\naws_secret_access_key = profile-secret\n");
        var (exit, output) = await ChildHost.RunAsync(
            $$"""
            function Run { Start-EcsTask web -Cluster demo -LaunchType EC2 -Verbose 4>&1 {{PrintVerbose}} }
            Run; Run
            $env:AWS_REGION = 'ap-northeast-1'; Run
            $env:AWS_ACCESS_KEY_ID = 'AKIDENVIRONMENT2'; Run
            $env:AWS_ACCESS_KEY_ID = $null; $env:AWS_SECRET_ACCESS_KEY = $null; $env:AWS_PROFILE = 'envprof'; Run
            """,
            ChildHost.ScrubbedEnvironment(_home,
                ("AWS_ACCESS_KEY_ID", "AKIDENVIRONMENT1"), ("AWS_SECRET_ACCESS_KEY", "environment-secret"), ("AWS_REGION", "eu-west-3"),
                ("AWS_ENDPOINT_URL_ECS", host.Server.Endpoint.ToString().TrimEnd('/'))),
            "--aws");
        Assert.True(exit == 0, output);
        var scopes = host.Server.RequestsFor("RunTask").Select(SessionKit.Scope).ToList();
        Assert.Equal(
            [
                ("AKIDENVIRONMENT1", "eu-west-3", "ecs"), ("AKIDENVIRONMENT1", "eu-west-3", "ecs"), ("AKIDENVIRONMENT1", "ap-northeast-1", "ecs"),
                ("AKIDENVIRONMENT2", "ap-northeast-1", "ecs"), ("AKIDAWSPROFILE01", "ap-northeast-1", "ecs"),
            ],
            scopes);
        Assert.Contains("verbose=ECS region: eu-west-3 (from environment variable AWS_REGION).", output);
        Assert.Contains($"verbose=ECS endpoint: {host.Server.Endpoint} (from environment variable AWS_ENDPOINT_URL_ECS).", output);
        Assert.Contains("verbose=AWS credentials: environment variables AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY (access key ****ENT1) [BasicAWSCredentials].", output);
        Assert.Contains("verbose=AWS credentials: profile 'envprof' from AWS_PROFILE: access key ****LE01 [BasicAWSCredentials].", output);
        var clients = output.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("verbose=ECS client #", StringComparison.Ordinal)).ToList();
        Assert.Equal(["(new)", "(reused)", "(new)", "(new)", "(new)"], clients.Select(c => c[c.LastIndexOf('(')..^1]));
        Assert.DoesNotContain("environment-secret", output);
    }

    [Fact]
    public async Task Assume_role_is_signed_with_the_source_profile_and_SSO_uses_the_cached_token_through_the_engine_clients()
    {
        await using var host = await LocalEcsHost.StartAsync();
        using var identity = new FakeIdentityEndpoint();
        const string startUrl = "https://example.awsapps.com/start";
        var aws = Directory.CreateDirectory(Path.Combine(_home, ".aws")).FullName;
        await File.WriteAllTextAsync(Path.Combine(aws, "credentials"),
            "[base]\naws_access_key_id = AKIDSOURCEBASE01\naws_secret_access_key = base-secret\n"
            + "[role]\nrole_arn = arn:aws:iam::123456789012:role/deploy\nsource_profile = base\n"
            + $"[sso-dev]\nsso_start_url = {startUrl}\nsso_region = us-east-1\nsso_account_id = 123456789012\nsso_role_name = Deployer\n");
        var cache = Directory.CreateDirectory(Path.Combine(aws, "sso", "cache")).FullName;
        var cacheFile = Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(startUrl))).ToLowerInvariant() + ".json";
        await File.WriteAllTextAsync(Path.Combine(cache, cacheFile),
            $$"""{"startUrl":"{{startUrl}}","region":"us-east-1","accessToken":"cached-sso-access-token","expiresAt":"2099-01-01T00:00:00Z"}""");

        var (exit, output) = await ChildHost.RunAsync(
            $$"""
            Start-EcsTask web -Cluster demo -LaunchType EC2 -ProfileName role -Verbose 4>&1 {{PrintVerbose}}
            Start-EcsTask web -Cluster demo -LaunchType EC2 -ProfileName sso-dev -Verbose 4>&1 {{PrintVerbose}}
            """,
            ChildHost.ScrubbedEnvironment(_home,
                ("AWS_REGION", "us-east-1"), ("AWS_ENDPOINT_URL_ECS", host.Server.Endpoint.ToString().TrimEnd('/')),
                ("AWS_ENDPOINT_URL_STS", identity.Url), ("AWS_ENDPOINT_URL_SSO", identity.Url)),
            "--aws");
        Assert.True(exit == 0, output);
        Assert.DoesNotContain("error=", output);

        var assumeRole = Assert.Single(identity.Requests, r => r.Method == "POST");
        Assert.Contains("Action=AssumeRole", assumeRole.Body);
        Assert.Contains("RoleArn=arn%3Aaws%3Aiam%3A%3A123456789012%3Arole%2Fdeploy", assumeRole.Body);
        Assert.Equal(("AKIDSOURCEBASE01", "us-east-1", "sts"), SessionKit.Scope(assumeRole.Authorization));

        var sso = Assert.Single(identity.Requests, r => r.Method == "GET");
        Assert.StartsWith("/federation/credentials?", sso.PathAndQuery);
        Assert.Contains("role_name=Deployer", sso.PathAndQuery);
        Assert.Equal("cached-sso-access-token", sso.SsoBearerToken);

        var runs = host.Server.RequestsFor("RunTask");
        Assert.Equal([FakeIdentityEndpoint.AssumedAccessKey, FakeIdentityEndpoint.SsoAccessKey], runs.Select(r => SessionKit.Scope(r).AccessKey));
        Assert.Equal(["assumed-token", "sso-token"], runs.Select(r => r.Headers["X-Amz-Security-Token"]));
    }
}
