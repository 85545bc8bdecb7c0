using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EcsTools.Engine.Model;
using EcsTools.Engine.Tasks;

namespace EcsTools.Engine.Logs;

/// <summary>
/// Finds where a task's containers log, from its task definition (DescribeTaskDefinition, once per task definition ARN and
/// connection: <see cref="EcsConnection.ContainerDefinitionsAsync"/>):
/// the awslogs driver's awslogs-group, awslogs-region (the connection's region when absent) and awslogs-stream-prefix,
/// which make the stream <c>prefix/container/task-id</c>.
/// </summary>
public sealed class TaskLogLocator
{
    private readonly EcsConnection _connection;
    private readonly ConcurrentDictionary<string, Task<IReadOnlyList<ContainerDefinition>>> _definitions = new(StringComparer.Ordinal);

    public TaskLogLocator(EcsConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _connection = connection;
    }

    /// <summary>The number of task definitions looked up (one per task definition ARN); for tests.</summary>
    public int DescribeCount => _definitions.Count;

    /// <summary>Every container of the task definition (in its order), with where its log is or why it cannot be read.</summary>
    public async Task<IReadOnlyList<ContainerLogLocation>> LocateAsync(string taskArn, string taskDefinitionArn, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(taskArn);
        ArgumentException.ThrowIfNullOrEmpty(taskDefinitionArn);
        var load = _definitions.GetOrAdd(taskDefinitionArn, arn => LoadAsync(arn, cancellationToken));
        IReadOnlyList<ContainerDefinition> containers;
        try
        {
            containers = await load.ConfigureAwait(false);
        }
        catch
        {
            // A failed or cancelled look-up is not cached.
            _definitions.TryRemove(new KeyValuePair<string, Task<IReadOnlyList<ContainerDefinition>>>(taskDefinitionArn, load));
            throw;
        }

        var taskId = TaskIds.IdOf(taskArn);
        var locations = new List<ContainerLogLocation>(containers.Count);
        foreach (var container in containers)
        {
            locations.Add(Locate(taskArn, taskId, container, _connection.Region));
        }

        return locations;
    }

    /// <summary>The location of one container's log under its log configuration; public for the engine's tests.</summary>
    public static ContainerLogLocation Locate(string taskArn, string taskId, string containerName, string? driver, IReadOnlyDictionary<string, string>? options, string connectionRegion)
    {
        ArgumentNullException.ThrowIfNull(containerName);
        if (driver is null)
        {
            return new ContainerLogLocation(containerName, null, $"container '{containerName}' has no log configuration in its task definition, so ECS keeps no log that can be read");
        }

        if (!string.Equals(driver, "awslogs", StringComparison.Ordinal))
        {
            return new ContainerLogLocation(containerName, null, $"container '{containerName}' logs with the '{driver}' driver; only awslogs (CloudWatch Logs) can be read");
        }

        string? Option(string name) => options is not null && options.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;
        if (Option("awslogs-group") is not { } group)
        {
            return new ContainerLogLocation(containerName, null, $"container '{containerName}' has no awslogs-group option");
        }

        if (Option("awslogs-stream-prefix") is not { } prefix)
        {
            return new ContainerLogLocation(containerName, null,
                $"container '{containerName}' has no awslogs-stream-prefix, so its stream is named after the Docker container id, which ECS does not report; add awslogs-stream-prefix to the task definition");
        }

        var region = Option("awslogs-region") ?? connectionRegion;
        return new ContainerLogLocation(containerName, new TaskLogSource(taskArn, taskId, containerName, region, group, $"{prefix}/{containerName}/{taskId}"), null);
    }

    /// <summary>The container names of a task's task definition, sorted (for completion); none when the task is not found.</summary>
    public static async Task<IReadOnlyList<string>> ContainerNamesAsync(EcsConnection connection, string? cluster, string task, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentException.ThrowIfNullOrEmpty(task);
        var described = await connection.DescribeTasksAsync(
            new DescribeTasksRequest { Cluster = string.IsNullOrEmpty(cluster) ? TaskIds.ClusterOf(task) : cluster, Tasks = [task] }, cancellationToken).ConfigureAwait(false);
        if (described.Tasks?.FirstOrDefault()?.TaskDefinitionArn is not { } definition)
        {
            return [];
        }

        return (await connection.ContainerDefinitionsAsync(definition, cancellationToken).ConfigureAwait(false)).Select(c => c.Name).OfType<string>()
            .Order(StringComparer.OrdinalIgnoreCase).ToList();
    }

    private static ContainerLogLocation Locate(string taskArn, string taskId, ContainerDefinition container, string connectionRegion) =>
        Locate(taskArn, taskId, container.Name ?? "", container.LogConfiguration?.LogDriver, container.LogConfiguration?.Options, connectionRegion);

    private Task<IReadOnlyList<ContainerDefinition>> LoadAsync(string taskDefinitionArn, CancellationToken cancellationToken) =>
        _connection.ContainerDefinitionsAsync(taskDefinitionArn, cancellationToken);
}
