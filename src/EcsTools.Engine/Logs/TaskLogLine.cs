using System;

namespace EcsTools.Engine.Logs;

/// <summary>One log event of one container of one task.</summary>
public sealed record TaskLogLine(TaskLogSource Source, DateTimeOffset Timestamp, string Message);
