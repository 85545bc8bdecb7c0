using System;
using System.Globalization;
using EcsTools.Engine.Resolution;
using EcsTools.Engine.Tasks;
using EcsTools.Engine.TaskSets;
using EcsTools.Engine.Waiting;

namespace EcsTools.Engine;

/// <summary>
/// The messages and recommended actions of the engine's input checks (an <see cref="EcsInputException"/> or
/// <see cref="WaitSettingsException"/>; nothing is sent when one fails), each next to its error id's name in
/// <see cref="ErrorIds"/>: <c>X</c> is the message, <c>XAction</c> the recommended action. The texts are never reworded
/// casually: runbooks and tests match on some of them. Configuration errors have theirs in Resolution/ConfigurationErrors.cs.
/// </summary>
internal static class InputMessages
{
    // Waits.
    public static string InvalidTimeout(TimeSpan timeout) => $"-Timeout is {timeout}; it must be more than 0 seconds, or -1 for no limit.";

    public const string InvalidTimeoutAction =
        "Pass -Timeout in seconds (for example -Timeout 900), as a TimeSpan (-Timeout 0:15:00), or -1 to wait without a limit.";

    public static string InvalidPollInterval(TimeSpan interval) =>
        $"-PollInterval is {interval}; it must be from {PollSchedule.MinimumInterval.TotalSeconds.ToString(CultureInfo.InvariantCulture)} seconds to "
        + $"{PollSchedule.MaximumInterval.TotalMinutes.ToString(CultureInfo.InvariantCulture)} minutes.";

    public const string InvalidPollIntervalAction = "Pass -PollInterval in seconds, for example -PollInterval 5.";

    // Start-EcsTask.
    public static string InvalidCount(int count) => $"-Count is {count}; at least one task must be started.";

    public const string InvalidCountAction = "Pass -Count 1 or more.";

    public static string CountTooLarge(int count) =>
        $"-Count is {count}; Start-EcsTask starts at most {TaskLaunchLimits.MaxCount} tasks of a task definition in one command "
        + $"({TaskLaunchLimits.MaxCount / TaskLaunchLimits.MaxRunTaskCount} RunTask calls), so that a typo cannot fan out into thousands of tasks.";

    public static string CountTooLargeAction() =>
        $"Pass -Count {TaskLaunchLimits.MaxCount} or less; to start more, run the command again (with another -ClientToken, if you use one).";

    public static string InvalidReferenceId(int length) =>
        $"-ReferenceId is {length} characters long; ECS takes at most {TaskLaunchLimits.MaxReferenceIdLength}.";

    public const string InvalidReferenceIdAction = "Shorten the reference id.";

    public static string TooManyPlacementConstraints() =>
        $"-PlacementConstraint: ECS allows at most {TaskLaunchLimits.MaxPlacementConstraints} constraints per task.";

    public static string TooManyPlacementConstraintsAction() =>
        $"Pass at most {TaskLaunchLimits.MaxPlacementConstraints} constraints (the task definition's count too).";

    public static string TooManyPlacementStrategies() =>
        $"-PlacementStrategy: ECS allows at most {TaskLaunchLimits.MaxPlacementStrategies} rules per task.";

    public static string TooManyPlacementStrategiesAction() => $"Pass at most {TaskLaunchLimits.MaxPlacementStrategies} rules.";

    // A placement item, as its position (1-based) says: "-PlacementConstraint item 2".
    private static string Item(string parameter, int index) => $"-{parameter} item {(index + 1).ToString(CultureInfo.InvariantCulture)}";

    public static string UnknownPlacementConstraintType(int index, string? type) =>
        type is null ? $"{Item("PlacementConstraint", index)} has no Type."
        : $"{Item("PlacementConstraint", index)}: '{SettingRules.Show(type)}' is not a placement constraint type; ECS knows distinctInstance and memberOf.";

    public static string MemberOfWithoutExpression(int index) => $"{Item("PlacementConstraint", index)}: a memberOf constraint needs an Expression.";

    public static string DistinctInstanceWithExpression(int index) =>
        $"{Item("PlacementConstraint", index)}: a distinctInstance constraint takes no Expression (ECS refuses one).";

    public const string PlacementConstraintAction =
        "Pass @{ Type = 'distinctInstance' } (each task on an instance of its own) or a memberOf constraint with an Expression in "
        + "the cluster query language, e.g. @{ Type = 'memberOf'; Expression = 'attribute:ecs.instance-type =~ t3.*' }.";

    public static string UnknownPlacementStrategyType(int index, string? type) =>
        type is null ? $"{Item("PlacementStrategy", index)} has no Type."
        : $"{Item("PlacementStrategy", index)}: '{SettingRules.Show(type)}' is not a placement strategy type; ECS knows random, spread and binpack.";

    public static string PlacementStrategyWithoutField(int index, string type) => $"{Item("PlacementStrategy", index)}: a {type} rule needs a Field.";

    public static string UnknownBinpackField(int index, string field) =>
        $"{Item("PlacementStrategy", index)}: a binpack rule packs by cpu or memory, not '{SettingRules.Show(field)}'.";

    public const string PlacementStrategyAction =
        "Pass rules such as @{ Type = 'spread'; Field = 'attribute:ecs.availability-zone' }, @{ Type = 'binpack'; Field = 'memory' } "
        + "or @{ Type = 'random' }.";

    public static string TooManyContainerInstances(int count) =>
        $"-ContainerInstance has {count} container instances; Start-EcsTask takes at most {TaskLaunchLimits.MaxCount} in one command "
        + $"({TaskLaunchLimits.MaxCount / TaskLaunchLimits.MaxStartTaskInstances} StartTask calls).";

    public static string TooManyContainerInstancesAction() =>
        $"Pass at most {TaskLaunchLimits.MaxCount} container instances; pipe them in, or run the command again for the rest.";

    public static string ContainerNameRequired(string taskDefinition, string[] names) =>
        $"Task definition '{taskDefinition}' has {names.Length} containers ({string.Join(", ", names)}): "
        + "-Command and -Environment need -Container to say which one they override.";

    public static string ContainerNameRequiredAction(string[] names) => $"Add -Container with one of: {string.Join(", ", names)}.";

    public const string InvalidOverrideAction = "See Get-Help -Parameter Override for the keys it takes.";

    public static string InvalidCpu(string parameter, string value) =>
        $"{parameter} is '{SettingRules.Show(value)}', which is not a CPU amount ECS takes: a whole number of CPU units (1024 is one vCPU), "
        + "without a unit, or vCPUs with the unit.";

    public static string InvalidCpuAction(bool inOverride) => inOverride
        ? "Give -Override a cpu of CPU units, such as @{ Cpu = '512' }, or vCPUs with the unit, such as @{ Cpu = '0.5 vCPU' }; or pass -Cpu, which replaces it."
        : "Pass CPU units, such as -Cpu 512, or vCPUs with the unit, such as -Cpu '0.5 vCPU'.";

    public static string InvalidMemory(string parameter, string value) =>
        $"{parameter} is '{SettingRules.Show(value)}', which is not an amount of memory ECS takes: a whole number of MiB, without a unit, "
        + "or GB with the unit.";

    public static string InvalidMemoryAction(bool inOverride) => inOverride
        ? "Give -Override a memory in MiB, such as @{ Memory = '2048' }, or GB with the unit, such as @{ Memory = '2 GB' }; or pass -Memory, which replaces it."
        : "Pass MiB, such as -Memory 2048, or GB with the unit, such as -Memory '2 GB'.";

    public static string OverridesTooLong(int length) =>
        $"The task overrides are {length} characters of JSON; ECS allows at most {TaskLaunchLimits.MaxOverrideLength}.";

    public const string OverridesTooLongAction =
        "Send less in -Command, -Environment and -Override: put large values in the task definition, an environment file or Secrets Manager.";

    // Client tokens.
    public static string InvalidClientTokenLength(string parameter, int length, int maxLength) =>
        $"-{parameter} is {length} characters long; ECS takes 1 to {maxLength}.";

    public static string InvalidClientTokenLengthAction(int maxLength) => $"Use a token of at most {maxLength} characters.";

    public static string InvalidClientTokenCharacter(string parameter) =>
        $"-{parameter} contains a character outside ASCII 33-126 (such as a space or a non-ASCII letter).";

    public const string InvalidClientTokenCharacterAction = "Use only printable ASCII characters, without spaces.";

    // Task sets.
    public static string InvalidScale(double percent) =>
        $"-Scale is {percent.ToString(CultureInfo.InvariantCulture)}; it is a percentage of the service's desired count, from 0 to 100.";

    public const string InvalidScaleAction = "Pass -Scale from 0 (no tasks) to 100 (as many tasks as the service's desired count).";

    public const string LoadBalancerWithoutTarget = "-LoadBalancer: an item has neither TargetGroupArn nor LoadBalancerName.";

    public const string LoadBalancerWithoutTargetAction =
        "Give each item the TargetGroupArn of an Application or Network Load Balancer target group, e.g. "
        + "@{TargetGroupArn='arn:aws:elasticloadbalancing:...'; ContainerName='web'; ContainerPort=80}.";

    public static string LoadBalancerWithoutContainer(string? target) =>
        $"-LoadBalancer: '{target}' needs ContainerName and ContainerPort: the container and port the load balancer sends traffic to.";

    public const string LoadBalancerWithoutContainerAction = "Add ContainerName (as in the task definition) and ContainerPort to the item.";

    public const string ServiceRegistryWithoutArn = "-ServiceRegistry: an item has no RegistryArn.";

    public const string ServiceRegistryWithoutArnAction =
        "Give each item the RegistryArn of an AWS Cloud Map service, e.g. @{RegistryArn='arn:aws:servicediscovery:...'}.";

    public static string InvalidPort(string parameter, string member, int? port) => $"-{parameter}: {member} {port} is not a port number.";

    public static string InvalidPortAction() => $"Use a port from 0 to {TaskSetShapes.MaxPort}.";

    // Structured parameters read as JSON.
    public static string EmptyInput(string what) => $"{what} is empty.";

    public static string InvalidStructuredInputAction(string parameter) => $"See Get-Help -Parameter {parameter} for the keys it takes.";

    public static string NotAStructure(string what, string given, string[] keys, string? example) =>
        $"{what} takes a hashtable or an object with the keys {string.Join(", ", keys)}; it was given {given}."
        + (example is null ? "" : $" Example: {what} {example}");

    public static string WrongValueType(string what, string path, string expected) => $"{what}: '{path}' takes {expected}.";
}
