using System;
using EcsTools.Engine.Tasks;
using EcsTools.Input;

namespace EcsTools.Errors;

/// <summary>
/// The messages and recommended actions of the module's input checks (nothing is sent when one fails), each next to its
/// error id's name in <see cref="ErrorIds"/>: <c>X</c> is the message, <c>XAction</c> the recommended action. The texts
/// are never reworded casually: runbooks and tests match on some of them. The engine's checks have their own in
/// EcsTools.Engine.
/// </summary>
internal static class InputMessages
{
    // Any parameter that takes text (see TextInputAttribute).
    public static string InvalidInputObject(string parameter, string refused) =>
        $"-{parameter} was given {refused}; it takes text (a name, an ARN or a value), and the object would have been sent as its type name.";

    public static string InvalidInputObjectAction(string parameter, string command) =>
        $"Pass -{parameter} as text, or pipe objects that have a {parameter} property (or one of its aliases: Get-Help {command} -Parameter {parameter}).";

    // Connection parameters.
    public const string ConflictingCredentials = "-Credential and -AccessKey/-SecretKey were both given.";
    public const string ConflictingCredentialsAction = "Pass either -Credential or -AccessKey with -SecretKey.";

    public static string InvalidRequestTimeout(TimeSpan timeout, double maxMinutes) =>
        $"-RequestTimeout is {timeout}; it must be more than 0 and at most {maxMinutes} minutes.";

    public const string InvalidRequestTimeoutAction = "Pass -RequestTimeout in seconds (for example -RequestTimeout 10) or as a TimeSpan.";

    // -Environment.
    public const string InvalidEnvironment = "-Environment has an empty variable name, or a name that is not text.";
    public const string InvalidEnvironmentAction = "Give every variable a name, e.g. -Environment @{LOG_LEVEL='debug'}.";

    public static string InvalidEnvironmentValue(string shownName, string describedValue) =>
        $"-Environment: the value of '{shownName}' is {describedValue}; environment variables hold text "
        + "(a hashtable or array would be sent as its type name).";

    public static string InvalidEnvironmentValueAction(string shownName) =>
        $"Give '{shownName}' a text value; to pass a list, join it (-join ',') or convert it (ConvertTo-Json -Compress).";

    // -ContainerInstance, -Reason, -StartedBy.
    public static string TooManyContainerInstances(int count) =>
        $"-ContainerInstance has {count} container instances; one input takes at most {TaskLaunchLimits.MaxCount}.";

    public static string TooManyContainerInstancesAction() => $"Pass at most {TaskLaunchLimits.MaxCount} container instances per input.";

    public static string ReasonTooLong(int length) =>
        $"-Reason is {length} characters long; ECS takes at most {TaskStopRequest.MaxReasonLength}.";

    public static string ReasonTooLongAction() => $"Shorten the reason to {TaskStopRequest.MaxReasonLength} characters or fewer.";

    public static string InvalidFamily(string family) =>
        $"-Family '{family}' is not a task definition family: up to 255 letters, digits, hyphens and underscores, without a revision or an ARN. ECS would list no task for it.";

    public const string InvalidFamilyAction =
        "Give the family alone (-Family web); for the tasks of one revision, filter the output: Get-EcsTask -Family web | Where-Object Revision -eq 3.";

    public static string StartedByNotAlone(string others) =>
        $"-StartedBy cannot be combined with {others}: ECS's ListTasks takes startedBy only as its one filter.";

    public const string StartedByNotAloneAction =
        "List by -StartedBy alone and filter the output (for example with Where-Object), or drop -StartedBy.";

    public static string InvalidStartedBy(string shownStartedBy, bool startTask, int max) =>
        $"-StartedBy '{shownStartedBy}' is not valid for {(startTask ? "StartTask" : "RunTask")}: up to {max} letters, digits, hyphens, underscores and slashes.";

    public static string InvalidStartedByAction(int max) => $"Use at most {max} characters of A-Z, a-z, 0-9, '-', '_' and '/'.";

    // Waits.
    public const string WaitParameterWithoutWait = "-Timeout, -PollInterval, -IgnoreTaskFailure and -FollowLog apply to a wait: add -Wait or -WaitUntil.";
    public const string WaitParameterWithoutWaitAction =
        "Add -Wait (wait until the tasks have stopped) or -WaitUntil Running, or drop the wait parameters.";

    // Get-EcsTaskLog.
    public const string PollIntervalWithoutFollow = "-PollInterval applies to -Follow only.";
    public const string PollIntervalWithoutFollowAction = "Add -Follow, or leave out -PollInterval.";

    // Set-EcsTaskSet.
    public const string NoChangeRequested = "Set-EcsTaskSet was given neither -Scale nor -Primary: there is nothing to change.";
    public const string NoChangeRequestedAction =
        "Give -Scale (a percentage of the service's desired count), -Primary (to make the task set the primary one), or both.";

    public const string PrimaryFalse =
        "-Primary:$false asks for no change: ECS cannot make a task set stop being the primary one; a service's primary task set "
        + "changes only when another task set is made primary.";

    public const string PrimaryFalseAction =
        "To switch traffic, run Set-EcsTaskSet -Primary on the task set that should become primary; to change this one's size, use -Scale.";

    // Task set targets.
    public static string ClusterAndServiceRequired(string missing, string verb, string? taskSet) => string.IsNullOrWhiteSpace(taskSet)
        ? $"{missing} {verb} needed: they name the service whose task sets to get."
        : $"{missing} {verb} needed for task set '{taskSet}': an id does not name its cluster and service, as a task set ARN does.";

    public static string ClusterAndServiceRequiredAction(string missing) =>
        $"Pass {missing}, or the task set's ARN (task-set/cluster/service/id), or pipe in the task set object (it has ClusterArn, ServiceArn and TaskSetArn).";

    // -LoadBalancer, -ServiceRegistry, -PlacementConstraint and other structured parameters read as JSON.
    public static string InvalidStructuredInput(string parameter, string problem) => $"-{parameter}: {problem}";

    public static string InvalidStructuredInputAction(string parameter) => $"See Get-Help -Parameter {parameter}.";

    // -Tag.
    public static string InvalidTag(string shownItem) =>
        $"-Tag: '{shownItem}' is neither a hashtable nor an object with Key and Value properties.";

    public const string InvalidTagAction = "Pass -Tag @{team='web'; env='prod'} or objects with Key and Value.";

    public static string TooManyTags(int count) => $"-Tag: {count} tags given; ECS allows at most {TagInput.MaxTags} per resource.";

    public static string TooManyTagsAction() => $"Pass at most {TagInput.MaxTags} tags.";

    public static string InvalidTagKey(string shownKey) =>
        $"-Tag: the key '{shownKey}' is not a valid ECS tag key: 1 to {TagInput.MaxKeyLength} characters of letters, digits, spaces and _ . : / = + - @.";

    public const string InvalidTagKeyAction = "Change the tag key.";

    public static string ReservedTagKey(string shownKey) => $"-Tag: the key '{shownKey}' uses the prefix 'aws:', which AWS reserves for its own tags.";

    public const string ReservedTagKeyAction = "Choose a key that does not start with 'aws:'.";

    public static string InvalidTagValue(string shownKey) =>
        $"-Tag: the value of '{shownKey}' is not a valid ECS tag value: 0 to {TagInput.MaxValueLength} characters of letters, digits, spaces and _ . : / = + - @.";

    public const string InvalidTagValueAction = "Change the tag value.";

    public static string DuplicateTagKey(string shownKey) => $"-Tag: the key '{shownKey}' is given more than once; tag keys must be unique.";

    public const string DuplicateTagKeyAction = "Give each tag key once.";

    public static string InvalidTagKeyType(string describedKey) => $"-Tag: a key is {describedKey}; tag keys are text.";

    public const string InvalidTagKeyTypeAction = "Use text for tag keys, e.g. -Tag @{team='web'}.";

    public static string InvalidTagValueType(string shownKey, string describedValue) =>
        $"-Tag: the value of '{shownKey}' is {describedValue}; tag values are text (a hashtable or array would be sent as its type name).";

    public static string InvalidTagValueTypeAction(string shownKey) =>
        $"Give '{shownKey}' a text value, e.g. -Tag @{{team='web'}}; to keep several values, join them (-join ',').";

    // -Subnet, -SecurityGroup, -AssignPublicIp.
    public const string SubnetRequired = "-SecurityGroup and -AssignPublicIp configure an awsvpc network interface, which needs -Subnet.";
    public const string SubnetRequiredAction = "Add -Subnet with at least one subnet id.";

    public static string TooManySubnets(int count) => $"-Subnet has {count} subnets; ECS takes at most {NetworkInput.MaxSubnets}.";

    public static string TooManySubnetsAction() => $"Pass at most {NetworkInput.MaxSubnets} subnets of one VPC.";

    public static string TooManySecurityGroups(int count) =>
        $"-SecurityGroup has {count} groups; ECS takes at most {NetworkInput.MaxSecurityGroups}.";

    public static string TooManySecurityGroupsAction() => $"Pass at most {NetworkInput.MaxSecurityGroups} security groups.";

    // -CapacityProviderStrategy.
    public const string InvalidCapacityProviderStrategy = "-CapacityProviderStrategy is empty.";
    public const string InvalidCapacityProviderStrategyAction =
        "Pass at least one provider, e.g. @{CapacityProvider='FARGATE'; Weight=1}, or leave the parameter out to use the cluster's default strategy.";

    public static string TooManyCapacityProviders(int count) =>
        $"-CapacityProviderStrategy has {count} providers; ECS allows at most {CapacityProviderInput.MaxProviders}.";

    public static string TooManyCapacityProvidersAction() => $"Pass at most {CapacityProviderInput.MaxProviders} providers.";

    public const string MissingCapacityProviderName = "-CapacityProviderStrategy: an item has no CapacityProvider.";
    public const string MissingCapacityProviderNameAction =
        "Give every item a CapacityProvider name, e.g. @{CapacityProvider='FARGATE_SPOT'; Weight=3}.";

    public static string InvalidCapacityProviderWeight(string provider, int? weight) =>
        $"-CapacityProviderStrategy: the weight of '{provider}' is {weight}; it must be from 0 to {CapacityProviderInput.MaxWeight}.";

    public static string InvalidCapacityProviderWeightAction() => $"Use a weight from 0 to {CapacityProviderInput.MaxWeight}.";

    public static string InvalidCapacityProviderBase(string provider, int? providerBase) =>
        $"-CapacityProviderStrategy: the base of '{provider}' is {providerBase}; it must be from 0 to {CapacityProviderInput.MaxBase}.";

    public static string InvalidCapacityProviderBaseAction() => $"Use a base from 0 to {CapacityProviderInput.MaxBase}.";

    public static string DuplicateCapacityProvider(string provider) => $"-CapacityProviderStrategy names '{provider}' more than once.";

    public const string DuplicateCapacityProviderAction = "Name each capacity provider once.";

    public const string MoreThanOneBase = "-CapacityProviderStrategy: only one capacity provider in a strategy can have a base.";
    public const string MoreThanOneBaseAction = "Give a base to one provider only.";
}
