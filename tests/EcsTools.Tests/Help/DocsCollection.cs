using Xunit;

namespace EcsTools.Tests.Help;

/// <summary>The docs tests share one imported module (<see cref="DocsModule"/>) and run one after the other.</summary>
[CollectionDefinition(Name)]
public sealed class DocsCollection : ICollectionFixture<DocsModule>
{
    public const string Name = "Docs";
}
