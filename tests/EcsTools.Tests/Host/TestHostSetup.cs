using System.Runtime.CompilerServices;
using System.Threading;

namespace EcsTools.Tests.Host;

internal static class TestHostSetup
{
    // xunit's threads block in the synchronous PowerShell.Invoke while the cmdlets run their engine calls on pool threads;
    // with two cores the pool starts at two threads and grows slowly, which stretches every wait by up to a second.
    [ModuleInitializer]
    internal static void RaiseThreadPoolMinimum() => ThreadPool.SetMinThreads(32, 32);
}
