using System.Management.Automation;
using System.Management.Automation.Runspaces;
using BenchmarkDotNet.Attributes;

namespace EcsTools.Benchmarks;

/// <summary>
/// Import-Module in a fresh runspace. The first import in a process also loads the module assembly; every iteration here
/// opens a new runspace, so the numbers are what a new session pays once the process has the assembly (BenchmarkDotNet's
/// warmup does the first load).
/// </summary>
[MemoryDiagnoser]
public class ImportBenchmarks
{
    private Runspace? _runspace;

    [IterationSetup]
    public void OpenRunspace()
    {
        _runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
        _runspace.Open();
    }

    [IterationCleanup]
    public void CloseRunspace() => _runspace?.Dispose();

    [Benchmark]
    public int ImportModule()
    {
        using var ps = PowerShell.Create();
        ps.Runspace = _runspace;
        ps.AddCommand("Import-Module").AddParameter("Name", BenchPaths.ModuleManifest).AddParameter("PassThru");
        return ps.Invoke().Count;
    }
}
