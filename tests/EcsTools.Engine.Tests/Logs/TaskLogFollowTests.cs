using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using EcsTools.Engine.Logs;
using Xunit;

namespace EcsTools.Engine.Tests.Logs;

/// <summary>
/// The follow of Get-EcsTaskLog -Follow against LocalEcs on a manual clock: the end of a task when CloudWatch ingests
/// its last lines late (read on after STOPPED until a read finds nothing new and the settle has passed, bounded).
/// </summary>
public sealed class TaskLogFollowTests
{
    private static readonly TimeSpan s_poll = TimeSpan.FromMilliseconds(700);

    [Fact]
    public async Task Lines_that_reach_CloudWatch_after_the_task_stopped_are_still_read()
    {
        // Each line reaches the Logs API 5 seconds after it is written: the last ones only after the task has stopped.
        await using var scene = await LogScene.StartAsync(ingestionDelay: TimeSpan.FromSeconds(5));
        var definition = scene.Register("job", LogScene.Container("job", TimeSpan.FromSeconds(3), "starting\n+1s step\n+2.5s almost done\n+2.999s done"));
        var task = scene.Run("job").Single();
        var (follow, first) = await FollowAsync(scene, [task], definition);
        var seen = first.Select(l => l.Message).ToList();

        var steps = 0;
        var stoppedAt = -1;
        while (!follow.Done)
        {
            Assert.True(++steps < 100, "the follow never ended");
            scene.Clock.Advance(s_poll);
            var step = await follow.StepAsync();
            Assert.Empty(step.Read.Failures);
            seen.AddRange(step.Read.Lines.Select(l => l.Message));
            if (stoppedAt < 0 && scene.Stopped(task))
            {
                stoppedAt = steps;
            }
        }

        Assert.Equal(["starting", "step", "almost done", "done"], seen);
        Assert.True(stoppedAt > 0, "the task did not stop while followed");
        Assert.True((steps - stoppedAt) * s_poll >= TaskLogFollow.EndSettle, $"the follow ended {steps - stoppedAt} poll(s) after the task stopped: before the settle");
    }

    [Fact]
    public async Task With_several_streams_a_line_that_arrives_late_with_an_older_timestamp_is_read_once()
    {
        // Two tasks of one group: read with FilterLogEvents. "late one" reaches CloudWatch 3 s after it was written,
        // after "after", which was written later and has been read already.
        await using var scene = await LogScene.StartAsync(lineDelay: m => m == "late one" ? TimeSpan.FromSeconds(3) : TimeSpan.Zero);
        var definition = scene.Register("pair", LogScene.Container("pair", TimeSpan.FromSeconds(5), "first\n+1s late one\n+2s after\n+4s last"));
        var tasks = scene.Run("pair", 2);
        var (follow, first) = await FollowAsync(scene, tasks, definition);
        var seen = tasks.ToDictionary(t => t, t => first.Where(l => l.Source.TaskArn == t).Select(l => l.Message).ToList());

        var steps = 0;
        while (!follow.Done)
        {
            Assert.True(++steps < 100, "the follow never ended");
            scene.Clock.Advance(s_poll);
            var step = await follow.StepAsync();
            Assert.Empty(step.Read.Failures);
            foreach (var line in step.Read.Lines)
            {
                seen[line.Source.TaskArn].Add(line.Message);
            }
        }

        foreach (var task in tasks)
        {
            Assert.Equal(["after", "first", "last", "late one"], seen[task].Order(StringComparer.Ordinal));
        }

        Assert.Contains(scene.Server.Requests, r => r.Operation == "FilterLogEvents");
    }

    [Fact]
    public async Task A_task_tracked_after_it_stopped_is_read_on_for_lines_that_arrive_late()
    {
        // Get-EcsTaskLog -Follow given a task that has just stopped: its last line reaches CloudWatch 5 s after it was
        // written, after the stop; the first read misses it and the follow reads on until it has come.
        await using var scene = await LogScene.StartAsync(lineDelay: m => m == "done" ? TimeSpan.FromSeconds(5) : TimeSpan.Zero);
        var definition = scene.Register("quick", LogScene.Container("quick", TimeSpan.FromSeconds(1), "starting\n+0.9s done"));
        var task = scene.Run("quick").Single();
        for (var i = 0; !scene.Stopped(task); i++)
        {
            Assert.True(i < 1000, "the task never stopped");
            scene.Clock.Advance(TimeSpan.FromMilliseconds(50));
        }

        var reader = new TaskLogReader(scene.Connection);
        var follow = new TaskLogFollow(scene.Connection, reader, scene.Clock);
        var sources = await scene.SourcesAsync(new TaskLogLocator(scene.Connection), [task], definition);
        foreach (var source in sources)
        {
            reader.Add(source);
        }

        follow.Track(task, LogScene.Cluster, sources, stopped: true);
        var seen = (await reader.ReadAsync(toTheEnd: true)).Lines.Select(l => l.Message).ToList();
        Assert.Equal(["starting"], seen);

        var described = scene.Server.RequestsFor("DescribeTasks").Count;
        var steps = 0;
        while (!follow.Done)
        {
            Assert.True(++steps < 100, "the follow never ended");
            scene.Clock.Advance(s_poll);
            var step = await follow.StepAsync();
            seen.AddRange(step.Read.Lines.Select(l => l.Message));
        }

        Assert.Equal(["starting", "done"], seen);
        Assert.True(steps * s_poll >= TaskLogFollow.EndSettle, $"the follow ended after {steps} poll(s): before the settle");
        Assert.Equal(described, scene.Server.RequestsFor("DescribeTasks").Count); // known to be stopped: not asked again
    }

    [Fact]
    public async Task A_stopped_task_is_read_on_for_at_most_the_end_limit()
    {
        // Lines arrive so late that every read after the stop finds some: the follow still ends, at the limit.
        await using var scene = await LogScene.StartAsync(ingestionDelay: TaskLogFollow.EndLimit + TimeSpan.FromSeconds(10));
        var lines = string.Join("\n", Enumerable.Range(0, 80).Select(i => $"+{i * 500}ms line {i}"));
        var definition = scene.Register("slow", LogScene.Container("slow", TimeSpan.FromSeconds(41), lines));
        var task = scene.Run("slow").Single();
        var (follow, _) = await FollowAsync(scene, [task], definition);

        var elapsed = TimeSpan.Zero;
        var stoppedAt = (TimeSpan?)null;
        while (!follow.Done)
        {
            Assert.True(elapsed < TimeSpan.FromMinutes(5), "the follow never ended");
            scene.Clock.Advance(s_poll);
            elapsed += s_poll;
            await follow.StepAsync();
            stoppedAt ??= scene.Stopped(task) ? elapsed : null;
        }

        Assert.NotNull(stoppedAt);
        var after = elapsed - stoppedAt!.Value;
        Assert.InRange(after, TaskLogFollow.EndLimit - s_poll, TaskLogFollow.EndLimit + s_poll + s_poll);
    }

    private static async Task<(TaskLogFollow Follow, List<TaskLogLine> First)> FollowAsync(LogScene scene, IReadOnlyList<string> tasks, string definition)
    {
        var reader = new TaskLogReader(scene.Connection);
        var follow = new TaskLogFollow(scene.Connection, reader, scene.Clock);
        foreach (var task in tasks)
        {
            var sources = await scene.SourcesAsync(new TaskLogLocator(scene.Connection), [task], definition);
            foreach (var source in sources)
            {
                reader.Add(source);
            }

            follow.Track(task, LogScene.Cluster, sources);
        }

        var first = (await reader.ReadAsync(toTheEnd: true)).Lines;
        return (follow, first.ToList());
    }
}
