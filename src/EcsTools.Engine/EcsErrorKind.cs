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

    /// <summary>A change may or may not have been made, and the engine could not find out which: see <see cref="EcsServiceException.Check"/>.</summary>
    OutcomeUnknown,

    /// <summary>The credentials could not be obtained for the call: credential_process, SSO, or AssumeRole failed.</summary>
    Credentials,

    /// <summary>CloudWatch Logs: the log group or stream does not exist (yet).</summary>
    ResourceNotFound,
}
