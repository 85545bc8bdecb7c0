using System.Collections.Generic;
using System.Linq;
using EcsTools.Engine.Listing;
using EcsTools.Mapping;

namespace EcsTools.Completion;

/// <summary>The engine's listings (<see cref="Engine.EcsConnection.ListAsync"/>) as completion items, with their tooltips.</summary>
internal static class EcsListing
{
    /// <summary>The fetch of a completion: one engine listing, its items mapped to what the prompt shows.</summary>
    public static CompletionRunner.Fetch Of(EcsListQuery query) => async (connection, cancellationToken) =>
    {
        var names = await connection.ListAsync(query, cancellationToken).ConfigureAwait(false);
        return names.Select(n => ToItem(query.Kind, n)).ToList();
    };

    private static CompletionItem ToItem(EcsListKind kind, EcsListedName name) => kind switch
    {
        EcsListKind.TaskDefinitionFamilies => new(name.Name, null, $"Task definition family {name.Name} (its latest ACTIVE revision)"),
        EcsListKind.CapacityProviders => new(name.Name, null, $"Capacity provider {name.Name}"),
        EcsListKind.TaskSets => new(name.Name, name.Arn, $"{name.Name} {name.Status} {Arns.LastSegment(name.TaskDefinition)}".TrimEnd()),
        _ => new(name.Name, name.Arn),
    };
}
