using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EcsTools.Engine.Model;

namespace EcsTools.Engine.Tasks;

/// <summary>DescribeTasks for any number of tasks of one cluster: 100 a request, the ECS limit.</summary>
public static class TaskBatches
{
    /// <summary>The most tasks one DescribeTasks request may name.</summary>
    public const int MaxTasksPerDescribe = 100;

    /// <summary>The detail of the MISSING failure made up for a task that DescribeTasks left out without a failure.</summary>
    public const string NotReturnedDetail = "not returned by DescribeTasks";

    /// <summary>How many DescribeTasks requests <paramref name="taskCount"/> tasks of one cluster take.</summary>
    public static int RequestsFor(int taskCount) => (taskCount + MaxTasksPerDescribe - 1) / MaxTasksPerDescribe;

    /// <summary>
    /// Describes the tasks (ids or ARNs, duplicates sent once) in requests of at most 100, one after the other. A failed
    /// request is reported in <see cref="TaskBatchResult.Errors"/> and the others still run; cancellation is not caught.
    /// </summary>
    public static async Task<TaskBatchResult> DescribeTasksInBatchesAsync(
        this EcsConnection connection,
        string? cluster,
        IReadOnlyCollection<string> tasks,
        bool includeTags,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(tasks);
        var unique = tasks.Distinct(StringComparer.Ordinal).ToList();
        var found = new List<TaskInfo>();
        var failures = new List<TaskFailure>();
        var errors = new List<TaskBatchError>();
        var requests = 0;
        foreach (var chunk in unique.Chunk(MaxTasksPerDescribe))
        {
            var request = new DescribeTasksRequest
            {
                Cluster = cluster,
                Tasks = [.. chunk],
                Include = includeTags ? ["TAGS"] : null,
            };
            DescribeTasksResponse response;
            requests++;
            try
            {
                response = await connection.DescribeTasksAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (EcsServiceException e)
            {
                errors.Add(new TaskBatchError(chunk, e));
                continue;
            }

            var returned = response.Tasks ?? [];
            var reported = response.Failures ?? [];
            found.AddRange(TaskInfo.Of(returned));
            failures.AddRange(TaskFailure.Of(reported));
            var answered = new HashSet<string>(
                returned.Select(t => t.TaskArn).Concat(reported.Select(f => f.Arn)).OfType<string>().Select(TaskIds.IdOf),
                StringComparer.Ordinal);
            failures.AddRange(chunk
                .Where(asked => !answered.Contains(TaskIds.IdOf(asked)))
                .Select(asked => new TaskFailure(asked, "MISSING", NotReturnedDetail)));
        }

        return new TaskBatchResult(found, failures, errors, requests);
    }
}
