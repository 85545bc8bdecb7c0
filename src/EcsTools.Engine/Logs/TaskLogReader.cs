using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace EcsTools.Engine.Logs;

/// <summary>
/// Reads the new events of a set of log streams, once per call to <see cref="ReadAsync(bool, CancellationToken)"/> (one poll). A group with one
/// followed stream is read with GetLogEvents and its forward token (startFromHead; the end is the token coming back
/// unchanged: a poll sends one request a stream unless the page came back full, and a read "to the end", such as the
/// last one after a task stopped, pages until the token comes back unchanged); a group with several is read with FilterLogEvents over up to 100 of its streams a request, so that one
/// request serves many tasks. Each stream keeps a cursor (its forward token, or its last timestamp and the events seen
/// at that timestamp), so every event is returned once, and a read cut short by throttling or an error resumes there.
/// FilterLogEvents reads start <see cref="FilterOverlap"/> before each stream's last timestamp and drop the events
/// already returned by their eventId (kept for that window only), so that a line CloudWatch receives late, with an
/// older timestamp than one already returned, is still returned.
/// A group or stream that does not exist yet has no events: it is read again next time.
/// A stream added with a tail is first read from its end (GetLogEvents without startFromHead): one request for its last
/// lines however long it is (one more to find the start of a stream shorter than the tail, more past 1 MB), then on
/// from there as any other.
/// </summary>
public sealed class TaskLogReader
{
    /// <summary>The most stream names FilterLogEvents takes (InputLogStreamNames, max 100).</summary>
    public const int MaxStreamsPerFilter = 100;

    /// <summary>A guard against a service that never ends a stream: at most this many pages a stream (or group) a read.</summary>
    private const int MaxPagesPerRead = 10_000;

    /// <summary>A GetLogEvents page holds at most 10,000 events and 1 MB (each event its UTF-8 message plus 26 bytes).</summary>
    private const int MaxEventsPerPage = 10_000;

    /// <summary>A page this close to 1 MB may have been cut short (an event is at most 256 KB): read on.</summary>
    private const int FullPageBytes = 1_048_576 - 262_144;

    /// <summary>How far back of a stream's last timestamp a FilterLogEvents read looks again, for lines that arrive late.</summary>
    public static readonly TimeSpan FilterOverlap = TimeSpan.FromSeconds(10);

    private static readonly long s_overlapMs = (long)FilterOverlap.TotalMilliseconds;

    private readonly EcsConnection _connection;
    private readonly List<StreamCursor> _cursors = [];

    public TaskLogReader(EcsConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _connection = connection;
    }

    /// <summary>The streams followed, in the order they were added.</summary>
    public IReadOnlyList<TaskLogSource> Sources => _cursors.Select(c => c.Source).ToList();

    /// <summary>The CloudWatch Logs requests this reader has sent (the SDK's retries not counted).</summary>
    public long RequestCount { get; private set; }

    /// <summary>
    /// Follows a stream from <paramref name="since"/> (its first event when null). With <paramref name="tail"/>, its first
    /// read returns only its last <paramref name="tail"/> events (none for 0), read backward from its end. A stream already
    /// followed is not added twice.
    /// </summary>
    public void Add(TaskLogSource source, DateTimeOffset? since = null, int? tail = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentOutOfRangeException.ThrowIfNegative(tail ?? 0, nameof(tail));
        if (_cursors.Any(c => c.SameStream(source)))
        {
            return;
        }

        _cursors.Add(new StreamCursor(source, since?.ToUnixTimeMilliseconds()) { Tail = tail });
    }

    /// <summary>Stops following a stream (after its last read).</summary>
    public void Remove(TaskLogSource source) => _cursors.RemoveAll(c => c.SameStream(source));

    /// <summary>
    /// One read of every followed stream: what was written since the last read. <paramref name="toTheEnd"/>: page each
    /// stream until the service says it is at its end (the first read of a finished task, the last read after it stopped);
    /// otherwise a poll reads one page a stream unless that page was full.
    /// </summary>
    public Task<TaskLogReadResult> ReadAsync(bool toTheEnd, CancellationToken cancellationToken = default) =>
        ReadAsync(null, toTheEnd, cancellationToken);

    /// <summary>One read of the followed streams in <paramref name="only"/> (every followed stream when null).</summary>
    public async Task<TaskLogReadResult> ReadAsync(IReadOnlyCollection<TaskLogSource>? only, bool toTheEnd, CancellationToken cancellationToken = default)
    {
        var lines = new List<TaskLogLine>();
        var failures = new List<EcsServiceException>();
        var before = RequestCount;
        var chosen = only is null ? _cursors : _cursors.Where(c => only.Any(c.SameStream)).ToList();

        // A tail read reads up to the stream's end: the stream is read on from there next time.
        var tails = chosen.Where(c => c.Tail is not null).ToList();
        foreach (var cursor in tails)
        {
            await ReadTailAsync(cursor, lines, failures, cancellationToken).ConfigureAwait(false);
        }

        foreach (var group in chosen.Except(tails).GroupBy(c => (c.Source.Region, c.Source.Group)).ToList())
        {
            var cursors = group.ToList();
            if (cursors.Count == 1)
            {
                await ReadStreamAsync(cursors[0], toTheEnd, lines, failures, cancellationToken).ConfigureAwait(false);
                continue;
            }

            foreach (var chunk in cursors.Chunk(MaxStreamsPerFilter))
            {
                await FilterAsync(group.Key.Region, group.Key.Group, chunk, toTheEnd, lines, failures, cancellationToken).ConfigureAwait(false);
            }
        }

        // Each stream's events are already in order; a stable sort by time interleaves the containers.
        var ordered = lines.OrderBy(l => l.Timestamp).ToList();
        return new TaskLogReadResult(ordered, failures, (int)(RequestCount - before));
    }

    private async Task ReadStreamAsync(StreamCursor cursor, bool toTheEnd, List<TaskLogLine> lines, List<EcsServiceException> failures, CancellationToken cancellationToken)
    {
        var source = cursor.Source;
        cursor.BeginRead();
        cursor.EndIdTracking();
        for (var page = 0; page < MaxPagesPerRead; page++)
        {
            var sent = cursor.ForwardToken;
            var request = new GetLogEventsRequest
            {
                LogGroupName = source.Group,
                LogStreamName = source.Stream,
                StartFromHead = true,
                NextToken = sent,

                // Every page of a token's run carries the filters its first page had, as botocore's paginators send
                // them: a token does not promise to carry the start time, and an empty first page must not restart
                // the stream at its first line.
                StartTime = sent is null ? cursor.ResumeFrom : cursor.TokenStartTime,
            };

            GetLogEventsResponse response;
            try
            {
                RequestCount++;
                response = await _connection.GetLogEventsAsync(source.Region, request, cancellationToken).ConfigureAwait(false);
            }
            catch (EcsServiceException e) when (e.Kind == EcsErrorKind.ResourceNotFound)
            {
                return;
            }
            catch (EcsServiceException e)
            {
                failures.Add(e);
                return;
            }

            var events = response.Events ?? [];
            var bytes = 0L;
            foreach (var wire in events)
            {
                bytes += System.Text.Encoding.UTF8.GetByteCount(wire.Message ?? "") + 26;
                if (cursor.Accept(wire.Timestamp ?? 0, wire.Message ?? "", trusted: sent is not null) is { } line)
                {
                    lines.Add(line);
                }
            }

            var next = response.NextForwardToken;
            if (string.IsNullOrEmpty(next) || string.Equals(next, sent, StringComparison.Ordinal))
            {
                return;
            }

            if (sent is null)
            {
                cursor.TokenStartTime = request.StartTime;
            }

            cursor.ForwardToken = next;
            cursor.BeginRead();
            if (!toTheEnd && events.Count < MaxEventsPerPage && bytes < FullPageBytes)
            {
                // The rest, if any, comes with the next poll: one request a stream a poll.
                return;
            }
        }
    }

    // The last Tail events of a stream, paging backward from its end while pages come back short of them (a page holds at
    // most 1 MB). The forward token of the first page, the end, is where the stream is read on.
    private async Task ReadTailAsync(StreamCursor cursor, List<TaskLogLine> lines, List<EcsServiceException> failures, CancellationToken cancellationToken)
    {
        var source = cursor.Source;
        var wanted = cursor.Tail!.Value;
        var startTime = cursor.ResumeFrom;
        var pages = new List<List<LogsWireEvent>>();
        var collected = 0;
        string? backward = null;
        string? end = null;
        for (var page = 0; page < MaxPagesPerRead; page++)
        {
            var request = new GetLogEventsRequest
            {
                LogGroupName = source.Group,
                LogStreamName = source.Stream,
                StartFromHead = false,
                NextToken = backward,
                StartTime = startTime,

                // One event at least: the tail 0 read needs the end, not the event.
                Limit = Math.Clamp(wanted - collected, 1, MaxEventsPerPage),
            };

            GetLogEventsResponse response;
            try
            {
                RequestCount++;
                response = await _connection.GetLogEventsAsync(source.Region, request, cancellationToken).ConfigureAwait(false);
            }
            catch (EcsServiceException e) when (e.Kind == EcsErrorKind.ResourceNotFound)
            {
                // No stream yet, so no last lines: every line it gets is new.
                cursor.Tail = null;
                return;
            }
            catch (EcsServiceException e)
            {
                // The tail is read again next time.
                failures.Add(e);
                return;
            }

            end ??= response.NextForwardToken;
            var events = response.Events ?? [];
            pages.Add(events);
            collected += events.Count;
            var next = response.NextBackwardToken;
            if (collected >= wanted || string.IsNullOrEmpty(next) || string.Equals(next, backward, StringComparison.Ordinal))
            {
                break;
            }

            backward = next;
        }

        // Oldest first: the last page read holds the oldest events. Every event moves the cursor; the last Tail are returned.
        var all = Enumerable.Reverse(pages).SelectMany(p => p).ToList();
        var keepFrom = all.Count - Math.Min(wanted, all.Count);
        cursor.BeginRead();
        cursor.EndIdTracking();
        for (var i = 0; i < all.Count; i++)
        {
            if (cursor.Accept(all[i].Timestamp ?? 0, all[i].Message ?? "", trusted: true) is { } line && i >= keepFrom)
            {
                lines.Add(line);
            }
        }

        cursor.Tail = null;
        if (!string.IsNullOrEmpty(end))
        {
            cursor.ForwardToken = end;
            cursor.TokenStartTime = startTime;
        }
    }

    private async Task FilterAsync(
        string region,
        string group,
        StreamCursor[] cursors,
        bool toTheEnd,
        List<TaskLogLine> lines,
        List<EcsServiceException> failures,
        CancellationToken cancellationToken)
    {
        var byStream = cursors.ToDictionary(c => c.Source.Stream, StringComparer.Ordinal);
        foreach (var cursor in cursors)
        {
            // FilterLogEvents reads by time: a forward token no longer says where the stream is.
            cursor.ForwardToken = null;
            cursor.BeginRead();
            cursor.BeginIdTracking();
        }

        var startTime = cursors.Min(c => c.Last is { } last ? last - s_overlapMs : c.ResumeFrom ?? 0);
        string? token = null;
        for (var page = 0; page < MaxPagesPerRead; page++)
        {
            var request = new FilterLogEventsRequest
            {
                LogGroupName = group,
                LogStreamNames = byStream.Keys.ToList(),
                StartTime = startTime > 0 ? startTime : null,
                NextToken = token,
            };

            FilterLogEventsResponse response;
            try
            {
                RequestCount++;
                response = await _connection.FilterLogEventsAsync(region, request, cancellationToken).ConfigureAwait(false);
            }
            catch (EcsServiceException e) when (e.Kind == EcsErrorKind.ResourceNotFound && page == 0)
            {
                // The group, or one of the streams, does not exist yet: read the streams one by one this time.
                foreach (var cursor in cursors)
                {
                    await ReadStreamAsync(cursor, toTheEnd, lines, failures, cancellationToken).ConfigureAwait(false);
                }

                return;
            }
            catch (EcsServiceException e)
            {
                failures.Add(e);
                return;
            }

            foreach (var wire in response.Events ?? [])
            {
                if (wire.LogStreamName is { } stream && byStream.TryGetValue(stream, out var cursor)
                    && (wire.EventId is { Length: > 0 } id
                        ? cursor.AcceptById(wire.Timestamp ?? 0, wire.Message ?? "", id)
                        : cursor.Accept(wire.Timestamp ?? 0, wire.Message ?? "", trusted: false)) is { } line)
                {
                    lines.Add(line);
                }
            }

            token = response.NextToken;
            if (string.IsNullOrEmpty(token))
            {
                foreach (var cursor in cursors)
                {
                    cursor.PruneIds();
                }

                return;
            }
        }
    }

    /// <summary>Where one stream's reading stands.</summary>
    private sealed class StreamCursor(TaskLogSource source, long? since)
    {
        private readonly Dictionary<string, int> _seenAtLast = new(StringComparer.Ordinal);

        // FilterLogEvents reads: the eventIds returned within the overlap window, and where tracking them began (the
        // events before it were returned by other reads; those at it, counted in _boundarySeen, are skipped once).
        private readonly Dictionary<string, long> _ids = new(StringComparer.Ordinal);
        private Dictionary<string, int>? _boundarySeen;
        private long? _idsFrom;
        private Dictionary<string, int>? _toSkip;
        private long? _skipAt;

        public TaskLogSource Source { get; } = source;

        public string? ForwardToken { get; set; }

        /// <summary>Before the first read of a stream added with a tail: how many of its last events that read returns.</summary>
        public int? Tail { get; set; }

        /// <summary>The start time sent with the first page of <see cref="ForwardToken"/>'s run, sent again with each page.</summary>
        public long? TokenStartTime { get; set; }

        /// <summary>The timestamp (ms) of the last event returned.</summary>
        public long? Last { get; private set; }

        /// <summary>Where a read by time starts: the last event's timestamp (the events at it are skipped as seen), or -Since.</summary>
        public long? ResumeFrom => Last ?? since;

        public bool SameStream(TaskLogSource other) =>
            string.Equals(Source.Region, other.Region, StringComparison.Ordinal)
            && string.Equals(Source.Group, other.Group, StringComparison.Ordinal)
            && string.Equals(Source.Stream, other.Stream, StringComparison.Ordinal);

        /// <summary>Before a read by time: the events at the last timestamp were returned already and come again.</summary>
        public void BeginRead()
        {
            _skipAt = Last;
            _toSkip = new Dictionary<string, int>(_seenAtLast, StringComparer.Ordinal);
        }

        /// <summary>Before a FilterLogEvents read: from here on the events returned are known by their eventId.</summary>
        public void BeginIdTracking()
        {
            if (_idsFrom is null)
            {
                _idsFrom = Last ?? long.MinValue;
                _boundarySeen = new Dictionary<string, int>(_seenAtLast, StringComparer.Ordinal);
            }
        }

        /// <summary>Before a read by GetLogEvents (no eventIds): what the ids say no longer covers everything returned.</summary>
        public void EndIdTracking()
        {
            _idsFrom = null;
            _boundarySeen = null;
            _ids.Clear();
        }

        /// <summary>Forgets the eventIds older than the overlap window (memory stays bounded by the window).</summary>
        public void PruneIds()
        {
            if (Last is not { } last)
            {
                return;
            }

            foreach (var old in _ids.Where(i => i.Value < last - s_overlapMs).Select(i => i.Key).ToList())
            {
                _ids.Remove(old);
            }
        }

        /// <summary>The line for an event of a FilterLogEvents read, or null when it was returned before (by eventId), is older than the window or than -Since.</summary>
        public TaskLogLine? AcceptById(long timestamp, string message, string eventId)
        {
            if (since is { } from && timestamp < from)
            {
                return null;
            }

            if (_ids.ContainsKey(eventId) || (Last is { } last && timestamp < last - s_overlapMs))
            {
                return null;
            }

            if (_idsFrom is { } idsFrom && timestamp <= idsFrom)
            {
                if (timestamp < idsFrom)
                {
                    return null;
                }

                if (_boundarySeen is not null && _boundarySeen.TryGetValue(message, out var left) && left > 0)
                {
                    _boundarySeen[message] = left - 1;
                    _ids[eventId] = timestamp;
                    return null;
                }
            }

            _ids[eventId] = timestamp;
            return Returned(timestamp, message);
        }

        /// <summary>
        /// The line for an event, or null when it was returned before. <paramref name="trusted"/>: read with a forward token,
        /// which never repeats an event.
        /// </summary>
        public TaskLogLine? Accept(long timestamp, string message, bool trusted)
        {
            // Whatever the service sends, a line older than -Since is not one the user asked for (the overlap of a
            // FilterLogEvents read and a service that drops the start time with a token both bring such lines).
            if (since is { } from && timestamp < from)
            {
                return null;
            }

            if (!trusted)
            {
                if (_skipAt is { } skipAt)
                {
                    if (timestamp < skipAt)
                    {
                        return null;
                    }

                    if (timestamp == skipAt && _toSkip is not null && _toSkip.TryGetValue(message, out var left) && left > 0)
                    {
                        _toSkip[message] = left - 1;
                        return null;
                    }
                }
            }

            return Returned(timestamp, message);
        }

        // An event returned: the last timestamp and the events seen at it move on.
        private TaskLogLine Returned(long timestamp, string message)
        {
            if (Last is null || timestamp > Last)
            {
                _seenAtLast.Clear();
                Last = timestamp;
            }

            if (timestamp == Last)
            {
                _seenAtLast[message] = _seenAtLast.TryGetValue(message, out var seen) ? seen + 1 : 1;
            }

            return new TaskLogLine(Source, DateTimeOffset.FromUnixTimeMilliseconds(timestamp), message);
        }
    }
}
