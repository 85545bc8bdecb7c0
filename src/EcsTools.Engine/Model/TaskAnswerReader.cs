using System;
using System.Collections.Generic;
using System.Text.Json;

namespace EcsTools.Engine.Model;

/// <summary>
/// Reads a RunTask or StartTask answer with one <see cref="Utf8JsonReader"/> pass, filling only the members of each task
/// that <see cref="Tasks.TaskInfo"/> views (what Start-EcsTask outputs) and every member of each failure; the rest of the
/// answer is skipped. It reads the answers ECS sends; anything it does not expect (a number where a string belongs, a
/// number written as a string, an escaped member name, malformed JSON) makes it give up with a <see cref="JsonException"/>,
/// and the caller reads the answer again with the generated types (<see cref="EcsJsonContext"/>), which decide what such an
/// answer means, exactly as before. Every other operation is read with the generated types only.
/// </summary>
internal static class TaskAnswerReader
{
    private static readonly EpochSecondsConverter s_timestamps = new();

    public static RunTaskResponse ReadRunTask(ReadOnlySpan<byte> json)
    {
        var (tasks, failures) = Read(json);
        return new RunTaskResponse { Tasks = tasks, Failures = failures };
    }

    public static StartTaskResponse ReadStartTask(ReadOnlySpan<byte> json)
    {
        var (tasks, failures) = Read(json);
        return new StartTaskResponse { Tasks = tasks, Failures = failures };
    }

    private static (List<TaskData>? Tasks, List<Failure>? Failures) Read(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        Next(ref reader);
        Expect(ref reader, JsonTokenType.StartObject);
        List<TaskData>? tasks = null;
        List<Failure>? failures = null;
        while (NextMember(ref reader, out var name))
        {
            if (name.SequenceEqual("tasks"u8))
            {
                tasks = ReadList(ref reader, ReadTask);
            }
            else if (name.SequenceEqual("failures"u8))
            {
                failures = ReadList(ref reader, ReadFailure);
            }
            else
            {
                reader.Skip();
            }
        }

        if (reader.Read())
        {
            throw new JsonException("Text after the answer.");
        }

        return (tasks, failures);
    }

    private delegate T? ItemReader<T>(ref Utf8JsonReader reader)
        where T : class;

    private static List<T>? ReadList<T>(ref Utf8JsonReader reader, ItemReader<T> item)
        where T : class
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        Expect(ref reader, JsonTokenType.StartArray);
        var list = new List<T>();
        while (true)
        {
            Next(ref reader);
            if (reader.TokenType == JsonTokenType.EndArray)
            {
                return list;
            }

            list.Add(item(ref reader)!);
        }
    }

    private static TaskData? ReadTask(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        Expect(ref reader, JsonTokenType.StartObject);
        var task = new TaskData();
        while (NextMember(ref reader, out var name))
        {
            switch (name.Length)
            {
                case 3 when name.SequenceEqual("cpu"u8):
                    task.Cpu = Text(ref reader);
                    break;
                case 4 when name.SequenceEqual("tags"u8):
                    task.Tags = ReadList(ref reader, ReadTag);
                    break;
                case 5 when name.SequenceEqual("group"u8):
                    task.Group = Text(ref reader);
                    break;
                case 6 when name.SequenceEqual("memory"u8):
                    task.Memory = Text(ref reader);
                    break;
                case 7 when name.SequenceEqual("taskArn"u8):
                    task.TaskArn = Text(ref reader);
                    break;
                case 7 when name.SequenceEqual("version"u8):
                    task.Version = Whole(ref reader);
                    break;
                case 8 when name.SequenceEqual("stopCode"u8):
                    task.StopCode = Text(ref reader);
                    break;
                case 9 when name.SequenceEqual("createdAt"u8):
                    task.CreatedAt = Timestamp(ref reader);
                    break;
                case 9 when name.SequenceEqual("startedAt"u8):
                    task.StartedAt = Timestamp(ref reader);
                    break;
                case 9 when name.SequenceEqual("startedBy"u8):
                    task.StartedBy = Text(ref reader);
                    break;
                case 9 when name.SequenceEqual("stoppedAt"u8):
                    task.StoppedAt = Timestamp(ref reader);
                    break;
                case 10 when name.SequenceEqual("lastStatus"u8):
                    task.LastStatus = Text(ref reader);
                    break;
                case 10 when name.SequenceEqual("launchType"u8):
                    task.LaunchType = Text(ref reader);
                    break;
                case 10 when name.SequenceEqual("clusterArn"u8):
                    task.ClusterArn = Text(ref reader);
                    break;
                case 10 when name.SequenceEqual("containers"u8):
                    task.Containers = ReadList(ref reader, ReadContainer);
                    break;
                case 10 when name.SequenceEqual("stoppingAt"u8):
                    task.StoppingAt = Timestamp(ref reader);
                    break;
                case 11 when name.SequenceEqual("attachments"u8):
                    task.Attachments = ReadList(ref reader, ReadAttachment);
                    break;
                case 12 when name.SequenceEqual("healthStatus"u8):
                    task.HealthStatus = Text(ref reader);
                    break;
                case 12 when name.SequenceEqual("connectivity"u8):
                    task.Connectivity = Text(ref reader);
                    break;
                case 13 when name.SequenceEqual("desiredStatus"u8):
                    task.DesiredStatus = Text(ref reader);
                    break;
                case 13 when name.SequenceEqual("stoppedReason"u8):
                    task.StoppedReason = Text(ref reader);
                    break;
                case 15 when name.SequenceEqual("platformVersion"u8):
                    task.PlatformVersion = Text(ref reader);
                    break;
                case 16 when name.SequenceEqual("availabilityZone"u8):
                    task.AvailabilityZone = Text(ref reader);
                    break;
                case 17 when name.SequenceEqual("taskDefinitionArn"u8):
                    task.TaskDefinitionArn = Text(ref reader);
                    break;
                case 20 when name.SequenceEqual("capacityProviderName"u8):
                    task.CapacityProviderName = Text(ref reader);
                    break;
                case 20 when name.SequenceEqual("containerInstanceArn"u8):
                    task.ContainerInstanceArn = Text(ref reader);
                    break;
                case 20 when name.SequenceEqual("enableExecuteCommand"u8):
                    task.EnableExecuteCommand = Flag(ref reader);
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        return task;
    }

    private static Container? ReadContainer(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        Expect(ref reader, JsonTokenType.StartObject);
        var container = new Container();
        while (NextMember(ref reader, out var name))
        {
            if (name.SequenceEqual("name"u8))
            {
                container.Name = Text(ref reader);
            }
            else if (name.SequenceEqual("containerArn"u8))
            {
                container.ContainerArn = Text(ref reader);
            }
            else if (name.SequenceEqual("image"u8))
            {
                container.Image = Text(ref reader);
            }
            else if (name.SequenceEqual("lastStatus"u8))
            {
                container.LastStatus = Text(ref reader);
            }
            else if (name.SequenceEqual("exitCode"u8))
            {
                container.ExitCode = reader.TokenType switch
                {
                    JsonTokenType.Number when reader.TryGetInt32(out var code) => code,
                    JsonTokenType.Null => null,
                    _ => throw new JsonException($"Expected an exit code, found {reader.TokenType}."),
                };
            }
            else if (name.SequenceEqual("reason"u8))
            {
                container.Reason = Text(ref reader);
            }
            else if (name.SequenceEqual("healthStatus"u8))
            {
                container.HealthStatus = Text(ref reader);
            }
            else if (name.SequenceEqual("runtimeId"u8))
            {
                container.RuntimeId = Text(ref reader);
            }
            else
            {
                reader.Skip();
            }
        }

        return container;
    }

    private static Attachment? ReadAttachment(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        Expect(ref reader, JsonTokenType.StartObject);
        var attachment = new Attachment();
        while (NextMember(ref reader, out var name))
        {
            if (name.SequenceEqual("type"u8))
            {
                attachment.Type = Text(ref reader);
            }
            else if (name.SequenceEqual("details"u8))
            {
                attachment.Details = ReadList(ref reader, ReadDetail);
            }
            else
            {
                reader.Skip();
            }
        }

        return attachment;
    }

    private static KeyValuePairData? ReadDetail(ref Utf8JsonReader reader)
    {
        var (name, value) = ReadPair(ref reader, "name"u8, "value"u8, out var isNull);
        return isNull ? null : new KeyValuePairData { Name = name, Value = value };
    }

    private static Tag? ReadTag(ref Utf8JsonReader reader)
    {
        var (key, value) = ReadPair(ref reader, "key"u8, "value"u8, out var isNull);
        return isNull ? null : new Tag { Key = key, Value = value };
    }

    private static (string? First, string? Second) ReadPair(ref Utf8JsonReader reader, ReadOnlySpan<byte> first, ReadOnlySpan<byte> second, out bool isNull)
    {
        isNull = reader.TokenType == JsonTokenType.Null;
        if (isNull)
        {
            return (null, null);
        }

        Expect(ref reader, JsonTokenType.StartObject);
        string? a = null, b = null;
        while (NextMember(ref reader, out var name))
        {
            if (name.SequenceEqual(first))
            {
                a = Text(ref reader);
            }
            else if (name.SequenceEqual(second))
            {
                b = Text(ref reader);
            }
            else
            {
                reader.Skip();
            }
        }

        return (a, b);
    }

    private static Failure? ReadFailure(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        Expect(ref reader, JsonTokenType.StartObject);
        var failure = new Failure();
        while (NextMember(ref reader, out var name))
        {
            if (name.SequenceEqual("arn"u8))
            {
                failure.Arn = Text(ref reader);
            }
            else if (name.SequenceEqual("reason"u8))
            {
                failure.Reason = Text(ref reader);
            }
            else if (name.SequenceEqual("detail"u8))
            {
                failure.Detail = Text(ref reader);
            }
            else
            {
                reader.Skip();
            }
        }

        return failure;
    }

    // Moves to the next member of an object and onto its value; false at the end of the object.
    private static bool NextMember(ref Utf8JsonReader reader, out ReadOnlySpan<byte> name)
    {
        Next(ref reader);
        if (reader.TokenType == JsonTokenType.EndObject)
        {
            name = default;
            return false;
        }

        if (reader.ValueIsEscaped)
        {
            throw new JsonException("An escaped member name.");
        }

        name = reader.ValueSpan;
        Next(ref reader);
        return true;
    }

    private static string? Text(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Null => null,
        _ => throw new JsonException($"Expected a string, found {reader.TokenType}."),
    };

    private static long? Whole(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.Number when reader.TryGetInt64(out var value) => value,
        JsonTokenType.Null => null,
        _ => throw new JsonException($"Expected a whole number, found {reader.TokenType}."),
    };

    private static bool? Flag(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.True => true,
        JsonTokenType.False => false,
        JsonTokenType.Null => null,
        _ => throw new JsonException($"Expected true or false, found {reader.TokenType}."),
    };

    private static DateTimeOffset? Timestamp(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Null ? null : s_timestamps.Read(ref reader, typeof(DateTimeOffset), JsonSerializerOptions.Default);

    private static void Next(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
        {
            throw new JsonException("The answer ends early.");
        }
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType type)
    {
        if (reader.TokenType != type)
        {
            throw new JsonException($"Expected {type}, found {reader.TokenType}.");
        }
    }
}
