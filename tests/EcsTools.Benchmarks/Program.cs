using BenchmarkDotNet.Running;

namespace EcsTools.Benchmarks;

/// <summary>
/// import: Import-Module of out/EcsTools in a fresh runspace. cmdlet: one Start-EcsTask call against LocalEcs beside the
/// same RunTask through the engine directly (the difference is what the cmdlet layer costs).
/// </summary>
internal static class Program
{
    public static void Main(string[] args) =>
        BenchmarkSwitcher.FromTypes([typeof(ImportBenchmarks), typeof(StartTaskBenchmarks), typeof(LogFollowBenchmarks)]).Run(args);
}
