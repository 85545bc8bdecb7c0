using System.Linq;
using System.Threading.Tasks;
using EcsTools.Tests.Host;
using Xunit;

namespace EcsTools.Tests.Commands;

/// <summary>
/// A waited task keeps its tags: the waits' DescribeTasks ask for them (include TAGS), since an answer without them has
/// an empty list that reads as "no tags"; no request is added.
/// </summary>
public sealed class WaitEcsTaskTagTests
{
    [Fact]
    public async Task Start_EcsTask_WaitUntil_Running_writes_the_task_with_the_tags_it_was_started_with()
    {
        await using var host = await LocalEcsHost.StartAsync();

        var result = host.Run("Start-EcsTask web -Cluster demo -LaunchType EC2 -Tag @{ team = 'web' } -WaitUntil Running -PollInterval 0.1").EnsureSuccess();

        dynamic task = Assert.Single(result.Output).BaseObject;
        Assert.Equal("RUNNING", task.LastStatus);
        Assert.Equal("team=web", task.Tags.ToString());
        var polls = host.Server.RequestsFor("DescribeTasks");
        Assert.NotEmpty(polls);
        Assert.All(polls, p => Assert.Equal("""["TAGS"]""", p.Json!["include"]?.ToJsonString()));
    }

    [Fact]
    public async Task A_task_piped_to_Wait_EcsTask_keeps_its_tags_when_it_stops_on_its_own()
    {
        await using var host = await LocalEcsHost.StartAsync();

        var result = host.Run("Start-EcsTask batch -Cluster demo -LaunchType EC2 -Tag @{ team = 'batch' } | Wait-EcsTask -PollInterval 0.1").EnsureSuccess();

        dynamic task = Assert.Single(result.Output).BaseObject;
        Assert.Equal("STOPPED", task.LastStatus);
        Assert.Equal("team=batch", task.Tags.ToString());
        Assert.Single(host.Server.RequestsFor("RunTask"));
    }
}
