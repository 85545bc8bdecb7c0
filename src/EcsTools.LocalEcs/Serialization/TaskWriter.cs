using System;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using EcsTools.LocalEcs.State;

namespace EcsTools.LocalEcs.Serialization;

/// <summary>Writes the Task shape as it is at a given time.</summary>
internal static class TaskWriter
{
    public static JsonObject Write(TaskState task, DateTimeOffset now, bool includeTags)
    {
        TaskTimeline timeline = task.Timeline;
        string lastStatus = timeline.StatusAt(now);
        StopDecision? stop = timeline.Stop is { } s && s.At <= now ? s : null;
        var json = new JsonObject();
        if (task.Eni is { } eni)
        {
            json["attachments"] = new JsonArray(Attachment(eni, lastStatus));
        }

        json["attributes"] = new JsonArray(new JsonObject { ["name"] = "ecs.cpu-architecture", ["value"] = "x86_64" });
        json["availabilityZone"] = task.AvailabilityZone;
        json.Set("capacityProviderName", task.CapacityProviderName);
        json["clusterArn"] = task.Cluster.Arn;
        if (now >= timeline.PullStartedAt)
        {
            json["connectivity"] = "CONNECTED";
            json["connectivityAt"] = WireJson.Time(timeline.PullStartedAt);
        }

        json.Set("containerInstanceArn", task.ContainerInstance?.Arn);
        json["containers"] = new JsonArray(task.Containers.Select(c => (JsonNode)Container(task, c, now, lastStatus)).ToArray());
        json["cpu"] = task.Cpu.ToString(CultureInfo.InvariantCulture);
        json["createdAt"] = WireJson.Time(task.CreatedAt);
        json["desiredStatus"] = task.DesiredStatus(now);
        json["enableExecuteCommand"] = task.EnableExecuteCommand;
        if (task.LaunchType == "FARGATE" || RegionState.IsFargateProvider(task.CapacityProviderName ?? string.Empty))
        {
            json["ephemeralStorage"] = new JsonObject { ["sizeInGiB"] = 20 };
            json["fargateEphemeralStorage"] = new JsonObject { ["sizeInGiB"] = 20 };
            json["platformFamily"] = "Linux";
        }

        json.SetIfReached("executionStoppedAt", timeline.ContainersStoppedAt, now);
        json["group"] = task.Group;
        json["healthStatus"] = "UNKNOWN";
        json["lastStatus"] = lastStatus;
        json.Set("launchType", task.LaunchType);
        json["memory"] = task.Memory.ToString(CultureInfo.InvariantCulture);
        json["overrides"] = task.Overrides.DeepClone();
        json.Set("platformVersion", task.PlatformVersion);
        json.Set("pullStartedAt", Reached(timeline, TaskStatuses.Pending, now));
        json.Set("pullStoppedAt", Reached(timeline, TaskStatuses.Activating, now));
        json.SetIfReached("startedAt", timeline.RunningAt, now);
        json.Set("startedBy", task.StartedBy);
        if (stop is not null)
        {
            json["stopCode"] = stop.StopCode;
            json.SetIfReached("stoppedAt", timeline.StoppedAt, now);
            json["stoppedReason"] = stop.Reason;
            json["stoppingAt"] = WireJson.Time(stop.At);
        }

        if (includeTags && task.Tags.Count > 0)
        {
            json["tags"] = Tag.ToJson(task.Tags);
        }

        json["taskArn"] = task.Arn;
        json["taskDefinitionArn"] = task.TaskDefinition.Arn;
        json["version"] = timeline.VersionAt(now);
        return json;
    }

    // The image pull starts when the task reaches PENDING and is done when it reaches ACTIVATING.
    private static DateTimeOffset? Reached(TaskTimeline timeline, string status, DateTimeOffset now) =>
        timeline.Transitions.Where(t => t.Status == status && t.At <= now).Select(t => (DateTimeOffset?)t.At).FirstOrDefault();

    private static JsonObject Container(TaskState task, TaskContainer container, DateTimeOffset now, string taskStatus)
    {
        TaskTimeline timeline = task.Timeline;
        var json = new JsonObject
        {
            ["containerArn"] = container.Arn,
            ["taskArn"] = task.Arn,
            ["name"] = container.Name,
            ["image"] = container.Image,
        };
        DateTimeOffset? ranAt = timeline.RunningAt is { } r && r <= now ? r : null;
        DateTimeOffset? exitAt = timeline.ContainerExitAt(container.Script);
        DateTimeOffset? killedAt = timeline.ContainersStoppedAt;
        string status;
        int? exitCode = null;
        string? reason = null;
        if (ranAt is null)
        {
            status = taskStatus == TaskStatuses.Stopped || (killedAt is { } k && k <= now) ? TaskStatuses.Stopped : TaskStatuses.Pending;
            if (status == TaskStatuses.Stopped && timeline.Stop?.StopCode == TaskStatuses.TaskFailedToStart)
            {
                reason = timeline.Stop.Reason;
            }
        }
        else if (exitAt is { } exited && exited <= now)
        {
            status = TaskStatuses.Stopped;
            exitCode = container.Script.ExitCode;
        }
        else if (killedAt is { } killed && killed <= now)
        {
            status = TaskStatuses.Stopped;
            exitCode = container.Script.StopExitCode;
        }
        else
        {
            status = TaskStatuses.Running;
        }

        if (Reached(timeline, TaskStatuses.Activating, now) is not null)
        {
            json["imageDigest"] = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(container.Image)));
        }

        if (ranAt is not null)
        {
            json["runtimeId"] = container.RuntimeId;
        }

        json["lastStatus"] = status;
        json.Set("exitCode", exitCode);
        json.Set("reason", reason);
        if (ranAt is not null && task.Eni is null)
        {
            json["networkBindings"] = new JsonArray(container.NetworkBindings.Select(b => (JsonNode)new JsonObject
            {
                ["bindIP"] = "0.0.0.0",
                ["containerPort"] = b.ContainerPort,
                ["hostPort"] = b.HostPort,
                ["protocol"] = b.Protocol,
            }).ToArray());
        }

        if (task.Eni is { } eni)
        {
            json["networkInterfaces"] = new JsonArray(new JsonObject { ["attachmentId"] = eni.Id, ["privateIpv4Address"] = eni.PrivateIp });
        }

        json["healthStatus"] = "UNKNOWN";
        json["cpu"] = container.Definition.Cpu.ToString(CultureInfo.InvariantCulture);
        json.Set("memory", container.Definition.Memory?.ToString(CultureInfo.InvariantCulture));
        json.Set("memoryReservation", container.Definition.MemoryReservation?.ToString(CultureInfo.InvariantCulture));
        return json;
    }

    private static JsonObject Attachment(EniAttachment eni, string taskStatus) => new()
    {
        ["id"] = eni.Id,
        ["type"] = "ElasticNetworkInterface",
        ["status"] = taskStatus switch
        {
            TaskStatuses.Provisioning => "PRECREATED",
            TaskStatuses.Deprovisioning => "DETACHING",
            TaskStatuses.Stopped => "DELETED",
            _ => "ATTACHED",
        },
        ["details"] = new JsonArray(
            Detail("subnetId", eni.SubnetId),
            Detail("networkInterfaceId", eni.NetworkInterfaceId),
            Detail("macAddress", eni.MacAddress),
            Detail("privateDnsName", eni.PrivateDnsName),
            Detail("privateIPv4Address", eni.PrivateIp)),
    };

    private static JsonObject Detail(string name, string value) => new() { ["name"] = name, ["value"] = value };
}
