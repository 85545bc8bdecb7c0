using System.Collections.Generic;

namespace EcsTools.Engine.Tasks;

/// <summary>
/// The task overrides asked for: a full ECS TaskOverride as JSON (<see cref="Template"/>), with the single values on top.
/// <see cref="Command"/> and <see cref="Environment"/> override the container <see cref="Container"/> names, or the task
/// definition's only container when it is null.
/// </summary>
public sealed record TaskOverrideRequest
{
    /// <summary>An ECS TaskOverride as JSON (member names match case-insensitively; an unknown one is an error).</summary>
    public string? Template { get; init; }

    public string? Cpu { get; init; }

    public string? Memory { get; init; }

    public string? TaskRoleArn { get; init; }

    public string? ExecutionRoleArn { get; init; }

    public string? Container { get; init; }

    public IReadOnlyList<string>? Command { get; init; }

    /// <summary>Environment variables, applied in this order (a later one with the same name wins). Give them in a stable order: a request with a client token must not vary.</summary>
    public IReadOnlyList<KeyValuePair<string, string>>? Environment { get; init; }

    /// <summary>Whether a container override is asked for (so its container must be known).</summary>
    public bool NeedsContainer => Command is not null || Environment is not null;
}
