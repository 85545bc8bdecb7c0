using System.IO;
using System.Linq;
using System.Threading.Tasks;
using EcsTools.Tests.Host;
using EcsTools.Tests.Session;
using Xunit;

namespace EcsTools.Tests.Coexistence;

/// <summary>
/// AWS.Tools 4 ships AWSSDK.Core 3.7.x (assembly 3.3.0.0) and AWS.Tools 5 ships 4.0.x (assembly 4.0.0.0) in the default
/// load context. EcsTools loads its own AWSSDK.Core in a context of its own, so both work in one session, in either
/// import order. Each case runs in a fresh process, because a load context cannot be emptied.
/// </summary>
public sealed class CoexistenceTests
{
    public static TheoryData<string, string> Builds => new()
    {
        { "3.7.402", "3.3.0.0" },
        { "4.0.3.3", "4.0.0.0" },
    };

    [Theory]
    [MemberData(nameof(Builds))]
    public async Task Another_AWSSDK_Core_loaded_before_EcsTools(string package, string assemblyVersion)
    {
        var (exit, output) = await ChildHost.RunAsync(
            $$"""
            $null = [Reflection.Assembly]::LoadFrom('{{OtherSdk(package)}}')
            "before=" + [Amazon.Runtime.AWSCredentials].Assembly.GetName().Version
            Import-Module '{{TestPaths.ModuleManifest}}' -ErrorAction Stop
            $tasks = Start-EcsTask web -Cluster demo -LaunchType EC2 -Count 2 -ErrorAction Stop
            "started=" + @($tasks).Count
            "after=" + [Amazon.Runtime.AWSCredentials].Assembly.GetName().Version
            $engine = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'AWSSDK.Core' } |
                ForEach-Object { '{0}@{1}' -f $_.GetName().Version, [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($_).Name }
            "copies=" + ($engine -join ',')
            """,
            "--no-import");
        Assert.True(exit == 0, output);
        Assert.Contains($"before={assemblyVersion}", output);
        Assert.Contains("started=2", output);
        Assert.Contains($"after={assemblyVersion}", output);
        Assert.Contains("@EcsTools.Engine", output);
        Assert.Contains($"{assemblyVersion}@Default", output);
    }

    [Theory]
    [MemberData(nameof(Builds))]
    public async Task Another_AWSSDK_Core_loaded_after_EcsTools(string package, string assemblyVersion)
    {
        var (exit, output) = await ChildHost.RunAsync(
            $$"""
            Import-Module '{{TestPaths.ModuleManifest}}' -ErrorAction Stop
            $first = Start-EcsTask web -Cluster demo -LaunchType EC2 -ErrorAction Stop
            $null = [Reflection.Assembly]::LoadFrom('{{OtherSdk(package)}}')
            "loaded=" + [Amazon.Runtime.AWSCredentials].Assembly.GetName().Version
            $second = Start-EcsTask web -Cluster demo -LaunchType EC2 -Region us-east-1 -ErrorAction Stop
            "started=" + (@($first).Count + @($second).Count)
            """,
            "--no-import");
        Assert.True(exit == 0, output);
        Assert.Contains($"loaded={assemblyVersion}", output);
        Assert.Contains("started=2", output);
    }

    /// <summary>
    /// $StoredAWSCredentials made by the other SDK copy (as Set-AWSCredential in AWS.Tools 4 makes it) is honoured, in
    /// either import order, and wins over the environment's keys. LocalEcs runs in the test process to show the signer.
    /// </summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Stored_credentials_made_by_the_other_SDK_sign_the_request(bool otherSdkFirst)
    {
        await using var host = await LocalEcsHost.StartAsync();
        var home = SessionKit.TempDirectory();
        var loadOther = $"$null = [Reflection.Assembly]::LoadFrom('{OtherSdk("3.7.402")}')";
        var import = $"Import-Module '{TestPaths.ModuleManifest}' -ErrorAction Stop";
        var (exit, output) = await ChildHost.RunAsync(
            $$"""
            {{(otherSdkFirst ? loadOther : import)}}
            {{(otherSdkFirst ? import : loadOther)}}
            $global:StoredAWSCredentials = [Amazon.Runtime.BasicAWSCredentials]::new('AKIDFROMSDK37001', 'sdk37-secret')
            "stored=" + $global:StoredAWSCredentials.GetType().Assembly.GetName().Version
            Start-EcsTask web -Cluster demo -LaunchType EC2 -Verbose 4>&1 | ForEach-Object {
                if ($_ -is [System.Management.Automation.VerboseRecord]) { 'verbose=' + $_.Message } }
            """,
            ChildHost.ScrubbedEnvironment(home,
                ("AWS_ACCESS_KEY_ID", "AKIDENVIRONMENTX"), ("AWS_SECRET_ACCESS_KEY", "environment-secret"), ("AWS_REGION", "us-east-1"),
                ("AWS_ENDPOINT_URL_ECS", host.Server.Endpoint.ToString().TrimEnd('/'))),
            "--no-import", "--aws");
        Directory.Delete(home, true);
        Assert.True(exit == 0, output);
        Assert.Contains("stored=3.3.0.0", output);
        Assert.Contains("verbose=AWS credentials: $StoredAWSCredentials (Set-AWSCredential) (access key ****7001) [BasicAWSCredentials].", output);
        Assert.Equal("AKIDFROMSDK37001", SessionKit.Scope(host.Server.RequestsFor("RunTask").Single()).AccessKey);
    }

    private static string OtherSdk(string package)
    {
        var path = Path.Combine(TestPaths.NuGetPackageRoot, "awssdk.core", package, "lib", "net8.0", "AWSSDK.Core.dll");
        Assert.True(File.Exists(path), $"The stand-in AWSSDK.Core {package} is missing at {path} (a PackageDownload of the test project).");
        return path;
    }
}
