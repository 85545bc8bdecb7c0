using BenchmarkDotNet.Running;

namespace EcsTools.Benchmarks;

/// <summary>
/// import: Import-Module of out/EcsTools in a fresh runspace. cmdlet: one Start-EcsTask call against LocalEcs beside the
/// same RunTask through the engine directly (the difference is what the cmdlet layer costs). answer: one RunTask answer read
/// by the hand-written reader and by the generated types.
/// </summary>
internal static class Program
{
    public static void Main(string[] args) =>
        BenchmarkSwitcher.FromTypes([typeof(ImportBenchmarks), typeof(StartTaskBenchmarks), typeof(LogFollowBenchmarks), typeof(TaskAnswerBenchmarks)]).Run(args);
}
