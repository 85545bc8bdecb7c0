using System;
using System.IO;
using System.Linq;
using System.Reflection;

namespace EcsTools.Tests.Host;

/// <summary>Where the built module and the repository are (recorded at build time).</summary>
public static class TestPaths
{
    public static string RepoRoot { get; } = Metadata("RepoRoot");

    public static string NuGetPackageRoot { get; } = Metadata("NuGetPackageRoot");

    public static string ModuleManifest { get; } = Path.Combine(RepoRoot, "out", "EcsTools", "EcsTools.psd1");

    public static string ModuleDirectory { get; } = Path.Combine(RepoRoot, "out", "EcsTools");

    private static string Metadata(string key) =>
        typeof(TestPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == key)?.Value
        ?? throw new InvalidOperationException($"Assembly metadata {key} is missing.");
}
