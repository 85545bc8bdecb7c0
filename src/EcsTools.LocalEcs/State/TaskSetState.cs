using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace EcsTools.LocalEcs.State;

/// <summary>A task set of an EXTERNAL-controller service.</summary>
internal sealed class TaskSetState
{
    public required string Id { get; init; }

    public required string Arn { get; init; }

    public required ServiceState Service { get; init; }

    public required Fleet Fleet { get; init; }

    public string? ExternalId { get; init; }

    public string Status { get; set; } = "ACTIVE";

    public double ScaleValue { get; set; } = 100;

    public string ScaleUnit { get; set; } = "PERCENT";

    public JsonArray? LoadBalancers { get; init; }

    public JsonArray? ServiceRegistries { get; init; }

    public List<Tag> Tags { get; init; } = [];

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }

    public string? ClientToken { get; init; }

    /// <summary>A fingerprint of the CreateTaskSet request, to tell a retry from a conflicting reuse of the client token.</summary>
    public string? RequestFingerprint { get; init; }

    /// <summary>computedDesiredCount: the service's desiredCount times the scale, rounded up.</summary>
    public int ComputedDesiredCount => (int)Math.Ceiling(Service.DesiredCount * ScaleValue / 100.0 - 1e-9);
}
