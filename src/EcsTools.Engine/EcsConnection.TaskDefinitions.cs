using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EcsTools.Engine.Model;

namespace EcsTools.Engine;

/// <summary>What the engine's callers need to know of a task definition, in ECS terms.</summary>
public sealed partial class EcsConnection
{
    /// <summary>The names of a task definition's essential containers (DescribeTaskDefinition): a container is essential unless it says otherwise.</summary>
    public async Task<IReadOnlySet<string>> EssentialContainersAsync(string taskDefinition, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(taskDefinition);
        var response = await DescribeTaskDefinitionAsync(new DescribeTaskDefinitionRequest { TaskDefinition = taskDefinition }, cancellationToken)
            .ConfigureAwait(false);
        return (response.TaskDefinition?.ContainerDefinitions ?? [])
            .Where(c => c.Essential != false && c.Name is not null)
            .Select(c => c.Name!)
            .ToHashSet(StringComparer.Ordinal);
    }
}
