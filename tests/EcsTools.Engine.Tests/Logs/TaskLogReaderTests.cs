using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using EcsTools.Engine.Logs;
using EcsTools.Engine.Tasks;
using EcsTools.LocalEcs;
using Xunit;

namespace EcsTools.Engine.Tests.Logs;

/// <summary>
/// The log reader against LocalEcs's Logs API on a manual clock: every line once, in order, including the last ones;
/// paging; throttling; streams that do not exist yet; one FilterLogEvents request for many tasks of one group.
/// </summary>
public sealed class TaskLogReaderTests
{
    private static readonly TimeSpan s_poll = TimeSpan.FromMilliseconds(700);

    [Fact]
    public async Task Reads_GetLogEvents_signed_for_logs_with_the_Logs_target_and_the_connection_credentials()
    {
        await using var scene = await LogScene.StartAsync();
        var definition = scene.Register("hello", LogScene.Container("app", TimeSpan.FromSeconds(1), "hello"));
        var task = scene.Run("hello").Single();
        scene.Clock.Advance(TimeSpan.FromSeconds(10));
        var sources = await scene.SourcesAsync(new TaskLogLocator(scene.Connection), [task], definition);
        var reader = new TaskLogReader(scene.Connection);
        reader.Add(sources.Single());

        var result = await reader.ReadAsync(toTheEnd: false);

        Assert.Equal(["hello"], result.Lines.Select(l => l.Message));
        var request = scene.Server.Requests.Single(r => r.Operation == "GetLogEvents");
        Assert.Equal("Logs_20140328.GetLogEvents", request.Target);
        Assert.Equal("application/x-amz-json-1.1", request.ContentType);
        Assert.Matches(@"^AWS4-HMAC-SHA256 Credential=AKIDLOGSTEST/\d{8}/us-east-1/logs/aws4_request, ", request.Authorization);
        Assert.Contains("\"logStreamName\":\"app/app/" + TaskIds.IdOf(task) + "\"", request.Body);
        Assert.Contains("\"startFromHead\":true", request.Body);
        Assert.Equal(1, result.Requests);
    }

    [Fact]
    public async Task Following_a_task_returns_every_line_once_in_order_including_its_last_second()
    {
        await using var scene = await LogScene.StartAsync();
        const string output = "starting\n+500ms step 1\n+500ms step 1 again\n+1s step 2\n+1s step 2\n+2.9s almost done\n+2.999s done";
        var definition = scene.Register("job", LogScene.Container("job", TimeSpan.FromSeconds(3), output));
        var task = scene.Run("job").Single();
        var reader = new TaskLogReader(scene.Connection);
        foreach (var source in await scene.SourcesAsync(new TaskLogLocator(scene.Connection), [task], definition))
        {
            reader.Add(source);
        }

        var seen = new List<string>();
        var reads = 0;
        while (!scene.Stopped(task))
        {
            var result = await reader.ReadAsync(toTheEnd: false);
            Assert.Empty(result.Failures);
            seen.AddRange(result.Lines.Select(l => l.Message));
            scene.Clock.Advance(s_poll);
            reads++;
        }

        // The read after the task stopped: what was written at the end.
        seen.AddRange((await reader.ReadAsync(toTheEnd: true)).Lines.Select(l => l.Message));

        Assert.Equal(["starting", "step 1", "step 1 again", "step 2", "step 2", "almost done", "done"], seen);
        Assert.True(reads > 5, $"only {reads} reads: the test did not follow the task while it ran");
        Assert.Contains(scene.Server.Requests, r => r.Operation == "GetLogEvents" && r.Body.Contains("\"nextToken\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_answer_from_CloudWatch_Logs_that_is_not_JSON_names_CloudWatch_Logs_not_ECS()
    {
        await using var scene = await LogScene.StartAsync();
        var definition = scene.Register("hello", LogScene.Container("app", TimeSpan.FromSeconds(1), "hello"));
        var task = scene.Run("hello").Single();
        scene.Clock.Advance(TimeSpan.FromSeconds(10));
        var reader = new TaskLogReader(scene.Connection);
        reader.Add((await scene.SourcesAsync(new TaskLogLocator(scene.Connection), [task], definition)).Single());
        scene.Server.Faults.Add(LocalEcsFault.HtmlError("GetLogEvents").Times(10));

        var failure = Assert.Single((await reader.ReadAsync(toTheEnd: false)).Failures);

        var message = failure.InnerException?.Message ?? failure.Message;
        Assert.StartsWith("CloudWatch Logs answered HTTP 503", message, StringComparison.Ordinal);
        Assert.Contains("not a CloudWatch Logs error", message, StringComparison.Ordinal);
        Assert.DoesNotContain("ECS", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_10000_line_log_is_paged_without_loss_with_GetLogEvents_and_with_FilterLogEvents()
    {
        await using var scene = await LogScene.StartAsync();
        var definition = scene.Register("big", LogScene.Container("big", TimeSpan.FromSeconds(10), lines: 10_000));
        var tasks = scene.Run("big", 2);
        scene.Clock.Advance(TimeSpan.FromSeconds(30));
        var sources = await scene.SourcesAsync(new TaskLogLocator(scene.Connection), tasks, definition);

        var single = new TaskLogReader(scene.Connection);
        single.Add(sources[0]);
        var one = await single.ReadAsync(toTheEnd: true);
        Assert.Equal(Expected(10_000), one.Lines.Select(l => l.Message));
        Assert.True(one.Requests >= 3, $"{one.Requests} requests: 1.26 MB of events should take two pages and the end-of-stream check");

        var both = new TaskLogReader(scene.Connection);
        both.Add(sources[0]);
        both.Add(sources[1]);
        var two = await both.ReadAsync(toTheEnd: true);
        foreach (var source in sources)
        {
            Assert.Equal(Expected(10_000), two.Lines.Where(l => l.Source == source).Select(l => l.Message));
        }

        Assert.Contains(scene.Server.Requests, r => r.Operation == "FilterLogEvents" && r.Body.Contains("\"nextToken\"", StringComparison.Ordinal));
        Assert.Empty((await both.ReadAsync(toTheEnd: true)).Lines);
    }

    [Fact]
    public async Task Throttling_during_a_follow_loses_nothing_and_repeats_nothing()
    {
        await using var scene = await LogScene.StartAsync();
        var definition = scene.Register("chatty", LogScene.Container("chatty", TimeSpan.FromSeconds(5), lines: 50));
        var tasks = scene.Run("chatty", 3);
        var sources = await scene.SourcesAsync(new TaskLogLocator(scene.Connection), tasks, definition);
        var single = new TaskLogReader(scene.Connection);
        single.Add(sources[0]);
        var group = new TaskLogReader(scene.Connection);
        group.Add(sources[1]);
        group.Add(sources[2]);

        var seen = sources.ToDictionary(s => s, _ => new List<string>());
        var failures = 0;
        for (var poll = 0; poll < 20; poll++)
        {
            if (poll is 6 or 9)
            {
                // More throttling than the SDK's three attempts absorb: the read fails, the next one resumes.
                scene.Server.Faults.Add(LocalEcsFault.Throttling("GetLogEvents").Times(3));
                scene.Server.Faults.Add(LocalEcsFault.Throttling("FilterLogEvents").Times(3));
            }

            foreach (var reader in new[] { single, group })
            {
                var result = await reader.ReadAsync(toTheEnd: false);
                failures += result.Failures.Count;
                Assert.All(result.Failures, f => Assert.Equal(EcsErrorKind.Throttled, f.Kind));
                foreach (var line in result.Lines)
                {
                    seen[line.Source].Add(line.Message);
                }
            }

            scene.Clock.Advance(s_poll);
        }

        Assert.True(failures >= 2, $"{failures} failed reads: the faults did not reach the reader");
        Assert.All(sources, s => Assert.Equal(Expected(50), seen[s]));
    }

    [Fact]
    public async Task A_stream_or_group_that_does_not_exist_yet_has_no_lines_and_no_failure()
    {
        await using var scene = await LogScene.StartAsync();
        var definition = scene.Register("later", LogScene.Container("later", TimeSpan.FromSeconds(2), "finally"));
        var tasks = scene.Run("later", 2);
        var sources = await scene.SourcesAsync(new TaskLogLocator(scene.Connection), tasks, definition);
        var single = new TaskLogReader(scene.Connection);
        single.Add(sources[0]);
        var group = new TaskLogReader(scene.Connection);
        group.Add(sources[0]);
        group.Add(sources[1]);

        // PROVISIONING: no stream, no group.
        foreach (var reader in new[] { single, group })
        {
            var early = await reader.ReadAsync(toTheEnd: false);
            Assert.Empty(early.Lines);
            Assert.Empty(early.Failures);
        }

        Assert.Contains(scene.Server.Requests, r => r.ErrorCode == "ResourceNotFoundException");
        scene.Clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(["finally"], (await single.ReadAsync(toTheEnd: false)).Lines.Select(l => l.Message));
        Assert.Equal(["finally", "finally"], (await group.ReadAsync(toTheEnd: false)).Lines.Select(l => l.Message));
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(10, 1)]
    [InlineData(100, 1)]
    [InlineData(101, 2)]
    public async Task One_read_of_many_tasks_in_one_group_takes_one_request_per_100_streams(int tasks, int requests)
    {
        await using var scene = await LogScene.StartAsync();
        var definition = scene.Register("many", LogScene.Container("many", TimeSpan.FromSeconds(2), "one line"));
        var arns = scene.Run("many", tasks);
        scene.Clock.Advance(TimeSpan.FromSeconds(10));
        var reader = new TaskLogReader(scene.Connection);
        foreach (var source in await scene.SourcesAsync(new TaskLogLocator(scene.Connection), arns, definition))
        {
            reader.Add(source);
        }

        var result = await reader.ReadAsync(toTheEnd: false);

        Assert.Equal(tasks, result.Lines.Count);
        Assert.Equal(requests, result.Requests);
    }

    [Fact]
    public async Task A_tail_is_read_from_the_end_of_a_long_stream_in_one_request_and_followed_on_from_there()
    {
        await using var scene = await LogScene.StartAsync();
        var reader = new TaskLogReader(scene.Connection);
        reader.Add((await TailStreamsAsync(scene, 1, lines: 10_000, TimeSpan.FromSeconds(20), after: TimeSpan.FromSeconds(10))).Single(), tail: 5);

        var first = await reader.ReadAsync(toTheEnd: true);
        Assert.Equal(5, first.Lines.Count);
        Assert.Equal(1, first.Requests);
        var request = scene.Server.Requests.Single(r => r.Operation == "GetLogEvents");
        Assert.Contains("\"startFromHead\":false", request.Body);
        Assert.Contains("\"limit\":5", request.Body);

        scene.Clock.Advance(TimeSpan.FromSeconds(30));
        var seen = first.Lines.Concat((await reader.ReadAsync(toTheEnd: true)).Lines).Select(l => l.Message).ToList();
        AssertRunToTheEnd(Expected(10_000), seen);
        Assert.InRange(seen.Count, 1000, 9000);
    }

    [Theory]
    [InlineData(10_000, 10_000, 2)] // 1.26 MB: two pages back from the end
    [InlineData(3, 3, 1)]
    [InlineData(20_000, 10_000, 3)] // more than the stream has: all of it, and a page that says it is the start
    public async Task A_tail_pages_backward_while_pages_come_back_short_of_it(int tail, int lines, int requests)
    {
        await using var scene = await LogScene.StartAsync();
        var reader = new TaskLogReader(scene.Connection);
        reader.Add((await TailStreamsAsync(scene, 1, lines: 10_000, TimeSpan.FromSeconds(10), after: TimeSpan.FromSeconds(30))).Single(), tail: tail);

        var result = await reader.ReadAsync(toTheEnd: true);

        Assert.Equal(Expected(10_000).TakeLast(lines), result.Lines.Select(l => l.Message));
        Assert.Equal(requests, result.Requests);
        Assert.Empty((await reader.ReadAsync(toTheEnd: true)).Lines);
    }

    [Fact]
    public async Task A_tail_of_0_returns_only_the_lines_written_after_it_and_tails_of_several_streams_are_followed_without_repeats()
    {
        await using var scene = await LogScene.StartAsync();
        var sources = await TailStreamsAsync(scene, 2, lines: 200, TimeSpan.FromSeconds(20), after: TimeSpan.FromSeconds(10));
        var none = new TaskLogReader(scene.Connection);
        none.Add(sources[0], tail: 0);
        var several = new TaskLogReader(scene.Connection);
        several.Add(sources[0], tail: 3);
        several.Add(sources[1], tail: 3);

        Assert.Empty((await none.ReadAsync(toTheEnd: true)).Lines);
        var tails = await several.ReadAsync(toTheEnd: true);
        Assert.Equal(2, tails.Requests);
        Assert.All(sources, source => Assert.Equal(3, tails.Lines.Count(l => l.Source == source)));

        scene.Clock.Advance(TimeSpan.FromSeconds(30));
        var expected = Expected(200);
        var after = (await none.ReadAsync(toTheEnd: true)).Lines.Select(l => l.Message).ToList();
        AssertRunToTheEnd(expected, after);
        Assert.Equal(expected[expected.IndexOf(after[0]) - 1], tails.Lines.Last(l => l.Source == sources[0]).Message);

        // Several streams of a group are read on with FilterLogEvents, from the end of each tail, none twice.
        var rest = await several.ReadAsync(toTheEnd: true);
        Assert.Contains(scene.Server.Requests, r => r.Operation == "FilterLogEvents");
        Assert.All(sources, source => AssertRunToTheEnd(expected, tails.Lines.Concat(rest.Lines).Where(l => l.Source == source).Select(l => l.Message).ToList()));
    }

    // The streams of <paramref name="tasks"/> tasks whose one container writes <paramref name="lines"/> lines evenly over
    // <paramref name="runFor"/>, <paramref name="after"/> into their run.
    private static async Task<IReadOnlyList<TaskLogSource>> TailStreamsAsync(LogScene scene, int tasks, int lines, TimeSpan runFor, TimeSpan after)
    {
        var definition = scene.Register("tail", LogScene.Container("tail", runFor, lines: lines));
        var arns = scene.Run("tail", tasks);
        scene.Clock.Advance(after);
        return await scene.SourcesAsync(new TaskLogLocator(scene.Connection), arns, definition);
    }

    // What was seen is every line from its first to the last one written, once and in order.
    private static void AssertRunToTheEnd(List<string> expected, List<string> seen) => Assert.Equal(expected.Skip(expected.IndexOf(seen[0])), seen);

    private static List<string> Expected(int count) =>
        Enumerable.Range(1, count).Select(i => $"line {i:D7} of {count} ".PadRight(100, '.')).ToList();
}
