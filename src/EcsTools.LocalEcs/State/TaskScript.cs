using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using EcsTools.LocalEcs.Protocol;

namespace EcsTools.LocalEcs.State;

/// <summary>How one run of a task behaves: read from the containers' dockerLabels, overridden per run by the container overrides' environment.</summary>
internal sealed class TaskScript
{
    private static readonly Dictionary<string, string> s_environmentToLabel = new(StringComparer.Ordinal)
    {
        [LocalEcsLabels.RunForEnvironment] = LocalEcsLabels.RunFor,
        [LocalEcsLabels.ExitCodeEnvironment] = LocalEcsLabels.ExitCode,
        [LocalEcsLabels.FailToStartEnvironment] = LocalEcsLabels.FailToStart,
        [LocalEcsLabels.MissingAfterEnvironment] = LocalEcsLabels.MissingAfter,
        [LocalEcsLabels.StepIntervalEnvironment] = LocalEcsLabels.StepInterval,
        [LocalEcsLabels.StopExitCodeEnvironment] = LocalEcsLabels.StopExitCode,
        [LocalEcsLabels.OutputEnvironment] = LocalEcsLabels.Output,
        [LocalEcsLabels.OutputLinesEnvironment] = LocalEcsLabels.OutputLines,
    };

    public required IReadOnlyDictionary<string, ContainerScript> Containers { get; init; }

    public TimeSpan? MissingAfter { get; init; }

    public TimeSpan? Step { get; init; }

    public bool NeverStabilize { get; init; }

    /// <summary>The reason of the first container scripted to fail to start, if any.</summary>
    public string? FailToStart => Containers.Values.Select(c => c.FailToStart).FirstOrDefault(r => r is not null);

    /// <summary>Checks the labels of a task definition's containers (at RegisterTaskDefinition).</summary>
    public static void ValidateLabels(IEnumerable<ContainerDefinitionInfo> containers)
    {
        foreach (ContainerDefinitionInfo container in containers)
        {
            Read(container.Labels, atRegistration: true, container.Name);
        }
    }

    /// <summary>Builds the script of one run. <paramref name="environment"/> holds each container's override environment.</summary>
    public static TaskScript Create(
        IEnumerable<ContainerDefinitionInfo> containers,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> environment)
    {
        var scripts = new Dictionary<string, ContainerScript>(StringComparer.Ordinal);
        TimeSpan? missingAfter = null;
        TimeSpan? step = null;
        bool neverStabilize = false;
        foreach (ContainerDefinitionInfo container in containers)
        {
            var settings = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach ((string key, string value) in container.Labels)
            {
                settings[key] = value;
            }

            if (environment.TryGetValue(container.Name, out IReadOnlyDictionary<string, string>? overrides))
            {
                foreach ((string name, string value) in overrides)
                {
                    if (s_environmentToLabel.TryGetValue(name, out string? label))
                    {
                        settings[label] = value;
                    }
                }
            }

            Parsed parsed = Read(settings, atRegistration: false, container.Name, container.Essential);
            scripts[container.Name] = parsed.Container;
            missingAfter = Min(missingAfter, parsed.MissingAfter);
            step ??= parsed.Step;
            neverStabilize |= parsed.NeverStabilize;
        }

        return new TaskScript { Containers = scripts, MissingAfter = missingAfter, Step = step, NeverStabilize = neverStabilize };
    }

    private static TimeSpan? Min(TimeSpan? a, TimeSpan? b) => a is null ? b : b is null ? a : (a < b ? a : b);

    private static Parsed Read(IReadOnlyDictionary<string, string> settings, bool atRegistration, string containerName, bool essential = true)
    {
        LocalEcsException Invalid(string key, string value) => atRegistration
            ? ServerErrors.Client($"Invalid value '{value}' for dockerLabel '{key}' in container '{containerName}'.")
            : ServerErrors.InvalidParameter($"Invalid value '{value}' for LocalEcs setting '{key}' of container '{containerName}'.");

        TimeSpan? Duration(string key, bool allowForever)
        {
            if (!settings.TryGetValue(key, out string? text))
            {
                return null;
            }

            if (!Durations.TryParse(text, out TimeSpan? value) || (value is null && !allowForever) || value < TimeSpan.Zero)
            {
                throw Invalid(key, text);
            }

            return value;
        }

        int Integer(string key, int fallback)
        {
            if (!settings.TryGetValue(key, out string? text))
            {
                return fallback;
            }

            return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value) && value is >= 0 and <= 255
                ? value
                : throw Invalid(key, text);
        }

        TimeSpan? step = Duration(LocalEcsLabels.StepInterval, allowForever: false);
        if (step is { } s && s <= TimeSpan.Zero)
        {
            throw Invalid(LocalEcsLabels.StepInterval, settings[LocalEcsLabels.StepInterval]);
        }

        bool neverStabilize = false;
        if (settings.TryGetValue(LocalEcsLabels.Stabilize, out string? stabilize))
        {
            neverStabilize = stabilize.Equals("never", StringComparison.OrdinalIgnoreCase)
                || (stabilize.Equals("always", StringComparison.OrdinalIgnoreCase) ? false : throw Invalid(LocalEcsLabels.Stabilize, stabilize));
        }

        settings.TryGetValue(LocalEcsLabels.FailToStart, out string? failToStart);
        TimeSpan? runFor = Duration(LocalEcsLabels.RunFor, allowForever: true);
        IReadOnlyList<ScriptedLine> output;
        try
        {
            output = ScriptedLine.Parse(
                settings.TryGetValue(LocalEcsLabels.Output, out string? text) ? text : null,
                settings.TryGetValue(LocalEcsLabels.OutputLines, out string? count) ? count : null,
                runFor);
        }
        catch (FormatException e)
        {
            throw Invalid(LocalEcsLabels.Output, e.Message);
        }

        var container = new ContainerScript(
            essential,
            runFor,
            Integer(LocalEcsLabels.ExitCode, 0),
            string.IsNullOrWhiteSpace(failToStart) ? null : failToStart,
            Integer(LocalEcsLabels.StopExitCode, 143))
        {
            Output = output,
        };
        return new Parsed(container, Duration(LocalEcsLabels.MissingAfter, allowForever: true), step, neverStabilize);
    }

    private sealed record Parsed(ContainerScript Container, TimeSpan? MissingAfter, TimeSpan? Step, bool NeverStabilize);
}

/// <summary>One container's script: how long it runs, its exit code, a start failure, and its exit code when stopped.</summary>
internal sealed record ContainerScript(bool Essential, TimeSpan? RunFor, int ExitCode, string? FailToStart, int StopExitCode)
{
    /// <summary>What the container prints and when (after it started), in order.</summary>
    public IReadOnlyList<ScriptedLine> Output { get; init; } = [];
}
