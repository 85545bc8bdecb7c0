using Xunit;

namespace EcsTools.Tests.Threading;

/// <summary>Tests that fill the thread pool on purpose: they run alone, after the parallel tests.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ThreadPoolCollection
{
    public const string Name = "Thread pool";
}
