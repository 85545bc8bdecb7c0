using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace EcsTools.Engine.Logs;

/// <summary>GetLogEvents input (botocore logs 2014-03-28); only the members the engine sends.</summary>
internal sealed class GetLogEventsRequest
{
    [JsonPropertyName("logGroupName")]
    public string? LogGroupName { get; set; }

    [JsonPropertyName("logStreamName")]
    public string? LogStreamName { get; set; }

    [JsonPropertyName("startTime")]
    public long? StartTime { get; set; }

    [JsonPropertyName("nextToken")]
    public string? NextToken { get; set; }

    [JsonPropertyName("limit")]
    public int? Limit { get; set; }

    [JsonPropertyName("startFromHead")]
    public bool? StartFromHead { get; set; }
}

internal sealed class GetLogEventsResponse
{
    [JsonPropertyName("events")]
    public List<LogsWireEvent>? Events { get; set; }

    [JsonPropertyName("nextForwardToken")]
    public string? NextForwardToken { get; set; }

    [JsonPropertyName("nextBackwardToken")]
    public string? NextBackwardToken { get; set; }
}

/// <summary>FilterLogEvents input: one group, up to 100 stream names.</summary>
internal sealed class FilterLogEventsRequest
{
    [JsonPropertyName("logGroupName")]
    public string? LogGroupName { get; set; }

    [JsonPropertyName("logStreamNames")]
    public List<string>? LogStreamNames { get; set; }

    [JsonPropertyName("startTime")]
    public long? StartTime { get; set; }

    [JsonPropertyName("nextToken")]
    public string? NextToken { get; set; }

    [JsonPropertyName("limit")]
    public int? Limit { get; set; }
}

internal sealed class FilterLogEventsResponse
{
    [JsonPropertyName("events")]
    public List<LogsWireEvent>? Events { get; set; }

    [JsonPropertyName("nextToken")]
    public string? NextToken { get; set; }
}

/// <summary>OutputLogEvent (GetLogEvents) and FilteredLogEvent (FilterLogEvents, which adds the stream and event id).</summary>
internal sealed class LogsWireEvent
{
    [JsonPropertyName("logStreamName")]
    public string? LogStreamName { get; set; }

    [JsonPropertyName("timestamp")]
    public long? Timestamp { get; set; }

    [JsonPropertyName("message")]
    public string? Message { get; set; }

    [JsonPropertyName("ingestionTime")]
    public long? IngestionTime { get; set; }

    [JsonPropertyName("eventId")]
    public string? EventId { get; set; }
}

/// <summary>System.Text.Json source-generated metadata for the CloudWatch Logs shapes.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(GetLogEventsRequest))]
[JsonSerializable(typeof(GetLogEventsResponse))]
[JsonSerializable(typeof(FilterLogEventsRequest))]
[JsonSerializable(typeof(FilterLogEventsResponse))]
internal sealed partial class LogsJsonContext : JsonSerializerContext
{
}
