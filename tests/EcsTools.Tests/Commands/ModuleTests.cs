using System.Collections;
using System.Linq;
using EcsTools.Tests.Host;
using Xunit;

namespace EcsTools.Tests.Commands;

public sealed class ModuleTests
{
    private const string ReadManifest = "[scriptblock]::Create([IO.File]::ReadAllText($args[0])).InvokeReturnAsIs()";

    [Fact]
    public void Manifest_passes_Test_ModuleManifest_and_declares_what_the_gallery_needs()
    {
        using var session = PsSession.Create(importModule: false);
        var result = session.Run("Test-ModuleManifest -Path $args[0]", TestPaths.ModuleManifest).EnsureSuccess();
        Assert.Equal("EcsTools", Assert.Single(result.Output).Properties["Name"].Value);

        var table = (Hashtable)session.Run(ReadManifest, TestPaths.ModuleManifest).EnsureSuccess().Output[0].BaseObject;
        var cmdlets = ((object[])table["CmdletsToExport"]!).Cast<string>().ToArray();
        Assert.DoesNotContain(cmdlets, c => c.Contains('*'));
        Assert.Contains("Start-EcsTask", cmdlets);
        Assert.Empty((object[])table["FunctionsToExport"]!);
        Assert.Empty((object[])table["AliasesToExport"]!);
        Assert.Equal(new[] { "Core" }, ((object[])table["CompatiblePSEditions"]!).Cast<string>());
        Assert.Equal("7.4", table["PowerShellVersion"]);
        Assert.Equal(new[] { "EcsTools.Format.ps1xml" }, ((object[])table["FormatsToProcess"]!).Cast<string>());
        var psData = (Hashtable)((Hashtable)table["PrivateData"]!)["PSData"]!;
        Assert.Contains("ECS", ((object[])psData["Tags"]!).Cast<string>());
    }

    [Fact]
    public void Import_exports_exactly_the_manifest_cmdlets()
    {
        using var session = PsSession.Create();
        var exported = session.Run("(Get-Module EcsTools).ExportedCmdlets.Keys").EnsureSuccess()
            .Output.Select(o => o.BaseObject.ToString()).Order().ToArray();
        var manifest = session.Run(ReadManifest + ".CmdletsToExport", TestPaths.ModuleManifest).EnsureSuccess()
            .Output.Select(o => o.BaseObject.ToString()).Order().ToArray();
        Assert.Equal(manifest, exported);
    }

    [Fact]
    public void Engine_and_AWSSDK_load_in_their_own_load_context()
    {
        using var session = PsSession.Create();
        session.Run("Start-EcsTask web -EndpointUrl http://127.0.0.1:9 -Region us-east-1 -AccessKey a -SecretKey b -WhatIf").EnsureSuccess();
        var contexts = session.Run(
            "[AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -in 'EcsTools','EcsTools.Engine','AWSSDK.Core' } | "
            + "ForEach-Object { '{0}={1}' -f $_.GetName().Name, [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($_).Name }")
            .EnsureSuccess().Output.Select(o => o.BaseObject.ToString()).ToArray();
        Assert.Contains("EcsTools.Engine=EcsTools.Engine", contexts);
        Assert.Contains("AWSSDK.Core=EcsTools.Engine", contexts);
        Assert.Contains("EcsTools=Default", contexts);
    }
}
