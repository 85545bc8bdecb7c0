using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EcsTools.Engine.Model;
using EcsTools.Engine.Tasks;

namespace EcsTools.Engine;

/// <summary>
/// The changes that are not safe to send twice blindly. When one fails in a way that leaves open whether ECS acted on it
/// (a 5xx, a dropped connection, no answer in time; <see cref="EcsServiceException.MayHaveBeenProcessed"/>), the engine
/// finds out before deciding:
/// <list type="bullet">
/// <item>RunTask and CreateTaskSet: the SDK already resent them with the same client token (ECS returns what the first
/// attempt made). If every attempt failed, the outcome is unknown; the error names the token and what to look for.</item>
/// <item>StartTask: the tasks carry a marker tag; the engine looks for tasks with it (see <see cref="StartTaskSearch"/>).</item>
/// <item>StopTask: DescribeTasks; desired status STOPPED means it was stopped. Otherwise StopTask is sent again (stopping
/// a task twice changes nothing).</item>
/// <item>DeleteTaskSet: DescribeTaskSets; gone or DRAINING means it was deleted. Otherwise it is sent again, and a
/// TaskSetNotFound then means the first attempt deleted it.</item>
/// <item>UpdateTaskSet and UpdateServicePrimaryTaskSet: DescribeTaskSets, compared with what was asked; sent again when it
/// differs (setting the same scale or primary twice changes nothing).</item>
/// </list>
/// What cannot be established is an <see cref="EcsErrorKind.OutcomeUnknown"/> error whose <see cref="EcsServiceException.Check"/>
/// says what to check.
/// </summary>
public sealed partial class EcsConnection
{
    /// <summary>The waits before each look for what an ambiguous StartTask started (ECS reads are eventually consistent): 15 s in all.</summary>
    internal static readonly IReadOnlyList<TimeSpan> DefaultOutcomeSearchDelays =
        [TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(8)];

    /// <summary>The clock of the outcome searches' waits (tests use a fake one).</summary>
    internal TimeProvider Time { get; set; } = TimeProvider.System;

    /// <summary>The waits before each look of an outcome search.</summary>
    internal IReadOnlyList<TimeSpan> OutcomeSearchDelays { get; set; } = DefaultOutcomeSearchDelays;

    /// <summary>
    /// StartTask, with a marker tag (<see cref="StartTaskSearch.MarkerKey"/>) added to the request's tags when there is room;
    /// after an ambiguous failure, the tasks it started are looked for and returned. Sets <paramref name="request"/>'s Tags.
    /// </summary>
    internal async Task<StartTaskResponse> StartTaskAsync(StartTaskRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var search = new StartTaskSearch(this, request);
        try
        {
            return await SendStartTaskAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (EcsServiceException e) when (search.MarkerRefused(e))
        {
            // Refused: nothing was started. Without the marker an ambiguous outcome cannot be matched, only reported.
            search.DropMarker();
        }
        catch (EcsServiceException e) when (e.MayHaveBeenProcessed)
        {
            return await search.FindAsync(e, cancellationToken).ConfigureAwait(false);
        }

        try
        {
            return await SendStartTaskAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (EcsServiceException e) when (e.MayHaveBeenProcessed)
        {
            return await search.FindAsync(e, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>RunTask; the SDK resends it with the same client token. An ambiguous failure of every attempt is OutcomeUnknown.</summary>
    internal async Task<RunTaskResponse> RunTaskAsync(RunTaskRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            return await SendRunTaskAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (EcsServiceException e) when (e.MayHaveBeenProcessed)
        {
            var family = TaskDefinitionNames.FamilyOf(request.TaskDefinition);
            throw OutcomeUnknown(e,
                $"RunTask of {request.Count ?? 1} task(s) of '{request.TaskDefinition}' on cluster '{ClusterName(request.Cluster)}' may have started them",
                $"Before starting again, check: Get-EcsTask -Cluster '{ClusterName(request.Cluster)}' -Family '{family}'"
                + (request.StartedBy is { } by ? $" (tasks started by '{by}')" : "")
                + $" lists the family's running tasks. RunTask with client token '{request.ClientToken}' and the same parameters "
                + "returns the tasks that token started and starts no more (Start-EcsTask -ClientToken, or aws ecs run-task --client-token).",
                []);
        }
    }

    /// <summary>CreateTaskSet; the SDK resends it with the same client token. An ambiguous failure of every attempt is OutcomeUnknown.</summary>
    internal async Task<CreateTaskSetResponse> CreateTaskSetAsync(CreateTaskSetRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            return await SendCreateTaskSetAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (EcsServiceException e) when (e.MayHaveBeenProcessed)
        {
            throw OutcomeUnknown(e,
                $"CreateTaskSet in service '{request.Service}' of cluster '{ClusterName(request.Cluster)}' may have created the task set",
                $"Before creating another, check: Get-EcsTaskSet -Cluster '{ClusterName(request.Cluster)}' -Service '{request.Service}' "
                + $"lists the service's task sets (look for task definition '{request.TaskDefinition}'"
                + (request.ExternalId is { } external ? $", external id '{external}'" : "")
                + $"). CreateTaskSet with client token '{request.ClientToken}' and the same parameters returns that task set and creates "
                + "no other (New-EcsTaskSet -ClientToken).",
                []);
        }
    }

    /// <summary>StopTask; after an ambiguous failure, DescribeTasks tells whether the task is stopping, and StopTask is sent again if not.</summary>
    internal Task<StopTaskResponse> StopTaskAsync(StopTaskRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return SendOrSettleAsync(
            ct => SendStopTaskAsync(request, ct),
            async ct =>
            {
                var task = await TryDescribeTaskAsync(request, ct).ConfigureAwait(false);
                return (task is { DesiredStatus: "STOPPED" } ? new StopTaskResponse { Task = task } : null, task is not null);
            },
            () => new Ambiguity(
                $"Check: Get-EcsTask -Cluster '{ClusterName(request.Cluster)}' -Task '{request.Task}': a DesiredStatus of STOPPED means it was stopped.",
                request.Task!,
                $"StopTask of task '{request.Task}' may have stopped it, and DescribeTasks could not tell",
                $"StopTask of task '{request.Task}' failed twice in a way that leaves open whether it was stopped"),
            cancellationToken);
    }

    /// <summary>DeleteTaskSet; after an ambiguous failure, DescribeTaskSets tells whether it is deleted (gone or DRAINING), and it is sent again if not.</summary>
    internal Task<DeleteTaskSetResponse> DeleteTaskSetAsync(DeleteTaskSetRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return SendOrSettleAsync(
            ct => SendDeleteTaskSetAsync(request, ct),
            async ct =>
            {
                var (found, missing) = await TryDescribeTaskSetAsync(request.Cluster, request.Service, request.TaskSet, ct).ConfigureAwait(false);
                return (missing || found is { Status: "DRAINING" } ? new DeleteTaskSetResponse { TaskSet = found ?? Deleted(request) } : null, found is not null || missing);
            },
            () => new Ambiguity(
                TaskSetCheck(request.Cluster, request.Service, request.TaskSet, "gone or DRAINING means it was deleted"),
                request.TaskSet!,
                $"DeleteTaskSet of task set '{request.TaskSet}' may have deleted it, and DescribeTaskSets could not tell",
                $"DeleteTaskSet of task set '{request.TaskSet}' failed twice in a way that leaves open whether it was deleted"),
            cancellationToken,
            // It was there a moment ago, before the resend: the first attempt deleted it (reads lag behind).
            e => e.Kind == EcsErrorKind.TaskSetNotFound ? new DeleteTaskSetResponse { TaskSet = Deleted(request) } : null);
    }

    /// <summary>UpdateTaskSet; after an ambiguous failure, DescribeTaskSets tells whether the scale is the one asked for, and it is sent again if not.</summary>
    internal Task<UpdateTaskSetResponse> UpdateTaskSetAsync(UpdateTaskSetRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return SendOrSettleAsync(
            ct => SendUpdateTaskSetAsync(request, ct),
            async ct =>
            {
                var (found, _) = await TryDescribeTaskSetAsync(request.Cluster, request.Service, request.TaskSet, ct).ConfigureAwait(false);
                var done = found?.Scale is { } scale && scale.Value == request.Scale?.Value
                    && string.Equals(scale.Unit ?? "PERCENT", request.Scale?.Unit ?? "PERCENT", StringComparison.Ordinal);
                return (done ? new UpdateTaskSetResponse { TaskSet = found } : null, found is not null);
            },
            () =>
            {
                var wanted = $"{request.Scale?.Value} {request.Scale?.Unit ?? "PERCENT"}";
                return new Ambiguity(
                    TaskSetCheck(request.Cluster, request.Service, request.TaskSet, $"a Scale of {wanted} means it was changed"),
                    request.TaskSet!,
                    $"UpdateTaskSet of task set '{request.TaskSet}' may have set its scale to {wanted}, and DescribeTaskSets could not tell",
                    $"UpdateTaskSet of task set '{request.TaskSet}' failed twice in a way that leaves open whether its scale is {wanted}");
            },
            cancellationToken);
    }

    /// <summary>UpdateServicePrimaryTaskSet; after an ambiguous failure, DescribeTaskSets tells whether the task set is PRIMARY, and it is sent again if not.</summary>
    internal Task<UpdateServicePrimaryTaskSetResponse> UpdateServicePrimaryTaskSetAsync(UpdateServicePrimaryTaskSetRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return SendOrSettleAsync(
            ct => SendUpdateServicePrimaryTaskSetAsync(request, ct),
            async ct =>
            {
                var (found, _) = await TryDescribeTaskSetAsync(request.Cluster, request.Service, request.PrimaryTaskSet, ct).ConfigureAwait(false);
                return (found is { Status: "PRIMARY" } ? new UpdateServicePrimaryTaskSetResponse { TaskSet = found } : null, found is not null);
            },
            () => new Ambiguity(
                TaskSetCheck(request.Cluster, request.Service, request.PrimaryTaskSet, "a Status of PRIMARY means it was made primary"),
                request.PrimaryTaskSet!,
                $"UpdateServicePrimaryTaskSet may have made task set '{request.PrimaryTaskSet}' primary, and DescribeTaskSets could not tell",
                $"UpdateServicePrimaryTaskSet failed twice in a way that leaves open whether task set '{request.PrimaryTaskSet}' is primary"),
            cancellationToken);
    }

    /// <summary>
    /// A change that is safe to repeat once it is known not to have happened: sent; after an ambiguous failure, looked for
    /// (<paramref name="lookAsync"/>: the answer when it already happened, and whether the look could tell at all); sent once
    /// more only when the look says it has not happened (an error of the resend that means the first attempt did it is
    /// answered by <paramref name="answerToResendError"/>); OutcomeUnknown when the look cannot tell or the resend is ambiguous too.
    /// </summary>
    private static async Task<TResponse> SendOrSettleAsync<TResponse>(
        Func<CancellationToken, Task<TResponse>> sendAsync,
        Func<CancellationToken, Task<(TResponse? Settled, bool Told)>> lookAsync,
        Func<Ambiguity> ambiguity,
        CancellationToken cancellationToken,
        Func<EcsServiceException, TResponse?>? answerToResendError = null)
        where TResponse : class
    {
        EcsServiceException first;
        try
        {
            return await sendAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (EcsServiceException e) when (e.MayHaveBeenProcessed)
        {
            first = e;
        }

        var (settled, told) = await lookAsync(cancellationToken).ConfigureAwait(false);
        if (settled is not null)
        {
            return settled;
        }

        if (!told)
        {
            var unknown = ambiguity();
            throw OutcomeUnknown(first, unknown.UnknownAfterLook, unknown.Check, [unknown.Resource]);
        }

        try
        {
            return await sendAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (EcsServiceException e) when (answerToResendError?.Invoke(e) is { } answer)
        {
            return answer;
        }
        catch (EcsServiceException e) when (e.MayHaveBeenProcessed)
        {
            var unknown = ambiguity();
            throw OutcomeUnknown(e, unknown.UnknownAfterResend, unknown.Check, [unknown.Resource]);
        }
    }

    /// <summary>What an ambiguous change's errors say (made only when needed): what to check, the resource, and the message when the look or the resend leaves it open.</summary>
    private sealed record Ambiguity(string Check, string Resource, string UnknownAfterLook, string UnknownAfterResend);

    internal static string ClusterName(string? cluster) => string.IsNullOrEmpty(cluster) ? "default" : cluster;

    internal static EcsServiceException OutcomeUnknown(EcsServiceException cause, string what, string check, IReadOnlyList<string> resources) =>
        new(EcsErrorKind.OutcomeUnknown, "OutcomeUnknown", cause.Operation,
            $"{what}: the outcome is unknown (it failed with {cause.ErrorCode}{(cause.StatusCode is { } status ? $", HTTP {status}" : "")}). {check}",
            cause.RequestId, cause.StatusCode, resources, cause)
        {
            Check = check,
            MayHaveBeenProcessed = true,
        };

    private static string TaskSetCheck(string? cluster, string? service, string? taskSet, string meaning) =>
        $"Check: Get-EcsTaskSet -Cluster '{ClusterName(cluster)}' -Service '{service}' -TaskSet '{taskSet}': {meaning}.";

    private static TaskSet Deleted(DeleteTaskSetRequest request) => new()
    {
        TaskSetArn = request.TaskSet?.StartsWith("arn:", StringComparison.Ordinal) == true ? request.TaskSet : null,
        // arn:aws:ecs:REGION:ACCOUNT:task-set/CLUSTER/SERVICE/ecs-svc/1234: the id is everything after the service.
        Id = request.TaskSet?.StartsWith("arn:", StringComparison.Ordinal) == true ? string.Join('/', request.TaskSet.Split('/').Skip(3)) : request.TaskSet,
        Status = "DRAINING",
    };

    private async Task<TaskData?> TryDescribeTaskAsync(StopTaskRequest request, CancellationToken cancellationToken)
    {
        try
        {
            var response = await DescribeTasksAsync(new DescribeTasksRequest { Cluster = request.Cluster, Tasks = [request.Task!] }, cancellationToken)
                .ConfigureAwait(false);
            return response.Tasks?.FirstOrDefault();
        }
        catch (EcsServiceException)
        {
            return null;
        }
    }

    // The task set, or Missing when ECS says it does not exist; (null, false) when DescribeTaskSets failed.
    private async Task<(TaskSet? Found, bool Missing)> TryDescribeTaskSetAsync(string? cluster, string? service, string? taskSet, CancellationToken cancellationToken)
    {
        try
        {
            var response = await DescribeTaskSetsAsync(new DescribeTaskSetsRequest { Cluster = cluster, Service = service, TaskSets = [taskSet!] }, cancellationToken)
                .ConfigureAwait(false);
            var found = response.TaskSets?.FirstOrDefault();
            return (found, found is null && response.Failures?.Any(f => f.Reason == "MISSING") == true);
        }
        catch (EcsServiceException e) when (e.Kind == EcsErrorKind.TaskSetNotFound)
        {
            return (null, true);
        }
        catch (EcsServiceException)
        {
            return (null, false);
        }
    }
}
