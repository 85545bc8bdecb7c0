using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Threading.Tasks;
using EcsTools.Tests.Host;
using Xunit;

namespace EcsTools.Tests.Session;

/// <summary>
/// Assume-role and SSO profiles resolve, offline, to the SDK's refreshing credential types (nothing is fetched until a
/// request needs it), and the engine registers its own SSO, SSO OIDC and STS clients with its copy of the SDK.
/// (That AssumeRole is then signed with the source profile's keys is shown in <see cref="EnvironmentTests"/>.)
/// </summary>
public sealed class ProfileResolutionTests : IAsyncLifetime
{
    private const string Profiles = """
        [base]
        aws_access_key_id = AKIDSOURCEBASE01
        aws_secret_access_key = base-secret
        [role]
        role_arn = arn:aws:iam::123456789012:role/deploy
        source_profile = base
        region = us-west-2
        [chained]
        role_arn = arn:aws:iam::123456789012:role/second
        source_profile = role
        [sso-dev]
        sso_start_url = https://example.awsapps.com/start
        sso_region = us-east-1
        sso_account_id = 123456789012
        sso_role_name = Deployer
        region = eu-central-1
        [process]
        credential_process = /bin/false
        """;

    private readonly string _directory = SessionKit.TempDirectory();
    private LocalEcsHost _host = null!;

    private string File => Path.Combine(_directory, "credentials");

    public async Task InitializeAsync()
    {
        await System.IO.File.WriteAllTextAsync(File, Profiles);
        _host = await LocalEcsHost.StartAsync();
        _host.Run(SessionKit.ForgetDefaultKeysAndRegion).EnsureSuccess();
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        Directory.Delete(_directory, true);
    }

    [Theory]
    [InlineData("role", "AssumeRoleAWSCredentials", "assume role arn:aws:iam::123456789012:role/deploy with the credentials of profile 'base'", "us-west-2")]
    [InlineData("chained", "AssumeRoleAWSCredentials", "assume role arn:aws:iam::123456789012:role/second with the credentials of profile 'role'", null)]
    [InlineData("sso-dev", "SSOAWSCredentials", "IAM Identity Center (SSO) account 123456789012, role Deployer", "eu-central-1")]
    [InlineData("process", "ProcessAWSCredentials", "credential_process", null)]
    public void A_profile_resolves_to_its_credential_type_without_a_request(string profile, string type, string description, string? region)
    {
        var result = _host.Run("Start-EcsTask web -Cluster demo -LaunchType EC2 -WhatIf -Verbose -ProfileName $args[0] -ProfileLocation $args[1]"
            + (region is null ? " -Region us-east-1" : ""), profile, File).EnsureSuccess();
        Assert.Contains($"AWS credentials: profile '{profile}' from -ProfileName: {description} [{type}].", result.Verbose);
        if (region is not null)
        {
            Assert.Contains($"ECS region: {region} (from region of profile '{profile}' (-ProfileName)).", result.Verbose);
        }

        Assert.Empty(_host.Server.Requests);
    }

    [Fact]
    public void The_engine_registers_its_own_SSO_SSOOIDC_and_STS_clients_with_its_SDK()
    {
        _host.Run("Start-EcsTask web -Cluster demo -LaunchType EC2 -WhatIf -ProfileName sso-dev -ProfileLocation $args[0]", File).EnsureSuccess();
        var engine = AssemblyLoadContext.All.Single(c => c.Name == "EcsTools.Engine");
        var core = engine.Assemblies.Single(a => a.GetName().Name == "AWSSDK.Core");

        var sso = Registered(core, "SSOClientContext", "AWSSDK.SSO", "Amazon.SSO.AmazonSSOClient");
        var oidc = Registered(core, "SSOOIDCClientContext", "AWSSDK.SSOOIDC", "Amazon.SSOOIDC.AmazonSSOOIDCClient");
        var sts = Registered(core, "SecurityTokenServiceClientContext", "AWSSDK.SecurityToken", "Amazon.SecurityToken.AmazonSecurityTokenServiceClient");

        Assert.Equal("Amazon.SSO.AmazonSSOClient", sso.GetType().FullName);
        Assert.Equal("Amazon.SSOOIDC.AmazonSSOOIDCClient", oidc.GetType().FullName);
        Assert.Equal("EcsTools.Engine.Credentials.AssumeRoleRouter", sts.GetType().FullName);
        foreach (var instance in new[] { sso, oidc, sts })
        {
            Assert.Equal("EcsTools.Engine", AssemblyLoadContext.GetLoadContext(instance.GetType().Assembly)!.Name);
        }
    }

    // GlobalRuntimeDependencyRegistry.Instance.GetInstance<object>(assembly, class, new CreateInstanceContext(new XxxContext { Region = us-east-1 }))
    private static object Registered(Assembly core, string contextType, string assemblyName, string className)
    {
        var region = core.GetType("Amazon.RegionEndpoint")!.GetMethod("GetBySystemName")!.Invoke(null, ["us-east-1"]);
        var data = Activator.CreateInstance(core.GetType("Amazon.RuntimeDependencies." + contextType)!)!;
        data.GetType().GetProperty("Region")!.SetValue(data, region);
        var context = Activator.CreateInstance(core.GetType("Amazon.RuntimeDependencies.CreateInstanceContext")!, data)!;
        var registryType = core.GetType("Amazon.RuntimeDependencies.GlobalRuntimeDependencyRegistry")!;
        var registry = registryType.GetProperty("Instance")!.GetValue(null);
        var getInstance = registryType.GetMethods().Single(m => m.Name == "GetInstance" && m.IsGenericMethodDefinition).MakeGenericMethod(typeof(object));
        return getInstance.Invoke(registry, [assemblyName, className, context])
            ?? throw new Xunit.Sdk.XunitException($"Nothing is registered for {className}.");
    }
}
