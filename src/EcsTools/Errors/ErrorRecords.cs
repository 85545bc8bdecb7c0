using System;
using System.Management.Automation;
using EcsTools.Engine;
using EcsTools.Input;

namespace EcsTools.Errors;

/// <summary>
/// Error records with stable ids (PowerShell appends ",EcsTools.Commands.XxxCommand"), fitting categories, the AWS
/// request id in the message, and the fix in RecommendedAction. Never a credential: every record made here, or written
/// through <see cref="EcsCmdlet"/>, has its exception chain, details and string target scrubbed by <see cref="EcsSecrets"/>.
/// </summary>
internal static class ErrorRecords
{
    public static ErrorRecord Create(Exception exception, string errorId, ErrorCategory category, object? target, string? recommendedAction = null)
    {
        exception = EcsSecrets.Clean(exception);
        var record = new ErrorRecord(exception, errorId, category, CleanTarget(target));
        if (!string.IsNullOrEmpty(recommendedAction))
        {
            record.ErrorDetails = new ErrorDetails(exception.Message) { RecommendedAction = EcsSecrets.Scrub(recommendedAction) };
        }

        return record;
    }

    /// <summary>
    /// A client-side check failed (nothing was sent): the record of <paramref name="e"/>, with its id, category and
    /// recommended action, an ArgumentException with its message, and <paramref name="e"/> kept as the cause. The
    /// target is the check's own unless the caller names what the input was about.
    /// </summary>
    public static ErrorRecord FromInput(InputValidationException e, object? target = null)
    {
        ArgumentNullException.ThrowIfNull(e);
        return Create(new ArgumentException(e.Message, e), e.ErrorId, e.Category, target ?? e.Target, e.RecommendedAction);
    }

    /// <summary>
    /// The engine refused an input (nothing was sent): the same record as <see cref="FromInput(InputValidationException, object?)"/>
    /// makes, for the engine's check, with the target the cmdlet names.
    /// </summary>
    public static ErrorRecord FromInput(EcsInputException e, object? target)
    {
        ArgumentNullException.ThrowIfNull(e);
        return Create(new ArgumentException(e.Message, e), e.ErrorId!, ErrorCategory.InvalidArgument, target, e.RecommendedAction);
    }

    /// <summary>The record itself when nothing in it holds a secret; otherwise a copy with the same id and category, scrubbed.</summary>
    public static ErrorRecord Clean(ErrorRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var details = record.ErrorDetails;
        if (EcsSecrets.IsClean(record.Exception) && ReferenceEquals(CleanTarget(record.TargetObject), record.TargetObject)
            && (details is null || (IsClean(details.Message) && IsClean(details.RecommendedAction))))
        {
            return record;
        }

        var clean = new ErrorRecord(EcsSecrets.Clean(record.Exception), record.FullyQualifiedErrorId, record.CategoryInfo.Category, CleanTarget(record.TargetObject));
        if (details is not null)
        {
            clean.ErrorDetails = new ErrorDetails(EcsSecrets.Scrub(details.Message)) { RecommendedAction = EcsSecrets.Scrub(details.RecommendedAction) };
        }

        return clean;
    }

    public static ErrorRecord FromService(EcsServiceException e, object? target)
    {
        e = (EcsServiceException)EcsSecrets.Clean(e);
        var (id, category, action) = Classify(e);
        if (e.Kind == EcsErrorKind.OutcomeUnknown && !string.IsNullOrEmpty(e.Check))
        {
            action = e.Check;
        }

        var message = e.RequestId is null
            ? $"{e.Message} ({e.Operation}: {e.ErrorCode})"
            : $"{e.Message} ({e.Operation}: {e.ErrorCode}, request id {e.RequestId})";
        if (TaskSetErrors.IsNotScaledDown(e.Operation, e.Kind, e.Message))
        {
            // ECS speaks of its API's force flag, which Remove-EcsTaskSet calls -IgnoreScale (-Force only skips the prompt).
            message += " In Remove-EcsTaskSet the API's force is -IgnoreScale; -Force only skips the confirmation.";
        }

        var record = new ErrorRecord(e, id, category, CleanTarget(target))
        {
            ErrorDetails = new ErrorDetails(message) { RecommendedAction = action },
        };
        return record;
    }

    /// <summary>A service error that names what the call was about (see <see cref="ErrorScope.Apply"/>).</summary>
    public static ErrorRecord FromService(EcsServiceException e, object? target, ErrorScope? scope) =>
        scope is null ? FromService(e, target) : scope.Apply(FromService(e, target), e);

    public static ErrorRecord FromConfiguration(EcsConfigurationException e)
    {
        var (id, category) = e.Setting switch
        {
            "Region" => (ErrorIds.NoRegion, ErrorCategory.InvalidArgument),
            "Credentials" => (ErrorIds.NoCredentials, ErrorCategory.AuthenticationError),
            "Profile" => (ErrorIds.ProfileNotFound, ErrorCategory.ObjectNotFound),
            "Endpoint" => (ErrorIds.InvalidEndpoint, ErrorCategory.InvalidArgument),
            "RegionName" => (ErrorIds.InvalidRegion, ErrorCategory.InvalidArgument),
            "ProfileName" => (ErrorIds.InvalidProfileName, ErrorCategory.InvalidArgument),
            "ProfileFile" => (ErrorIds.InvalidProfileFile, ErrorCategory.InvalidArgument),
            "ProfileFileSize" => (ErrorIds.ProfileFileTooLarge, ErrorCategory.LimitsExceeded),
            "CredentialsFile" => (ErrorIds.CredentialsFileInvalid, ErrorCategory.InvalidData),
            "ConfigFile" => (ErrorIds.ConfigFileInvalid, ErrorCategory.InvalidData),
            _ => (ErrorIds.InvalidConfiguration, ErrorCategory.InvalidArgument),
        };
        return Create(e, id, category, null, e.RecommendedAction);
    }

    public static ErrorRecord FromFailure(EcsFailure failure, string operation, string? subject = null)
    {
        var reason = failure.Reason ?? "";
        var (id, category, action) = reason switch
        {
            "MISSING" => (ErrorIds.NotFound, ErrorCategory.ObjectNotFound, "Check the id or ARN, and the cluster it belongs to."),
            EcsFailures.OutcomeUnknown => (ErrorIds.OutcomeUnknown, ErrorCategory.InvalidResult, failure.Detail ?? "Check the container instance's tasks before starting again."),
            _ when reason.StartsWith("RESOURCE:", StringComparison.Ordinal) =>
                (ErrorIds.InsufficientResources, ErrorCategory.ResourceUnavailable,
                 "No container instance had enough " + reason["RESOURCE:".Length..].ToLowerInvariant()
                 + " left: add capacity, stop tasks, or ask for less in the task definition or -Cpu/-Memory."),
            "AGENT" => (ErrorIds.AgentDisconnected, ErrorCategory.ResourceUnavailable, "The container instance's ECS agent is not connected."),
            "ATTRIBUTE" => (ErrorIds.PlacementConstraintNotMet, ErrorCategory.ResourceUnavailable,
                "No container instance has the attributes the task definition or placement constraints require."),
            "INACTIVE" => (ErrorIds.ResourceInactive, ErrorCategory.InvalidOperation, "The resource is inactive."),
            _ => (ErrorIds.EcsFailure, ErrorCategory.NotSpecified, "See the failure's reason and detail."),
        };
        var message = EcsSecrets.Scrub(reason == EcsFailures.OutcomeUnknown
            ? $"ECS {operation}{(subject is null ? "" : " of " + subject)} on {failure.Arn ?? "a resource"}: the outcome is unknown. {failure.Detail}"
            : $"ECS {operation}{(subject is null ? "" : " of " + subject)} failed for {failure.Arn ?? "a resource"}: {reason}"
                + (string.IsNullOrEmpty(failure.Detail) ? "" : $" ({failure.Detail})"));
        return Create(new EcsFailureException(failure, operation, message), id, category, failure, action);
    }

    /// <summary>
    /// The fix for ECS refusing a network configuration (RunTask, StartTask, CreateTaskSet): the most common Fargate mistake
    /// is no -Subnet for a task definition in the awsvpc network mode. Null for any other InvalidParameterException.
    /// </summary>
    internal static string? NetworkAction(string message) =>
        message.Contains("Network Configuration must be provided", StringComparison.OrdinalIgnoreCase)
            ? "The task definition uses the awsvpc network mode (as every Fargate task does), which needs a network: add -Subnet and "
                + "-SecurityGroup, e.g. -Subnet subnet-0a1b2c3d4e5f60718 -SecurityGroup sg-0123456789abcdef0 (and -AssignPublicIp in a public "
                + "subnet without a NAT gateway, so that the image can be pulled)."
            : message.Contains("Network Configuration is not valid for the given networkMode", StringComparison.OrdinalIgnoreCase)
                ? "The task definition does not use the awsvpc network mode, so it takes no network: leave out -Subnet, -SecurityGroup "
                    + "and -AssignPublicIp, or use a task definition in the awsvpc network mode."
                : null;

    private static bool IsClean(string? text) => string.IsNullOrEmpty(text) || string.Equals(EcsSecrets.Scrub(text), text, StringComparison.Ordinal);

    /// <summary>A string target (an input as typed) is scrubbed; objects are the module's own output types.</summary>
    private static object? CleanTarget(object? target) =>
        target is string text && !IsClean(text) ? EcsSecrets.Scrub(text) : target;

    private static (string Id, ErrorCategory Category, string Action) Classify(EcsServiceException e) => e.Kind switch
    {
        EcsErrorKind.ClusterNotFound => (ErrorIds.ClusterNotFound, ErrorCategory.ObjectNotFound,
            "Check the cluster name and the region: clusters are regional (press Tab after -Cluster to list them)."),
        EcsErrorKind.ServiceNotFound => (ErrorIds.ServiceNotFound, ErrorCategory.ObjectNotFound, "Check the service name and its cluster."),
        EcsErrorKind.ServiceNotActive => (ErrorIds.ServiceNotActive, ErrorCategory.InvalidOperation, "The service is not ACTIVE; task sets need an active service."),
        EcsErrorKind.TaskSetNotFound => (ErrorIds.TaskSetNotFound, ErrorCategory.ObjectNotFound, "Check the task set id (Get-EcsTaskSet lists them)."),
        EcsErrorKind.NamespaceNotFound => (ErrorIds.NamespaceNotFound, ErrorCategory.ObjectNotFound, "Check the Service Connect namespace."),
        EcsErrorKind.InvalidParameter when NetworkAction(e.Message) is { } network => (ErrorIds.InvalidParameter, ErrorCategory.InvalidArgument, network),
        EcsErrorKind.InvalidParameter when e.Operation.Contains("TaskSet", StringComparison.Ordinal) => (ErrorIds.InvalidParameter, ErrorCategory.InvalidArgument,
            TaskSetErrors.InvalidParameterAction(e.Operation, e.Message)),
        EcsErrorKind.InvalidParameter => (ErrorIds.InvalidParameter, ErrorCategory.InvalidArgument, "Read the message: ECS names the parameter it rejected."),
        EcsErrorKind.Client => (ErrorIds.EcsClientError, ErrorCategory.InvalidOperation,
            "Often a missing task definition, container instance or permission: check the names and ARNs given."),
        EcsErrorKind.AccessDenied => (ErrorIds.AccessDenied, ErrorCategory.PermissionDenied,
            "The credentials in use lack an IAM permission for this ECS action; see the NOTES of the cmdlet's help."),
        EcsErrorKind.Authentication => (ErrorIds.AuthenticationFailed, ErrorCategory.AuthenticationError,
            "The credentials were refused: check they are current (aws sso login) and for the right account."),
        EcsErrorKind.Credentials => (ErrorIds.CredentialsFailed, ErrorCategory.AuthenticationError,
            "-Verbose names the credential source ('AWS credentials: ...'): run 'aws sso login' for SSO, check the role and its source "
            + "profile for assume-role, or run the credential_process command yourself to see its error."),
        EcsErrorKind.Throttled => (ErrorIds.RequestThrottled, ErrorCategory.LimitsExceeded,
            "ECS throttled the requests even after retries: slow down, or raise AWS_MAX_ATTEMPTS."),
        EcsErrorKind.LimitExceeded => (ErrorIds.LimitExceeded, ErrorCategory.LimitsExceeded, "A service quota was reached."),
        EcsErrorKind.Server => (ErrorIds.EcsServerError, ErrorCategory.ResourceUnavailable, "ECS failed on its side even after retries: try again later."),
        EcsErrorKind.UnsupportedFeature => (ErrorIds.UnsupportedFeature, ErrorCategory.NotImplemented, "The feature is not available in this region."),
        EcsErrorKind.PlatformUnknown => (ErrorIds.PlatformUnknown, ErrorCategory.InvalidArgument, "Check -PlatformVersion (for example LATEST or 1.4.0)."),
        EcsErrorKind.PlatformTaskDefinitionIncompatibility => (ErrorIds.PlatformTaskDefinitionIncompatibility, ErrorCategory.InvalidArgument,
            "The task definition does not fit the platform version: check its cpu, memory and features."),
        EcsErrorKind.Blocked => (ErrorIds.AccountBlocked, ErrorCategory.SecurityError, "The AWS account is blocked; contact AWS Support."),
        EcsErrorKind.Conflict => (ErrorIds.ClientTokenConflict, ErrorCategory.ResourceExists,
            "The client token was used before with other parameters: use a new -ClientToken ("
            + (e.Operation == "CreateTaskSet" ? "Get-EcsTaskSet lists the task set it made)." : "the resources it made are in the error's ResourceIds).")),
        EcsErrorKind.Network => (ErrorIds.EndpointUnreachable, ErrorCategory.ConnectionError, "Check the network, the region and -EndpointUrl."),
        EcsErrorKind.Timeout => (ErrorIds.RequestTimeout, ErrorCategory.OperationTimeout,
            "ECS did not answer in time: check the network and -EndpointUrl, or allow more time with -RequestTimeout."),
        EcsErrorKind.OutcomeUnknown => (ErrorIds.OutcomeUnknown, ErrorCategory.InvalidResult, "Check what the message says before doing anything again."),
        _ => (ErrorIds.EcsServiceError, ErrorCategory.NotSpecified, "See the error code and message."),
    };
}
