using System;
using System.Collections;
using System.IO;
using System.Linq;
using System.Management.Automation.Language;
using EcsTools.Tests.Host;
using Xunit;

namespace EcsTools.Tests.Module;

/// <summary>The manifest's links into the repository (what the PowerShell Gallery shows) name files the repository has.</summary>
public sealed class ManifestLinkTests
{
    [Fact]
    public void The_LicenseUri_names_the_repositorys_LICENSE_file_an_MIT_license()
    {
        var ast = Parser.ParseFile(Path.Combine(TestPaths.RepoRoot, "EcsTools.psd1"), out _, out var errors);
        Assert.Empty(errors);
        var manifest = (Hashtable)ast.Find(a => a is HashtableAst, false)!.SafeGetValue();
        var psData = (Hashtable)((Hashtable)manifest["PrivateData"]!)["PSData"]!;
        var project = (string)psData["ProjectUri"]!;
        var license = (string)psData["LicenseUri"]!;

        var prefix = project + "/blob/main/";
        Assert.StartsWith(prefix, license, StringComparison.Ordinal);
        var file = Path.Combine(TestPaths.RepoRoot, license[prefix.Length..]);
        Assert.True(File.Exists(file), $"{license} names {file}, which the repository does not have.");
        var text = File.ReadAllLines(file);
        Assert.Equal("MIT License", text[0]);
        Assert.Contains(text, l => l.StartsWith("Copyright (c) ", StringComparison.Ordinal) && l.EndsWith(" EcsTools contributors", StringComparison.Ordinal));
    }
}
