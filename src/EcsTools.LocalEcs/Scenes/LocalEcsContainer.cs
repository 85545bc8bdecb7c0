using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;

namespace EcsTools.LocalEcs;

/// <summary>A container definition for <see cref="LocalEcsTaskDefinition"/>; the scripting properties become <see cref="LocalEcsLabels"/> dockerLabels.</summary>
public sealed class LocalEcsContainer
{
    public required string Name { get; init; }

    public string Image { get; init; } = "public.ecr.aws/docker/library/busybox:latest";

    public bool Essential { get; init; } = true;

    public int? Cpu { get; init; }

    /// <summary>Hard memory limit (MiB).</summary>
    public int? Memory { get; init; }

    /// <summary>Soft memory limit (MiB); what EC2 placement reserves when given.</summary>
    public int? MemoryReservation { get; init; }

    public IList<LocalEcsPortMapping> PortMappings { get; init; } = [];

    public IDictionary<string, string> DockerLabels { get; init; } = new Dictionary<string, string>();

    public IDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>How long the container runs before it exits; null: until stopped.</summary>
    public TimeSpan? RunFor { get; init; }

    public int? ExitCode { get; init; }

    /// <summary>A reason: the task fails to start (stopCode TaskFailedToStart).</summary>
    public string? FailToStart { get; init; }

    /// <summary>After this long DescribeTasks reports the task MISSING.</summary>
    public TimeSpan? MissingAfter { get; init; }

    public TimeSpan? StepInterval { get; init; }

    /// <summary>The exit code when ECS stops the container (default 143).</summary>
    public int? StopExitCode { get; init; }

    /// <summary>Tasks launched by a task set or service stay PENDING: it never reaches a steady state.</summary>
    public bool NeverStabilize { get; init; }

    /// <summary>What the container prints (see <see cref="LocalEcsLabels.Output"/>): lines, each optionally "+duration text".</summary>
    public string? Output { get; init; }

    /// <summary>The container also prints this many numbered lines of 100 characters (see <see cref="LocalEcsLabels.OutputLines"/>).</summary>
    public int? OutputLines { get; init; }

    /// <summary>The awslogs log group; with <see cref="LogStreamPrefix"/>, the container logs with the awslogs driver.</summary>
    public string? LogGroup { get; init; }

    /// <summary>The awslogs-stream-prefix: the stream is prefix/container/task-id.</summary>
    public string? LogStreamPrefix { get; init; }

    /// <summary>The awslogs-region (the task's region when null).</summary>
    public string? LogRegion { get; init; }

    /// <summary>A log driver other than awslogs (e.g. "splunk"), or "awslogs" to force it without a group.</summary>
    public string? LogDriver { get; init; }

    internal JsonObject ToJson()
    {
        var labels = new Dictionary<string, string>(DockerLabels, StringComparer.Ordinal);
        void Label(string name, string? value)
        {
            if (value is not null)
            {
                labels[name] = value;
            }
        }

        Label(LocalEcsLabels.RunFor, RunFor is { } runFor ? Milliseconds(runFor) : null);
        Label(LocalEcsLabels.ExitCode, ExitCode?.ToString(CultureInfo.InvariantCulture));
        Label(LocalEcsLabels.FailToStart, FailToStart);
        Label(LocalEcsLabels.MissingAfter, MissingAfter is { } missing ? Milliseconds(missing) : null);
        Label(LocalEcsLabels.StepInterval, StepInterval is { } step ? Milliseconds(step) : null);
        Label(LocalEcsLabels.StopExitCode, StopExitCode?.ToString(CultureInfo.InvariantCulture));
        Label(LocalEcsLabels.Stabilize, NeverStabilize ? "never" : null);
        Label(LocalEcsLabels.Output, Output);
        Label(LocalEcsLabels.OutputLines, OutputLines?.ToString(CultureInfo.InvariantCulture));
        var json = new JsonObject { ["name"] = Name, ["image"] = Image, ["essential"] = Essential };
        if (Cpu is { } cpu)
        {
            json["cpu"] = cpu;
        }

        if (Memory is { } memory)
        {
            json["memory"] = memory;
        }

        if (MemoryReservation is { } reservation)
        {
            json["memoryReservation"] = reservation;
        }

        json["portMappings"] = new JsonArray(PortMappings.Select(p =>
        {
            var mapping = new JsonObject { ["containerPort"] = p.ContainerPort, ["protocol"] = p.Protocol };
            if (p.HostPort is { } host)
            {
                mapping["hostPort"] = host;
            }

            return (JsonNode)mapping;
        }).ToArray());
        json["environment"] = new JsonArray(Environment.Select(e => (JsonNode)new JsonObject { ["name"] = e.Key, ["value"] = e.Value }).ToArray());
        if (LogDriver is not null || LogGroup is not null)
        {
            var options = new JsonObject();
            void Option(string name, string? value)
            {
                if (value is not null)
                {
                    options[name] = value;
                }
            }

            Option("awslogs-group", LogGroup);
            Option("awslogs-stream-prefix", LogStreamPrefix);
            Option("awslogs-region", LogRegion);
            json["logConfiguration"] = new JsonObject { ["logDriver"] = LogDriver ?? "awslogs", ["options"] = options };
        }

        if (labels.Count > 0)
        {
            json["dockerLabels"] = new JsonObject(labels.Select(l => new KeyValuePair<string, JsonNode?>(l.Key, l.Value)));
        }

        return json;
    }

    private static string Milliseconds(TimeSpan duration) =>
        duration.TotalMilliseconds.ToString("0.###", CultureInfo.InvariantCulture) + "ms";
}
