using System.Collections.Generic;
using System.Linq;
using EcsTools.Engine.Model;

namespace EcsTools.Engine.Tasks;

/// <summary>An entry of an ECS answer's failures: the resource (ARN or name), the reason (e.g. MISSING) and its detail.</summary>
public sealed record TaskFailure(string? Arn, string? Reason, string? Detail)
{
    internal static IReadOnlyList<TaskFailure> Of(IEnumerable<Failure>? failures) =>
        failures?.Select(f => new TaskFailure(f.Arn, f.Reason, f.Detail)).ToArray() ?? [];
}
