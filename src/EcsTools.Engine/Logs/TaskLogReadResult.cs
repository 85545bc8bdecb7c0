using System.Collections.Generic;

namespace EcsTools.Engine.Logs;

/// <summary>
/// What one read of every followed stream found: the new lines (in time order), the failures that ended a stream's or a
/// group's read early (after the SDK's retries; the next read resumes where that one stopped, so nothing is lost), and
/// the CloudWatch Logs requests it took.
/// </summary>
public sealed record TaskLogReadResult(IReadOnlyList<TaskLogLine> Lines, IReadOnlyList<EcsServiceException> Failures, int Requests);
