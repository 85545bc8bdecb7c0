using System;
using System.Collections.Generic;
using System.Linq;

namespace EcsTools;

/// <summary>
/// The exception of the error a wait writes for a task that stopped before it was RUNNING, failed to start, or whose
/// essential container exited with a non-zero code. The task, as last described, is in <see cref="Task"/>.
/// </summary>
public sealed class EcsTaskFailedException : Exception
{
    public EcsTaskFailedException()
    {
        ContainerReasons = [];
    }

    public EcsTaskFailedException(string message)
        : base(message)
    {
        ContainerReasons = [];
    }

    public EcsTaskFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
        ContainerReasons = [];
    }

    public EcsTaskFailedException(string message, EcsTask task)
        : base(message)
    {
        ArgumentNullException.ThrowIfNull(task);
        Task = task;
        StopCode = task.StopCode;
        StoppedReason = task.StoppedReason;
        ContainerReasons = task.Containers
            .Where(c => !string.IsNullOrEmpty(c.Reason) || c.ExitCode is not null)
            .Select(c => $"{c.Name}: " + string.Join(", ", new[] { c.ExitCode is { } code ? $"exit code {code}" : null, c.Reason }.OfType<string>()))
            .ToArray();
    }

    /// <summary>The task as DescribeTasks last returned it.</summary>
    public EcsTask? Task { get; }

    /// <summary>ECS's stop code, e.g. EssentialContainerExited or TaskFailedToStart.</summary>
    public string? StopCode { get; }

    public string? StoppedReason { get; }

    /// <summary>Each container's exit code and reason, as "name: exit code 1, reason".</summary>
    public IReadOnlyList<string> ContainerReasons { get; }
}
