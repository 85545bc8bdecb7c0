using System.Collections.Generic;

namespace EcsTools.LocalEcs.Protocol;

/// <summary>The ECS error codes LocalEcs answers with, each with a message modelled on the real service's.</summary>
internal static class ServerErrors
{
    public static LocalEcsException InvalidParameter(string message) => new("InvalidParameterException", message);

    public static LocalEcsException Client(string message) => new("ClientException", message);

    public static LocalEcsException Serialization(string message) => new("SerializationException", message);

    public static LocalEcsException UnknownOperation(string operation) =>
        new("UnknownOperationException", $"The operation '{operation}' is not known to this service.");

    public static LocalEcsException ClusterNotFound() => new("ClusterNotFoundException", "Cluster not found.");

    public static LocalEcsException ServiceNotFound() => new("ServiceNotFoundException", "Service not found.");

    public static LocalEcsException ServiceNotActive() => new("ServiceNotActiveException", "Service was not ACTIVE.");

    public static LocalEcsException TaskSetNotFound() =>
        new("TaskSetNotFoundException", "The specified task set does not exist.");

    public static LocalEcsException TaskDefinitionNotFound() => Client("Unable to describe task definition.");

    public static LocalEcsException TaskNotFound() => InvalidParameter("The referenced task was not found.");

    public static LocalEcsException Conflict(string message, IReadOnlyList<string> resourceIds) =>
        new("ConflictException", message, 400, resourceIds);

    public static LocalEcsException Server(string message) => new("ServerException", message, 500);

    public static LocalEcsException UnsupportedFeature(string message) => new("UnsupportedFeatureException", message);

    public static LocalEcsException PlatformUnknown() => new("PlatformUnknownException", "The specified platform version does not exist.");

    public static LocalEcsException BothLaunchTypeAndStrategy() => InvalidParameter(
        "Specifying both a launch type and capacity provider strategy is not supported. Remove one and try again.");
}
