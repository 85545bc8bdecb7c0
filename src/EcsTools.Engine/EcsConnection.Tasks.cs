using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using EcsTools.Engine.Model;
using EcsTools.Engine.Tasks;

namespace EcsTools.Engine;

/// <summary>Task operations in ECS terms: records in, task views out (launching is <see cref="TaskLauncher"/>'s).</summary>
public sealed partial class EcsConnection
{
    /// <summary>The most task ARNs one ListTasks page returns.</summary>
    public const int ListTasksPageSize = 100;

    /// <summary>Stops a task; after an ambiguous failure it is stopped at most once more (see <see cref="StopTaskAsync(StopTaskRequest, CancellationToken)"/>). The stopping task, if ECS returned it.</summary>
    public async Task<TaskInfo?> StopTaskAsync(TaskStopRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var response = await StopTaskAsync(new StopTaskRequest { Cluster = request.Cluster, Task = request.Task, Reason = request.Reason }, cancellationToken)
            .ConfigureAwait(false);
        return response.Task is { } task ? new TaskInfo(task) : null;
    }

    /// <summary>
    /// Lists the tasks that match the query, page after page, and describes each page's tasks (DescribeTasks, 100 a
    /// request) before listing the next: each page is yielded as soon as it is described. A failed ListTasks ends the listing with its error.
    /// </summary>
    public async IAsyncEnumerable<TaskPage> ListTasksAsync(TaskQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var request = new ListTasksRequest
        {
            Cluster = query.Cluster,
            Family = query.Family,
            ServiceName = query.Service,
            StartedBy = query.StartedBy,
            ContainerInstance = query.ContainerInstance,
            LaunchType = query.LaunchType?.ToUpperInvariant(),
            // ECS filters on RUNNING by default; say so on the wire (some emulators list every task otherwise), except with
            // startedBy, which ECS takes only on its own.
            DesiredStatus = query.DesiredStatus?.ToUpperInvariant() ?? (query.StartedBy is null ? "RUNNING" : null),
            MaxResults = ListTasksPageSize,
        };
        var page = 0;
        do
        {
            var response = await ListTasksAsync(request, cancellationToken).ConfigureAwait(false);
            var arns = response.TaskArns ?? [];
            page++;
            var described = arns.Count == 0
                ? TaskBatchResult.Empty
                : await this.DescribeTasksInBatchesAsync(query.Cluster, arns, query.IncludeTags, cancellationToken).ConfigureAwait(false);
            yield return new TaskPage(page, arns.Count, described);
            request.NextToken = string.IsNullOrEmpty(response.NextToken) ? null : response.NextToken;
        }
        while (request.NextToken is not null);
    }
}
