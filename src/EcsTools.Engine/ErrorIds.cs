namespace EcsTools.Engine;

/// <summary>
/// Every error id of the engine's input checks (an <see cref="EcsInputException"/> or <see cref="Waiting.WaitSettingsException"/>
/// carries it to the module, which writes it as the record's id). Ids are never renamed: runbooks and tests match on them.
/// </summary>
internal static class ErrorIds
{
    public const string ContainerNameRequired = "ContainerNameRequired";
    public const string CountTooLarge = "CountTooLarge";
    public const string InvalidClientToken = "InvalidClientToken";
    public const string InvalidCount = "InvalidCount";
    public const string InvalidCpu = "InvalidCpu";
    public const string InvalidLoadBalancer = "InvalidLoadBalancer";
    public const string InvalidMemory = "InvalidMemory";
    public const string InvalidOverride = "InvalidOverride";
    public const string InvalidPlacementConstraint = "InvalidPlacementConstraint";
    public const string InvalidPlacementStrategy = "InvalidPlacementStrategy";
    public const string InvalidPollInterval = "InvalidPollInterval";
    public const string InvalidReferenceId = "InvalidReferenceId";
    public const string InvalidScale = "InvalidScale";
    public const string InvalidServiceRegistry = "InvalidServiceRegistry";
    public const string InvalidTimeout = "InvalidTimeout";
    public const string InvalidVolumeConfiguration = "InvalidVolumeConfiguration";
    public const string InvalidWaitSetting = "InvalidWaitSetting";
    public const string OverridesTooLong = "OverridesTooLong";
    public const string TooManyContainerInstances = "TooManyContainerInstances";
    public const string TooManyPlacementConstraints = "TooManyPlacementConstraints";
    public const string TooManyPlacementStrategies = "TooManyPlacementStrategies";
}
