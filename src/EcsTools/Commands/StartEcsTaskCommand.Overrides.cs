using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using EcsTools.Engine;
using EcsTools.Engine.Model;
using EcsTools.Input;
using EcsTools.Internal;

namespace EcsTools.Commands;

public sealed partial class StartEcsTaskCommand
{
    private OverrideBuilder? _overrides;

    /// <summary>
    /// Builds the task override from -Override with -Cpu, -Memory, -TaskRoleArn, -ExecutionRoleArn, -Command and
    /// -Environment on top, and checks the 8192-character limit ECS puts on its JSON.
    /// </summary>
    private sealed class OverrideBuilder
    {
        private readonly StartEcsTaskCommand _cmdlet;
        private readonly Dictionary<string, string[]> _containerNames = new(StringComparer.Ordinal);
        private string? _templateJson;

        public OverrideBuilder(StartEcsTaskCommand cmdlet) => _cmdlet = cmdlet;

        private bool NeedsContainer => _cmdlet.Command is not null || _cmdlet.Environment is not null;

        public void ValidateTemplate()
        {
            if (_cmdlet.Override is not null)
            {
                var parsed = StructuredInput.Read<TaskOverride>(_cmdlet.Override, nameof(Override), "InvalidOverride");
                _templateJson = EcsInput.ToJson(parsed);
            }

            foreach (var entry in TextValue.Sorted(_cmdlet.Environment ?? []))
            {
                if (!TextValue.TryConvert(entry.Key, out var name) || string.IsNullOrWhiteSpace(name))
                {
                    throw new InputValidationException("InvalidEnvironment", "-Environment has an empty variable name, or a name that is not text.",
                        "Give every variable a name, e.g. -Environment @{LOG_LEVEL='debug'}.");
                }

                if (!TextValue.TryConvert(entry.Value, out _))
                {
                    throw new InputValidationException("InvalidEnvironmentValue",
                        $"-Environment: the value of '{TagInput.Show(name)}' is {TextValue.Describe(entry.Value)}; environment variables hold text "
                        + "(a hashtable or array would be sent as its type name).",
                        $"Give '{TagInput.Show(name)}' a text value; to pass a list, join it (-join ',') or convert it (ConvertTo-Json -Compress).", name);
                }
            }

            // The smallest the overrides can be: when the container is named later (from the task definition), its
            // name only adds to this, so too-long overrides are refused before the task definition is described.
            CheckLength(Compose(_cmdlet.Container ?? (NeedsContainer ? "c" : null)));
        }

        public (TaskOverride? Value, bool Failed) Build(string taskDefinition, string? cluster)
        {
            string? container = _cmdlet.Container;
            if (NeedsContainer && container is null)
            {
                var names = ContainerNames(taskDefinition);
                if (names is null)
                {
                    return (null, true);
                }

                if (names.Length != 1)
                {
                    _cmdlet.WriteError(ErrorRecords.Create(
                        new ArgumentException($"Task definition '{taskDefinition}' has {names.Length} containers ({string.Join(", ", names)}): "
                            + "-Command and -Environment need -Container to say which one they override."),
                        "ContainerNameRequired", ErrorCategory.InvalidArgument, taskDefinition,
                        $"Add -Container with one of: {string.Join(", ", names)}."));
                    return (null, true);
                }

                container = names[0];
            }

            var value = Compose(container);
            try
            {
                CheckLength(value);
            }
            catch (InputValidationException e)
            {
                _cmdlet.WriteError(ErrorRecords.Create(new ArgumentException(e.Message), e.ErrorId, ErrorCategory.InvalidArgument, taskDefinition, e.RecommendedAction));
                return (null, true);
            }

            return (value, false);
        }

        private TaskOverride? Compose(string? container)
        {
            var value = _templateJson is null ? new TaskOverride() : EcsInput.Parse<TaskOverride>(_templateJson, "-Override");
            value.Cpu = _cmdlet.Cpu ?? value.Cpu;
            value.Memory = _cmdlet.Memory ?? value.Memory;
            value.TaskRoleArn = _cmdlet.TaskRoleArn ?? value.TaskRoleArn;
            value.ExecutionRoleArn = _cmdlet.ExecutionRoleArn ?? value.ExecutionRoleArn;
            if (NeedsContainer)
            {
                var name = container ?? "(container)";
                value.ContainerOverrides ??= [];
                var entry = value.ContainerOverrides.FirstOrDefault(c => c.Name == name);
                if (entry is null)
                {
                    entry = new ContainerOverride { Name = name };
                    value.ContainerOverrides.Add(entry);
                }

                if (_cmdlet.Command is not null)
                {
                    entry.Command = [.. _cmdlet.Command];
                }

                // Sorted by name: a hashtable's order varies from process to process, and a request with a client token must not.
                foreach (var variable in TextValue.Sorted(_cmdlet.Environment ?? []))
                {
                    TextValue.TryConvert(variable.Key, out var variableName);
                    TextValue.TryConvert(variable.Value, out var variableValue);
                    entry.Environment ??= [];
                    entry.Environment.RemoveAll(e => e.Name == variableName);
                    entry.Environment.Add(new KeyValuePairData { Name = variableName, Value = variableValue });
                }
            }

            var empty = value.Cpu is null && value.Memory is null && value.TaskRoleArn is null && value.ExecutionRoleArn is null
                && value.ContainerOverrides is not { Count: > 0 } && value.EphemeralStorage is null
                && value.InferenceAcceleratorOverrides is not { Count: > 0 };
            return empty ? null : value;
        }

        private static void CheckLength(TaskOverride? value)
        {
            if (value is null)
            {
                return;
            }

            var length = EcsInput.ToJson(value).Length;
            if (length > MaxOverrideLength)
            {
                throw new InputValidationException("OverridesTooLong",
                    $"The task overrides are {length} characters of JSON; ECS allows at most {MaxOverrideLength}.",
                    "Send less in -Command, -Environment and -Override: put large values in the task definition, an environment file or Secrets Manager.");
            }
        }

        private string[]? ContainerNames(string taskDefinition)
        {
            if (_containerNames.TryGetValue(taskDefinition, out var cached))
            {
                return cached;
            }

            try
            {
                var response = _cmdlet.Await(ct => _cmdlet.Connection.DescribeTaskDefinitionAsync(new DescribeTaskDefinitionRequest { TaskDefinition = taskDefinition }, ct));
                var names = response.TaskDefinition?.ContainerDefinitions?.Select(c => c.Name ?? "").ToArray() ?? [];
                _containerNames[taskDefinition] = names;
                return names;
            }
            catch (EcsServiceException e)
            {
                _cmdlet.WriteServiceError(e, taskDefinition, null, taskDefinition);
                return null;
            }
        }
    }
}
