using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using EcsTools.Engine.Logs;
using Xunit;

namespace EcsTools.Engine.Tests.Logs;

/// <summary>
/// -Since (the reader's start time): every page of a read carries it, with GetLogEvents as with FilterLogEvents, and no
/// line older than it is returned, whatever the service sends (an empty first page, the overlap of a later read).
/// </summary>
public sealed class TaskLogReaderSinceTests
{
    private const string FourLines = "first\n+1s second\n+2s third\n+3s fourth";

    [Fact]
    public async Task A_Since_after_the_last_line_returns_nothing_and_every_GetLogEvents_page_carries_it()
    {
        await using var scene = await LogScene.StartAsync();
        var (source, _) = await FinishedTaskAsync(scene);
        var since = new DateTimeOffset(2099, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var reader = new TaskLogReader(scene.Connection);
        reader.Add(source, since);

        var first = await reader.ReadAsync(toTheEnd: true);
        var again = await reader.ReadAsync(toTheEnd: false);

        Assert.Empty(first.Lines);
        Assert.Empty(again.Lines);
        var pages = scene.Server.RequestsFor("GetLogEvents");
        Assert.True(pages.Count >= 2, $"{pages.Count} GetLogEvents requests: the reader should have paged with the token");
        Assert.All(pages, p => Assert.Contains($"\"startTime\":{since.ToUnixTimeMilliseconds()}", p.Body, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_Since_at_the_third_line_returns_the_last_two_lines_once()
    {
        await using var scene = await LogScene.StartAsync();
        var (source, all) = await FinishedTaskAsync(scene);
        var reader = new TaskLogReader(scene.Connection);
        reader.Add(source, all[2].Timestamp);

        var first = await reader.ReadAsync(toTheEnd: true);
        var again = await reader.ReadAsync(toTheEnd: true);

        Assert.Equal(["third", "fourth"], first.Lines.Select(l => l.Message));
        Assert.Empty(again.Lines);
        Assert.All(
            scene.Server.RequestsFor("GetLogEvents"),
            p => Assert.Contains($"\"startTime\":{all[2].Timestamp.ToUnixTimeMilliseconds()}", p.Body, StringComparison.Ordinal));
    }

    [Fact]
    public async Task FilterLogEvents_reads_never_return_a_line_older_than_Since_not_even_in_the_overlap_of_a_later_read()
    {
        await using var scene = await LogScene.StartAsync();
        var definition = scene.Register("spaced", LogScene.Container("spaced", TimeSpan.FromSeconds(20), "a\n+3s b\n+6s c\n+9s d\n+12s e"));
        var tasks = scene.Run("spaced", 2);
        scene.Clock.Advance(TimeSpan.FromSeconds(30));
        var sources = await scene.SourcesAsync(new TaskLogLocator(scene.Connection), tasks, definition);
        var since = (await ReadAllAsync(scene, sources[0]))[2].Timestamp;
        var reader = new TaskLogReader(scene.Connection);
        reader.Add(sources[0], since);
        reader.Add(sources[1], since);

        var first = await reader.ReadAsync(toTheEnd: true);

        // The next read starts FilterOverlap (10 s) before the last line (e, 12 s): b (3 s) comes back from the service.
        var again = await reader.ReadAsync(toTheEnd: true);

        Assert.Equal(["c", "c", "d", "d", "e", "e"], first.Lines.Select(l => l.Message));
        Assert.Empty(again.Lines);
        Assert.Contains(scene.Server.RequestsFor("FilterLogEvents"), r => r.Body.Contains("\"startTime\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_paged_FilterLogEvents_read_with_Since_sends_the_start_time_with_every_page_and_loses_nothing()
    {
        await using var scene = await LogScene.StartAsync();
        var definition = scene.Register("big", LogScene.Container("big", TimeSpan.FromSeconds(10), lines: 10_000));
        var tasks = scene.Run("big", 2);
        scene.Clock.Advance(TimeSpan.FromSeconds(30));
        var sources = await scene.SourcesAsync(new TaskLogLocator(scene.Connection), tasks, definition);
        var all = await ReadAllAsync(scene, sources[0]);
        var since = all[2_500].Timestamp;
        var expected = all.Where(l => l.Timestamp >= since).Select(l => l.Message).ToList();
        scene.Server.ClearRequests();
        var reader = new TaskLogReader(scene.Connection);
        reader.Add(sources[0], since);
        reader.Add(sources[1], since);

        var read = await reader.ReadAsync(toTheEnd: true);

        foreach (var source in sources)
        {
            Assert.Equal(expected, read.Lines.Where(l => l.Source == source).Select(l => l.Message));
        }

        var pages = scene.Server.RequestsFor("FilterLogEvents");
        Assert.Contains(pages, p => p.Body.Contains("\"nextToken\"", StringComparison.Ordinal));
        Assert.All(pages, p => Assert.Contains($"\"startTime\":{since.ToUnixTimeMilliseconds()}", p.Body, StringComparison.Ordinal));
    }

    /// <summary>A task that printed <see cref="FourLines"/> and stopped; its stream and its lines as read without -Since.</summary>
    private static async Task<(TaskLogSource Source, IReadOnlyList<TaskLogLine> Lines)> FinishedTaskAsync(LogScene scene)
    {
        var definition = scene.Register("batch", LogScene.Container("batch", TimeSpan.FromSeconds(5), FourLines));
        var task = scene.Run("batch").Single();
        scene.Clock.Advance(TimeSpan.FromSeconds(30));
        var source = (await scene.SourcesAsync(new TaskLogLocator(scene.Connection), [task], definition)).Single();
        var lines = await ReadAllAsync(scene, source);
        Assert.Equal(["first", "second", "third", "fourth"], lines.Select(l => l.Message));
        scene.Server.ClearRequests();
        return (source, lines);
    }

    private static async Task<IReadOnlyList<TaskLogLine>> ReadAllAsync(LogScene scene, TaskLogSource source)
    {
        var reader = new TaskLogReader(scene.Connection);
        reader.Add(source);
        return (await reader.ReadAsync(toTheEnd: true)).Lines;
    }
}
