using System.Collections;
using System.Collections.Generic;
using System.Linq;
using EcsTools.Engine;
using EcsTools.Engine.Tasks;
using EcsTools.Errors;
using EcsTools.Input;

namespace EcsTools.Commands;

/// <summary>The parameters, read into the engine's launch request (the engine checks them against the ECS limits).</summary>
public sealed partial class StartEcsTaskCommand
{
    private TaskLaunchRequest LaunchRequest()
    {
        TaskLauncher.CheckContainerInstanceCount(ContainerInstance.Length);
        StartedByRules.Validate(StartedBy, OnContainerInstances);
        return new TaskLaunchRequest
        {
            Tags = Tag is null ? null : TagInput.ReadTags(Tag),
            LaunchType = ParameterSetName == ByLaunchType ? LaunchType : null,
            CapacityProviderStrategy = ParameterSetName == ByCapacityProvider ? CapacityProviderInput.ReadShares(CapacityProviderStrategy) : null,
            PlacementConstraints = StructuredInput.JsonAll(PlacementConstraint, nameof(PlacementConstraint), ErrorIds.InvalidPlacementConstraint),
            PlacementStrategy = StructuredInput.JsonAll(PlacementStrategy, nameof(PlacementStrategy), ErrorIds.InvalidPlacementStrategy),
            VolumeConfigurations = StructuredInput.JsonAll(VolumeConfiguration, nameof(VolumeConfiguration), ErrorIds.InvalidVolumeConfiguration),
            Network = NetworkInput.Read(Subnet, SecurityGroup, AssignPublicIp),
            Overrides = new TaskOverrideRequest
            {
                Template = Override is null ? null : StructuredInput.Json(Override, nameof(Override), ErrorIds.InvalidOverride),
                Cpu = Cpu,
                Memory = Memory,
                TaskRoleArn = TaskRoleArn,
                ExecutionRoleArn = ExecutionRoleArn,
                Container = Container,
                Command = Command,
                Environment = Environment is null ? null : EnvironmentVariables(Environment),
            },
            Count = Count,
            PlatformVersion = PlatformVersion,
            ClientToken = ClientToken,
            Group = Group,
            StartedBy = StartedBy,
            ReferenceId = ReferenceId,
            PropagateTags = PropagateTags,
            EnableEcsManagedTags = EnableEcsManagedTags.IsPresent,
            EnableExecuteCommand = EnableExecuteCommand.IsPresent,
        };
    }

    // Sorted by name: a hashtable's order varies from process to process, and a request with a client token must not.
    private static List<KeyValuePair<string, string>> EnvironmentVariables(Hashtable environment)
    {
        var variables = new List<KeyValuePair<string, string>>();
        foreach (var entry in TextValue.Sorted(environment))
        {
            if (!TextValue.TryConvert(entry.Key, out var name) || string.IsNullOrWhiteSpace(name))
            {
                throw new InputValidationException(ErrorIds.InvalidEnvironment, InputMessages.InvalidEnvironment,
                    InputMessages.InvalidEnvironmentAction);
            }

            if (!TextValue.TryConvert(entry.Value, out var value))
            {
                throw new InputValidationException(ErrorIds.InvalidEnvironmentValue,
                    InputMessages.InvalidEnvironmentValue(TagInput.Show(name), TextValue.Describe(entry.Value)),
                    InputMessages.InvalidEnvironmentValueAction(TagInput.Show(name)), name);
            }

            variables.Add(new(name, value));
        }

        return variables;
    }

    // What the user gave for the structure the engine could not read: the item of the list, or -Override.
    private object? InputTarget(EcsInputException e) => (e.ErrorId, e.ItemIndex) switch
    {
        (ErrorIds.InvalidOverride, _) => Override,
        (ErrorIds.InvalidPlacementConstraint, { } i) => NonNull(PlacementConstraint)[i],
        (ErrorIds.InvalidPlacementStrategy, { } i) => NonNull(PlacementStrategy)[i],
        (ErrorIds.InvalidVolumeConfiguration, { } i) => NonNull(VolumeConfiguration)[i],
        _ => e.Target,
    };

    private static object[] NonNull(object[]? items) => [.. (items ?? []).Where(i => i is not null)];
}
