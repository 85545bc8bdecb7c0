using System.Threading.Tasks;
using Xunit;

namespace EcsTools.Tests.Infrastructure;

/// <summary>
/// Base of test classes that run against the shared moto: each test starts from a freshly seeded scene, because moto
/// silently starts fewer tasks once its container instances are full (no failures entry: tests/EcsTools.Tests/moto/README.md, Placement) and earlier tests'
/// tasks would otherwise fill them.
/// </summary>
public abstract class MotoTestClass(MotoFixture moto) : IAsyncLifetime
{
    protected MotoFixture Moto { get; } = moto;

    public virtual async Task InitializeAsync() => await Moto.ResetSceneAsync();

    public virtual Task DisposeAsync() => Task.CompletedTask;
}
