using System;
using System.Collections.Generic;
using EcsTools.Engine.Model;

namespace EcsTools.Engine.Tasks;

/// <summary>
/// Composes the task override: the template (read once) with the single values on top, and checks the 8,192-character
/// limit ECS puts on its JSON. The template is never changed: each composition works on copies of what it changes.
/// </summary>
internal sealed class TaskOverrides
{
    private readonly TaskOverrideRequest _request;
    private readonly TaskOverride? _template;

    private TaskOverrides(TaskOverrideRequest request, TaskOverride? template)
    {
        _request = request;
        _template = template;
    }

    public bool NeedsContainer => _request.NeedsContainer;

    /// <summary>The container the request names, if it names one.</summary>
    public string? Container => _request.Container;

    /// <summary>
    /// Reads the template (InvalidOverride), checks the task's CPU and memory, given or in the template (InvalidCpu,
    /// InvalidMemory), and refuses overrides that are too long whichever container they name: when the
    /// container is named later (from the task definition), its name only adds to the shortest composition.
    /// </summary>
    public static TaskOverrides Create(TaskOverrideRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        TaskOverride? template = null;
        if (request.Template is not null)
        {
            try
            {
                template = EcsInput.Parse<TaskOverride>(request.Template, "-Override");
            }
            catch (EcsInputException e)
            {
                throw new EcsInputException(ErrorIds.InvalidOverride, e.Message, InputMessages.InvalidOverrideAction, null, e);
            }
        }

        // -Cpu and -Memory replace the template's: only what is sent is checked.
        TaskSize.CheckCpu(request.Cpu, "-Cpu");
        TaskSize.CheckMemory(request.Memory, "-Memory");
        TaskSize.CheckCpu(request.Cpu is null ? template?.Cpu : null, "The cpu of -Override", inOverride: true);
        TaskSize.CheckMemory(request.Memory is null ? template?.Memory : null, "The memory of -Override", inOverride: true);
        var overrides = new TaskOverrides(request, template);
        CheckLength(overrides.Compose(request.Container ?? (request.NeedsContainer ? "c" : null)), null);
        return overrides;
    }

    /// <summary>The overrides for <paramref name="container"/> (null when nothing is overridden); OverridesTooLong past the limit.</summary>
    public TaskOverride? For(string? container, object? target)
    {
        var value = Compose(container);
        CheckLength(value, target);
        return value;
    }

    internal TaskOverride? Compose(string? container)
    {
        var value = _template?.Copy() ?? new TaskOverride();
        value.Cpu = _request.Cpu ?? value.Cpu;
        value.Memory = _request.Memory ?? value.Memory;
        value.TaskRoleArn = _request.TaskRoleArn ?? value.TaskRoleArn;
        value.ExecutionRoleArn = _request.ExecutionRoleArn ?? value.ExecutionRoleArn;
        if (NeedsContainer)
        {
            var name = container ?? "(container)";
            var entries = value.ContainerOverrides is null ? [] : new List<ContainerOverride>(value.ContainerOverrides);
            value.ContainerOverrides = entries;
            var index = entries.FindIndex(c => c.Name == name);
            var entry = index >= 0 ? entries[index].Copy() : new ContainerOverride { Name = name };
            if (index >= 0)
            {
                entries[index] = entry;
            }
            else
            {
                entries.Add(entry);
            }

            if (_request.Command is not null)
            {
                entry.Command = [.. _request.Command];
            }

            if (_request.Environment is { Count: > 0 } environment)
            {
                entry.Environment = entry.Environment is null ? [] : new List<KeyValuePairData>(entry.Environment);
                foreach (var (variableName, variableValue) in environment)
                {
                    entry.Environment.RemoveAll(e => e.Name == variableName);
                    entry.Environment.Add(new KeyValuePairData { Name = variableName, Value = variableValue });
                }
            }
        }

        var empty = value.Cpu is null && value.Memory is null && value.TaskRoleArn is null && value.ExecutionRoleArn is null
            && value.ContainerOverrides is not { Count: > 0 } && value.EphemeralStorage is null
            && value.InferenceAcceleratorOverrides is not { Count: > 0 };
        return empty ? null : value;
    }

    private static void CheckLength(TaskOverride? value, object? target)
    {
        if (value is null)
        {
            return;
        }

        var length = EcsInput.ToJson(value).Length;
        if (length > TaskLaunchLimits.MaxOverrideLength)
        {
            throw new EcsInputException(ErrorIds.OverridesTooLong,
                InputMessages.OverridesTooLong(length),
                InputMessages.OverridesTooLongAction,
                target);
        }
    }
}
