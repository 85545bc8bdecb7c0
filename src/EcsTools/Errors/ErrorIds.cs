namespace EcsTools.Errors;

/// <summary>
/// Every error id the module writes (PowerShell appends ",EcsTools.Commands.XxxCommand"). Ids are never renamed: runbooks
/// and tests match on them, and docs/about_EcsTools.md lists some. The engine's own ids (checks it makes before sending)
/// are in EcsTools.Engine.ErrorIds and reach records through <see cref="ErrorRecords.FromInput(Engine.EcsInputException, object?)"/>.
/// </summary>
internal static class ErrorIds
{
    public const string AccessDenied = "AccessDenied";
    public const string AccountBlocked = "AccountBlocked";
    public const string AgentDisconnected = "AgentDisconnected";
    public const string AuthenticationFailed = "AuthenticationFailed";
    public const string ClientTokenConflict = "ClientTokenConflict";
    public const string ClusterAndServiceRequired = "ClusterAndServiceRequired";
    public const string ClusterNotFound = "ClusterNotFound";
    public const string ConfigFileInvalid = "ConfigFileInvalid";
    public const string ConflictingCredentials = "ConflictingCredentials";
    public const string ContainerNotFound = "ContainerNotFound";
    public const string CredentialsFailed = "CredentialsFailed";
    public const string CredentialsFileInvalid = "CredentialsFileInvalid";
    public const string DuplicateCapacityProvider = "DuplicateCapacityProvider";
    public const string DuplicateTagKey = "DuplicateTagKey";
    public const string EcsClientError = "EcsClientError";
    public const string EcsFailure = "EcsFailure";
    public const string EcsServerError = "EcsServerError";
    public const string EcsServiceError = "EcsServiceError";
    public const string EmptyResponse = "EmptyResponse";
    public const string EndpointUnreachable = "EndpointUnreachable";
    public const string InsufficientResources = "InsufficientResources";
    public const string InvalidCapacityProviderBase = "InvalidCapacityProviderBase";
    public const string InvalidCapacityProviderStrategy = "InvalidCapacityProviderStrategy";
    public const string InvalidCapacityProviderWeight = "InvalidCapacityProviderWeight";
    public const string InvalidConfiguration = "InvalidConfiguration";
    public const string InvalidEndpoint = "InvalidEndpoint";
    public const string InvalidEnvironment = "InvalidEnvironment";
    public const string InvalidEnvironmentValue = "InvalidEnvironmentValue";
    public const string InvalidFamily = "InvalidFamily";
    public const string InvalidInputObject = "InvalidInputObject";
    public const string InvalidLoadBalancer = "InvalidLoadBalancer";
    public const string InvalidOverride = "InvalidOverride";
    public const string InvalidParameter = "InvalidParameter";
    public const string InvalidPlacementConstraint = "InvalidPlacementConstraint";
    public const string InvalidPlacementStrategy = "InvalidPlacementStrategy";
    public const string InvalidProfileFile = "InvalidProfileFile";
    public const string InvalidProfileName = "InvalidProfileName";
    public const string InvalidRegion = "InvalidRegion";
    public const string InvalidRequestTimeout = "InvalidRequestTimeout";
    public const string InvalidServiceRegistry = "InvalidServiceRegistry";
    public const string InvalidStartedBy = "InvalidStartedBy";
    public const string InvalidTag = "InvalidTag";
    public const string InvalidTagKey = "InvalidTagKey";
    public const string InvalidTagKeyType = "InvalidTagKeyType";
    public const string InvalidTagValue = "InvalidTagValue";
    public const string InvalidTagValueType = "InvalidTagValueType";
    public const string InvalidVolumeConfiguration = "InvalidVolumeConfiguration";
    public const string LimitExceeded = "LimitExceeded";
    public const string MissingCapacityProviderName = "MissingCapacityProviderName";
    public const string NamespaceNotFound = "NamespaceNotFound";
    public const string NoChangeRequested = "NoChangeRequested";
    public const string NoCredentials = "NoCredentials";
    public const string NoRegion = "NoRegion";
    public const string NotFound = "NotFound";
    public const string OutcomeUnknown = "OutcomeUnknown";
    public const string PlacementConstraintNotMet = "PlacementConstraintNotMet";
    public const string PlatformTaskDefinitionIncompatibility = "PlatformTaskDefinitionIncompatibility";
    public const string PlatformUnknown = "PlatformUnknown";
    public const string PollIntervalWithoutFollow = "PollIntervalWithoutFollow";
    public const string ProfileFileTooLarge = "ProfileFileTooLarge";
    public const string ProfileNotFound = "ProfileNotFound";
    public const string ReasonTooLong = "ReasonTooLong";
    public const string RequestThrottled = "RequestThrottled";
    public const string RequestTimeout = "RequestTimeout";
    public const string ReservedTagKey = "ReservedTagKey";
    public const string ResourceInactive = "ResourceInactive";
    public const string ServiceNotActive = "ServiceNotActive";
    public const string ServiceNotFound = "ServiceNotFound";
    public const string StartedByNotAlone = "StartedByNotAlone";
    public const string StoredCredentialsUnusable = "StoredCredentialsUnusable";
    public const string SubnetRequired = "SubnetRequired";
    public const string TaskDefinitionNotFound = "TaskDefinitionNotFound";
    public const string TaskDefinitionUnknown = "TaskDefinitionUnknown";
    public const string TaskFailed = "TaskFailed";
    public const string TaskFailedToStart = "TaskFailedToStart";
    public const string TaskNotFound = "TaskNotFound";
    public const string TaskSetNotFound = "TaskSetNotFound";
    public const string TaskStopped = "TaskStopped";
    public const string TasksNotAccountedFor = "TasksNotAccountedFor";
    public const string TooManyCapacityProviders = "TooManyCapacityProviders";
    public const string TooManyContainerInstances = "TooManyContainerInstances";
    public const string TooManySecurityGroups = "TooManySecurityGroups";
    public const string TooManySubnets = "TooManySubnets";
    public const string TooManyTags = "TooManyTags";
    public const string UnsupportedFeature = "UnsupportedFeature";
    public const string WaitParameterWithoutWait = "WaitParameterWithoutWait";
    public const string WaitTimeout = "WaitTimeout";
}
