using System;
using System.IO;
using System.Linq;
using System.Reflection;

namespace EcsTools.Benchmarks;

internal static class BenchPaths
{
    public static string ModuleManifest { get; } = Path.Combine(
        typeof(BenchPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().First(a => a.Key == "RepoRoot").Value
            ?? throw new InvalidOperationException("RepoRoot is missing."),
        "out", "EcsTools", "EcsTools.psd1");
}
