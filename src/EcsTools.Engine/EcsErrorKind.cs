namespace EcsTools.Engine;

/// <summary>What went wrong in an ECS call, one value per error code the ECS operations declare, plus transport failures.</summary>
public enum EcsErrorKind
{
    Unknown = 0,
    Client,
    ClusterNotFound,
    InvalidParameter,
    Server,
    UnsupportedFeature,
    AccessDenied,
    PlatformUnknown,
    PlatformTaskDefinitionIncompatibility,
    Blocked,
    Conflict,
    NamespaceNotFound,
    ServiceNotFound,
    ServiceNotActive,
    TaskSetNotFound,
    LimitExceeded,
    Throttled,
    Authentication,
    Network,
    Timeout,
}
