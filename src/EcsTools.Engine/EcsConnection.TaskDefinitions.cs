using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EcsTools.Engine.Model;

namespace EcsTools.Engine;

/// <summary>What the engine's callers need to know of a task definition, in ECS terms.</summary>
public sealed partial class EcsConnection
{
    /// <summary>The most task definition revisions whose containers a connection keeps.</summary>
    private const int MaxKeptDefinitions = 512;

    // The containers of task definition revisions, by the revision's ARN: a revision never changes, so one
    // DescribeTaskDefinition serves the launch, the wait and -FollowLog of a command, and the commands after it.
    private readonly ConcurrentDictionary<string, IReadOnlyList<ContainerDefinition>> _definitions = new(StringComparer.Ordinal);

    /// <summary>The names of a task definition's essential containers (DescribeTaskDefinition): a container is essential unless it says otherwise.</summary>
    public async Task<IReadOnlySet<string>> EssentialContainersAsync(string taskDefinition, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(taskDefinition);
        return (await ContainerDefinitionsAsync(taskDefinition, cancellationToken).ConfigureAwait(false))
            .Where(c => c.Essential != false && c.Name is not null)
            .Select(c => c.Name!)
            .ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>
    /// The container definitions of <paramref name="taskDefinition"/> (a family, family:revision or ARN), in its order.
    /// A revision already described by this connection is not described again; a family alone always is (its latest
    /// revision can change), and its answer is kept under the revision's ARN.
    /// </summary>
    internal async Task<IReadOnlyList<ContainerDefinition>> ContainerDefinitionsAsync(string taskDefinition, CancellationToken cancellationToken = default)
    {
        if (_definitions.TryGetValue(taskDefinition, out var kept))
        {
            return kept;
        }

        var response = await DescribeTaskDefinitionAsync(new DescribeTaskDefinitionRequest { TaskDefinition = taskDefinition }, cancellationToken)
            .ConfigureAwait(false);
        IReadOnlyList<ContainerDefinition> containers = response.TaskDefinition?.ContainerDefinitions ?? [];
        if (response.TaskDefinition?.TaskDefinitionArn is { Length: > 0 } arn)
        {
            if (_definitions.Count >= MaxKeptDefinitions)
            {
                _definitions.Clear();
            }

            _definitions[arn] = containers;
        }

        return containers;
    }
}
