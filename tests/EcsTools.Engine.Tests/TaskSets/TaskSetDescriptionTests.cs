using System.Linq;
using EcsTools.Engine.Model;
using EcsTools.Engine.TaskSets;
using Xunit;

namespace EcsTools.Engine.Tests.TaskSets;

/// <summary>What DescribeTaskSets says about the task sets asked for: found, not found (MISSING or left out), or another failure.</summary>
public sealed class TaskSetDescriptionTests
{
    private const string Arn1 = "arn:aws:ecs:us-east-1:123456789012:task-set/demo/checkout/ecs-svc/1";

    [Fact]
    public void Listing_all_task_sets_reports_no_problem()
    {
        var description = EcsConnection.Describe(null, new DescribeTaskSetsResponse
        {
            TaskSets = [new TaskSet { Id = "ecs-svc/1", TaskSetArn = Arn1 }],
            Failures = [new Failure { Arn = "arn:x", Reason = "MISSING" }],
        });
        Assert.Equal("ecs-svc/1", Assert.Single(description.TaskSets).Id);
        Assert.Empty(description.Problems);
    }

    [Fact]
    public void A_task_set_found_by_arn_or_id_is_no_problem()
    {
        var description = EcsConnection.Describe([Arn1, "ecs-svc/2"], new DescribeTaskSetsResponse
        {
            TaskSets = [new TaskSet { Id = "ecs-svc/1", TaskSetArn = Arn1 }, new TaskSet { Id = "ecs-svc/2" }],
        });
        Assert.Equal(2, description.TaskSets.Count);
        Assert.Empty(description.Problems);
    }

    [Fact]
    public void A_MISSING_failure_and_a_task_set_left_out_are_both_not_found()
    {
        var description = EcsConnection.Describe(["ecs-svc/1", "ecs-svc/2"], new DescribeTaskSetsResponse
        {
            TaskSets = [],
            Failures = [new Failure { Arn = Arn1, Reason = "MISSING", Detail = "gone" }],
        });
        Assert.Equal(
            [new TaskSetProblem("ecs-svc/1", true, Arn1, "MISSING", "gone"), new TaskSetProblem("ecs-svc/2", true, null, null, null)],
            description.Problems);
    }

    [Fact]
    public void Another_failure_stays_that_failure_and_one_that_names_nothing_asked_comes_last()
    {
        var description = EcsConnection.Describe(["ecs-svc/9", Arn1], new DescribeTaskSetsResponse
        {
            Failures =
            [
                new Failure { Arn = "arn:aws:ecs:us-east-1:123456789012:task-set/demo/other/ecs-svc/7", Reason = "ACCESS_DENIED" },
                new Failure { Arn = Arn1, Reason = "ACCESS_DENIED", Detail = "no" },
            ],
        });
        Assert.Equal(
            [
                new TaskSetProblem("ecs-svc/9", true, null, null, null),
                new TaskSetProblem(Arn1, false, Arn1, "ACCESS_DENIED", "no"),
                new TaskSetProblem(null, false, "arn:aws:ecs:us-east-1:123456789012:task-set/demo/other/ecs-svc/7", "ACCESS_DENIED", null),
            ],
            description.Problems.ToArray());
    }
}
