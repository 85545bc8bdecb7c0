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
        bool Matches(Event e) => (startTime is null || e.Timestamp >= startTime) && (endTime is null || e.Timestamp < endTime);

        // A token is a position in the whole stream, whatever time range came with the request that made it (so an
        // empty first page does not send the next one back to the stream's first line): the range filters what a page
        // returns from there.
        string? token = (string?)input["nextToken"];
        bool forward;
        int from;
        if (token is not null)
        {
            if (!fromHead && token.StartsWith("f/", StringComparison.Ordinal))
            {
                throw ServerErrors.InvalidParameter("startFromHead must be true when nextToken is a forward token.");
            }

            (forward, from) = ParseToken(token, 'f', 'b');
            from = Math.Min(from, events.Count);
        }
        else
        {
            forward = fromHead;
            from = fromHead ? 0 : events.Count;
        }

        List<Event> page = [];
        int start;
        int end;
        if (forward)
        {
            start = from;
            end = Scan(events, from, +1, limit, Matches, page);
        }
        else
        {
            end = from;
            start = Scan(events, from - 1, -1, limit, Matches, page);
            page.Reverse();
        }

        var result = new JsonArray();
        foreach (Event e in page)
        {
            result.Add(new JsonObject { ["timestamp"] = e.Timestamp, ["message"] = e.Message, ["ingestionTime"] = e.Timestamp });
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
        // A token names the next event by its place in the group's order (timestamp, stream, sequence), not by an index
        // into this request's matches: it keeps its meaning whatever streams and time range come with it.
        int start = (string?)input["nextToken"] is { } token ? FirstAtOrAfter(merged, ParseFilterToken(token)) : 0;
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
            (string nextStream, Event next) = merged[end];
            response["nextToken"] = string.Create(
                CultureInfo.InvariantCulture,
                $"p/{next.Timestamp:D20}/{next.Sequence:D8}/{Convert.ToHexString(Encoding.UTF8.GetBytes(nextStream))}");
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

    /// <summary>
    /// Collects into <paramref name="page"/> the events that match from <paramref name="from"/> on, in <paramref name="step"/>'s
    /// direction, up to <paramref name="limit"/> events and 1 MB; the position after the last event looked at (forward: the
    /// next one to read; backward: the lowest one read, or 0).
    /// </summary>
    private static int Scan(List<Event> events, int from, int step, int limit, Func<Event, bool> matches, List<Event> page)
    {
        int bytes = 0;
        int at = from;
        while (at >= 0 && at < events.Count && page.Count < limit)
        {
            Event e = events[at];
            if (matches(e))
            {
                bytes += Encoding.UTF8.GetByteCount(e.Message) + 26;
                if (bytes > MaxBytes && page.Count > 0)
                {
                    break;
                }

                page.Add(e);
            }

            at += step;
        }

        return step > 0 ? at : Math.Max(at + 1, 0);
    }

    private static int FirstAtOrAfter(List<(string Stream, Event Event)> merged, (long Timestamp, string Stream, int Sequence) key)
    {
        int index = 0;
        while (index < merged.Count)
        {
            (string stream, Event e) = merged[index];
            int order = e.Timestamp != key.Timestamp ? e.Timestamp.CompareTo(key.Timestamp)
                : string.CompareOrdinal(stream, key.Stream) is not 0 and var byStream ? byStream
                : e.Sequence.CompareTo(key.Sequence);
            if (order >= 0)
            {
                break;
            }

            index++;
        }

        return index;
    }

    private static (long Timestamp, string Stream, int Sequence) ParseFilterToken(string token)
    {
        string[] parts = token.Split('/');
        if (parts.Length == 4 && parts[0] == "p"
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out long timestamp)
            && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out int sequence))
        {
            try
            {
                return (timestamp, Encoding.UTF8.GetString(Convert.FromHexString(parts[3])), sequence);
            }
            catch (FormatException)
            {
            }
        }

        throw ServerErrors.InvalidParameter("The specified nextToken is invalid.");
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
