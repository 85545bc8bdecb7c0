using System;
using System.Linq;
using System.Threading.Tasks;
using EcsTools.Engine.Logs;
using Xunit;

namespace EcsTools.Engine.Tests.Logs;

/// <summary>
/// LocalEcs's CloudWatch Logs tokens keep their meaning whatever filter comes with them: a GetLogEvents token is a place
/// in the whole stream, a FilterLogEvents token names the next event of the group, so a request with the token and no
/// (or another) time range neither restarts the stream nor skips or repeats events.
/// </summary>
public sealed class LocalEcsLogTokenTests
{
    [Fact]
    public async Task A_GetLogEvents_token_from_an_empty_page_does_not_restart_the_stream_when_sent_without_the_start_time()
    {
        await using var scene = await LogScene.StartAsync();
        var (region, group, stream) = await FinishedStreamAsync(scene, 1);
        var since = new DateTimeOffset(2099, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();

        var empty = await scene.Connection.GetLogEventsAsync(region, new GetLogEventsRequest { LogGroupName = group, LogStreamName = stream, StartFromHead = true, StartTime = since }, default);
        var next = await scene.Connection.GetLogEventsAsync(region, new GetLogEventsRequest { LogGroupName = group, LogStreamName = stream, StartFromHead = true, NextToken = empty.NextForwardToken }, default);

        Assert.Empty(empty.Events!);
        Assert.Empty(next.Events!);
        Assert.Equal(empty.NextForwardToken, next.NextForwardToken);
    }

    [Fact]
    public async Task A_GetLogEvents_token_continues_after_the_last_event_it_returned_with_or_without_the_start_time()
    {
        await using var scene = await LogScene.StartAsync();
        var (region, group, stream) = await FinishedStreamAsync(scene, 1);
        var all = await scene.Connection.GetLogEventsAsync(region, new GetLogEventsRequest { LogGroupName = group, LogStreamName = stream, StartFromHead = true }, default);
        var since = all.Events![1].Timestamp;

        var first = await scene.Connection.GetLogEventsAsync(region, new GetLogEventsRequest { LogGroupName = group, LogStreamName = stream, StartFromHead = true, StartTime = since, Limit = 1 }, default);
        var bare = await scene.Connection.GetLogEventsAsync(region, new GetLogEventsRequest { LogGroupName = group, LogStreamName = stream, StartFromHead = true, NextToken = first.NextForwardToken }, default);
        var filtered = await scene.Connection.GetLogEventsAsync(region, new GetLogEventsRequest { LogGroupName = group, LogStreamName = stream, StartFromHead = true, NextToken = first.NextForwardToken, StartTime = since }, default);

        Assert.Equal(["second"], first.Events!.Select(e => e.Message));
        Assert.Equal(["third", "fourth"], bare.Events!.Select(e => e.Message));
        Assert.Equal(["third", "fourth"], filtered.Events!.Select(e => e.Message));
    }

    [Fact]
    public async Task A_FilterLogEvents_token_names_the_next_event_whatever_time_range_comes_with_it()
    {
        await using var scene = await LogScene.StartAsync();
        var (region, group, stream) = await FinishedStreamAsync(scene, 2);
        var all = await scene.Connection.GetLogEventsAsync(region, new GetLogEventsRequest { LogGroupName = group, LogStreamName = stream, StartFromHead = true }, default);
        var since = all.Events![2].Timestamp;

        var first = await scene.Connection.FilterLogEventsAsync(region, new FilterLogEventsRequest { LogGroupName = group, StartTime = since, Limit = 1 }, default);
        var bare = await scene.Connection.FilterLogEventsAsync(region, new FilterLogEventsRequest { LogGroupName = group, NextToken = first.NextToken }, default);

        Assert.Equal(["third"], first.Events!.Select(e => e.Message));
        Assert.Equal(["third", "fourth", "fourth"], bare.Events!.Select(e => e.Message));
        Assert.Null(bare.NextToken);
    }

    private static async Task<(string Region, string Group, string Stream)> FinishedStreamAsync(LogScene scene, int tasks)
    {
        var definition = scene.Register("batch", LogScene.Container("batch", TimeSpan.FromSeconds(5), "first\n+1s second\n+2s third\n+3s fourth"));
        var arns = scene.Run("batch", tasks);
        scene.Clock.Advance(TimeSpan.FromSeconds(30));
        var source = (await scene.SourcesAsync(new TaskLogLocator(scene.Connection), arns, definition))[0];
        return (source.Region, source.Group, source.Stream);
    }
}
