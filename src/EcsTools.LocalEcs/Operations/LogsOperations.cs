using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using EcsTools.LocalEcs.Protocol;
using EcsTools.LocalEcs.State;

namespace EcsTools.LocalEcs.Operations;

/// <summary>
/// The CloudWatch Logs API (GetLogEvents, FilterLogEvents) over what the scripted containers print
/// (<see cref="LocalEcsLabels.Output"/>). A container with an awslogs log configuration (awslogs-group,
/// awslogs-stream-prefix, awslogs-region or the task's region) writes to the stream <c>prefix/container/task-id</c>,
/// which exists from the moment the container starts; each line appears when it is written, and lines after the
/// container exited or was stopped are never written. A group exists once one of its streams does. Like the
/// service, a response holds at most 10,000 events and 1 MB (each event counted as its UTF-8 message plus 26 bytes).
/// </summary>
internal static class LogsOperations
{
    public const string TargetPrefix = "Logs_20140328.";

    private const int MaxEvents = 10_000;
    private const int MaxBytes = 1_048_576;

    public static bool IsKnownOperation(string operation) => operation is "GetLogEvents" or "FilterLogEvents";

    public static JsonObject Invoke(IEnumerable<RegionState> regions, string region, string operation, JsonObject input, DateTimeOffset now, Func<string, TimeSpan>? lineDelay = null)
    {
        var streams = Streams(regions, region, now, lineDelay);
        return operation switch
        {
            "GetLogEvents" => GetLogEvents(streams, input),
            "FilterLogEvents" => FilterLogEvents(streams, input),
            _ => throw ServerErrors.UnknownOperation(operation),
        };
    }

    private static JsonObject GetLogEvents(Dictionary<(string Group, string Stream), List<Event>> streams, JsonObject input)
    {
        string group = Required(input, "logGroupName");
        string stream = Required(input, "logStreamName");
        if (!streams.Keys.Any(k => k.Group == group))
        {
            throw new LocalEcsException("ResourceNotFoundException", "The specified log group does not exist.");
        }

        if (!streams.TryGetValue((group, stream), out List<Event>? events))
        {
            throw new LocalEcsException("ResourceNotFoundException", "The specified log stream does not exist.");
        }

        long? startTime = (long?)input["startTime"];
        long? endTime = (long?)input["endTime"];
        int limit = Limit(input);
        bool fromHead = (bool?)input["startFromHead"] ?? false;
        List<Event> range = events.Where(e => (startTime is null || e.Timestamp >= startTime) && (endTime is null || e.Timestamp < endTime)).ToList();
        string? token = (string?)input["nextToken"];
        int start;
        int end;
        if (token is not null)
        {
            if (!fromHead && token.StartsWith("f/", StringComparison.Ordinal))
            {
                throw ServerErrors.InvalidParameter("startFromHead must be true when nextToken is a forward token.");
            }

            (bool forward, int position) = ParseToken(token, 'f', 'b');
            if (forward)
            {
                start = position;
                end = Fit(range, start, limit);
            }
            else
            {
                end = position;
                start = FitBackward(range, end, limit);
            }
        }
        else if (fromHead)
        {
            start = 0;
            end = Fit(range, 0, limit);
        }
        else
        {
            end = range.Count;
            start = FitBackward(range, end, limit);
        }

        start = Math.Min(start, range.Count);
        end = Math.Clamp(end, start, range.Count);
        var result = new JsonArray();
        for (int i = start; i < end; i++)
        {
            result.Add(new JsonObject { ["timestamp"] = range[i].Timestamp, ["message"] = range[i].Message, ["ingestionTime"] = range[i].Timestamp });
        }

        return new JsonObject
        {
            ["events"] = result,
            ["nextForwardToken"] = $"f/{end.ToString("D20", CultureInfo.InvariantCulture)}/s",
            ["nextBackwardToken"] = $"b/{start.ToString("D20", CultureInfo.InvariantCulture)}/s",
        };
    }

    private static JsonObject FilterLogEvents(Dictionary<(string Group, string Stream), List<Event>> streams, JsonObject input)
    {
        string group = Required(input, "logGroupName");
        var names = (input["logStreamNames"] as JsonArray)?.Select(n => (string?)n).OfType<string>().ToList();
        string? prefix = (string?)input["logStreamNamePrefix"];
        if (names is not null && prefix is not null)
        {
            throw ServerErrors.InvalidParameter("logStreamNames and logStreamNamePrefix cannot both be specified.");
        }

        if (names is { Count: 0 or > 100 })
        {
            throw ServerErrors.InvalidParameter("logStreamNames must hold 1 to 100 names.");
        }

        if (!streams.Keys.Any(k => k.Group == group))
        {
            throw new LocalEcsException("ResourceNotFoundException", "The specified log group does not exist.");
        }

        long? startTime = (long?)input["startTime"];
        long? endTime = (long?)input["endTime"];
        int limit = Limit(input);
        List<(string Stream, Event Event)> merged = streams
            .Where(s => s.Key.Group == group && (names is null || names.Contains(s.Key.Stream)) && (prefix is null || s.Key.Stream.StartsWith(prefix, StringComparison.Ordinal)))
            .SelectMany(s => s.Value.Select(e => (s.Key.Stream, Event: e)))
            .Where(x => (startTime is null || x.Event.Timestamp >= startTime) && (endTime is null || x.Event.Timestamp <= endTime))
            .OrderBy(x => x.Event.Timestamp).ThenBy(x => x.Stream, StringComparer.Ordinal).ThenBy(x => x.Event.Sequence)
            .ToList();
        int start = (string?)input["nextToken"] is { } token ? ParseToken(token, 'p', 'p').Position : 0;
        start = Math.Min(start, merged.Count);
        int end = Fit(merged.Select(x => x.Event).ToList(), start, limit);
        var result = new JsonArray();
        for (int i = start; i < end; i++)
        {
            (string stream, Event e) = merged[i];
            result.Add(new JsonObject
            {
                ["logStreamName"] = stream,
                ["timestamp"] = e.Timestamp,
                ["message"] = e.Message,
                ["ingestionTime"] = e.Timestamp,
                ["eventId"] = $"{e.Timestamp.ToString("D20", CultureInfo.InvariantCulture)}{e.Sequence.ToString("D8", CultureInfo.InvariantCulture)}{(uint)StringComparer.Ordinal.GetHashCode(stream):D10}",
            });
        }

        var response = new JsonObject { ["events"] = result, ["searchedLogStreams"] = new JsonArray() };
        if (end < merged.Count)
        {
            response["nextToken"] = $"p/{end.ToString("D20", CultureInfo.InvariantCulture)}";
        }

        return response;
    }

    /// <summary>Every stream that exists in <paramref name="region"/> at <paramref name="now"/>, with the events written by then.</summary>
    private static Dictionary<(string Group, string Stream), List<Event>> Streams(IEnumerable<RegionState> regions, string region, DateTimeOffset now, Func<string, TimeSpan>? lineDelay)
    {
        var streams = new Dictionary<(string, string), List<Event>>();
        long nowMs = now.ToUnixTimeMilliseconds();
        foreach (RegionState state in regions)
        {
            foreach (TaskState task in state.Clusters.Values.SelectMany(c => c.Tasks.Values))
            {
                if (task.Timeline.RunningAt is not { } running || running > now)
                {
                    continue;
                }

                foreach (TaskContainer container in task.Containers)
                {
                    ContainerDefinitionInfo definition = container.Definition;
                    if (definition.LogDriver != "awslogs"
                        || !definition.LogOptions.TryGetValue("awslogs-group", out string? group)
                        || !definition.LogOptions.TryGetValue("awslogs-stream-prefix", out string? prefix)
                        || (definition.LogOptions.TryGetValue("awslogs-region", out string? logRegion) ? logRegion : state.Name) != region)
                    {
                        continue;
                    }

                    DateTimeOffset end = task.Timeline.ContainerExitAt(container.Script) ?? task.Timeline.ContainersStoppedAt ?? DateTimeOffset.MaxValue;
                    var events = new List<Event>();
                    int sequence = -1;
                    foreach (ScriptedLine line in container.Script.Output)
                    {
                        sequence++;
                        DateTimeOffset at = running + line.At;
                        long timestamp = at.ToUnixTimeMilliseconds();
                        if (at > end || timestamp > nowMs)
                        {
                            break;
                        }

                        if (lineDelay is not null && timestamp + (long)lineDelay(line.Text).TotalMilliseconds > nowMs)
                        {
                            // Not ingested yet; the lines after it may be.
                            continue;
                        }

                        events.Add(new Event(timestamp, line.Text, sequence));
                    }

                    streams[(group, $"{prefix}/{container.Name}/{task.Id}")] = events;
                }
            }
        }

        return streams;
    }

    private static int Fit(IReadOnlyList<Event> events, int start, int limit)
    {
        int bytes = 0;
        int end = start;
        while (end < events.Count && end - start < limit)
        {
            bytes += Encoding.UTF8.GetByteCount(events[end].Message) + 26;
            if (bytes > MaxBytes && end > start)
            {
                break;
            }

            end++;
        }

        return end;
    }

    private static int FitBackward(IReadOnlyList<Event> events, int end, int limit)
    {
        int bytes = 0;
        int start = end;
        while (start > 0 && end - start < limit)
        {
            bytes += Encoding.UTF8.GetByteCount(events[start - 1].Message) + 26;
            if (bytes > MaxBytes && start < end)
            {
                break;
            }

            start--;
        }

        return start;
    }

    private static (bool Forward, int Position) ParseToken(string token, char forward, char backward)
    {
        string[] parts = token.Split('/');
        if (parts.Length >= 2 && parts[0].Length == 1 && (parts[0][0] == forward || parts[0][0] == backward)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int position))
        {
            return (parts[0][0] == forward, position);
        }

        throw ServerErrors.InvalidParameter("The specified nextToken is invalid.");
    }

    private static int Limit(JsonObject input)
    {
        int? limit = (int?)input["limit"];
        return limit switch
        {
            null => MaxEvents,
            < 1 or > MaxEvents => throw ServerErrors.InvalidParameter("1 validation error detected: Value at 'limit' failed to satisfy constraint: Member must have value between 1 and 10000"),
            _ => limit.Value,
        };
    }

    private static string Required(JsonObject input, string member) =>
        (string?)input[member] is { Length: > 0 } value ? value
            : throw ServerErrors.InvalidParameter($"1 validation error detected: Value at '{member}' failed to satisfy constraint: Member must not be null");

    private sealed record Event(long Timestamp, string Message, int Sequence);
}
