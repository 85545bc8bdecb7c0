using System;

namespace EcsTools;

/// <summary>One line a container of an ECS task wrote to its awslogs stream (CloudWatch Logs).</summary>
public sealed class EcsLogEvent
{
    internal EcsLogEvent(DateTime timestamp, string taskArn, string taskId, string container, string message, string logGroup, string logStream)
    {
        Timestamp = timestamp;
        TaskArn = taskArn;
        TaskId = taskId;
        Container = container;
        Message = message;
        LogGroup = logGroup;
        LogStream = logStream;
    }

    /// <summary>When the container wrote the line (UTC).</summary>
    public DateTime Timestamp { get; }

    public string TaskArn { get; }

    public string TaskId { get; }

    /// <summary>The container name, as in the task definition.</summary>
    public string Container { get; }

    /// <summary>The line, without its line break.</summary>
    public string Message { get; }

    public string LogGroup { get; }

    public string LogStream { get; }

    public override string ToString() => Message;
}
