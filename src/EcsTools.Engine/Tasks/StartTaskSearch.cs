using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EcsTools.Engine.Model;

namespace EcsTools.Engine.Tasks;

/// <summary>
/// StartTask has no client token, so a resend after an ambiguous failure could start the tasks twice. Instead, every
/// StartTask carries a marker: the tag <see cref="MarkerKey"/> with a value unique to the call (when the request has
/// room for one more tag). After a failure that leaves open whether ECS started the tasks, the tasks of the task
/// definition's family on the request's container instances (ListTasks by cluster, container instance and family,
/// RUNNING and STOPPED) are described with their tags, and those with the marker are the call's tasks. Reads are
/// eventually consistent, so the search looks several times (<see cref="EcsConnection.OutcomeSearchDelays"/>, 15 s in
/// all) until each container instance has its task. What it finds is returned as if StartTask had answered; a container
/// instance without a task after the last look gets an OUTCOME_UNKNOWN failure; nothing found at all is an
/// OutcomeUnknown error. StartTask is never sent again after an ambiguous failure.
/// <para>
/// Tagging at launch needs the ecs:TagResource permission. When ECS refuses the marker for that reason (and the user gave
/// no tags, which would need it anyway), StartTask is sent once more without it: a refusal starts nothing. Without a
/// marker an ambiguous outcome can only be reported, with the candidate tasks.
/// </para>
/// </summary>
internal sealed class StartTaskSearch
{
    /// <summary>The marker tag's key.</summary>
    public const string MarkerKey = "ecstools:start-id";

    /// <summary>ECS takes at most 50 tags on a task.</summary>
    private const int MaxTags = 50;

    private const string Running = "RUNNING";
    private const string Stopped = "STOPPED";

    private readonly EcsConnection _connection;
    private readonly StartTaskRequest _request;
    private readonly List<Tag>? _userTags;
    private readonly DateTimeOffset _sentAt;
    private string? _marker;

    public StartTaskSearch(EcsConnection connection, StartTaskRequest request)
    {
        _connection = connection;
        _request = request;
        _userTags = request.Tags;
        _sentAt = connection.Time.GetUtcNow();
        if ((_userTags?.Count ?? 0) < MaxTags && _userTags?.Any(t => t.Key == MarkerKey) != true)
        {
            _marker = Guid.NewGuid().ToString("N");
            request.Tags = [.. _userTags ?? [], new Tag { Key = MarkerKey, Value = _marker }];
        }
    }

    /// <summary>The marker's value; null when the request carries none.</summary>
    public string? Marker => _marker;

    /// <summary>
    /// True when ECS refused StartTask in a way the marker may have caused: no permission to tag at launch (and only the
    /// marker asked for tags), or a tag the service would not take (for example more than 50 with the task definition's
    /// propagated tags). A refusal starts nothing, so StartTask can be sent again without the marker.
    /// </summary>
    public bool MarkerRefused(EcsServiceException e) =>
        _marker is not null && !e.MayHaveBeenProcessed
        && ((e.Kind == EcsErrorKind.AccessDenied && (_userTags?.Count ?? 0) == 0 && e.Message.Contains("TagResource", StringComparison.OrdinalIgnoreCase))
            || (e.Kind is EcsErrorKind.InvalidParameter or EcsErrorKind.Client && e.Message.Contains("tag", StringComparison.OrdinalIgnoreCase)));

    public void DropMarker()
    {
        _marker = null;
        _request.Tags = _userTags;
    }

    /// <summary>Finds the tasks the call started (see the class summary); throws OutcomeUnknown when it cannot.</summary>
    public async Task<StartTaskResponse> FindAsync(EcsServiceException cause, CancellationToken cancellationToken)
    {
        var cluster = EcsConnection.ClusterName(_request.Cluster);
        var family = TaskDefinitionNames.FamilyOf(_request.TaskDefinition);
        var instances = (_request.ContainerInstances ?? []).Distinct(StringComparer.Ordinal).ToList();
        var lookFor = _marker is null
            ? $"tasks of family '{family}' on them created since {_sentAt.ToString("u", CultureInfo.InvariantCulture)}"
            : $"tasks tagged {MarkerKey} = {_marker}";
        var check = $"Check before starting again: {string.Join(", ", instances.Select(i => $"'{i}'"))} | ForEach-Object "
            + $"{{ Get-EcsTask -Cluster '{cluster}' -Family '{family}' -ContainerInstance $_ -Include TAGS }}, and look for {lookFor}.";
        if (_marker is null)
        {
            var candidates = await CandidatesAsync(cluster, family, instances, cancellationToken).ConfigureAwait(false);
            throw EcsConnection.OutcomeUnknown(cause,
                $"StartTask of '{_request.TaskDefinition}' on {instances.Count} container instance(s) may have started tasks, and without the "
                + $"{MarkerKey} tag (no ecs:TagResource permission, or 50 tags already) they cannot be told apart"
                + (candidates.Count == 0 ? "" : $"; tasks that may be theirs: {string.Join(", ", candidates)}"),
                check, candidates);
        }

        var found = new Dictionary<string, TaskData>(StringComparer.Ordinal);
        var waited = TimeSpan.Zero;
        foreach (var delay in _connection.OutcomeSearchDelays)
        {
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, _connection.Time, cancellationToken).ConfigureAwait(false);
                waited += delay;
            }

            try
            {
                await LookAsync(family, instances, found, cancellationToken).ConfigureAwait(false);
            }
            catch (EcsServiceException)
            {
                continue;
            }

            if (found.Count == instances.Count)
            {
                break;
            }
        }

        if (found.Count == 0)
        {
            throw EcsConnection.OutcomeUnknown(cause,
                $"StartTask of '{_request.TaskDefinition}' on {instances.Count} container instance(s) may have started tasks; none tagged "
                + $"{MarkerKey} = {_marker} was found in {waited.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)} s of looking",
                check, []);
        }

        return new StartTaskResponse
        {
            Tasks = [.. found.Values],
            Failures = [.. instances.Where(i => !found.ContainsKey(TaskIds.IdOf(i))).Select(i => new Failure
            {
                Arn = i,
                Reason = EcsFailures.OutcomeUnknown,
                Detail = $"StartTask may or may not have started a task here (no task tagged {MarkerKey} = {_marker} found). {check}",
            })],
        };
    }

    // One look: the family's tasks on the instances not yet matched, described with tags; those with the marker are ours.
    private async Task LookAsync(string family, List<string> instances, Dictionary<string, TaskData> found, CancellationToken cancellationToken)
    {
        var arns = new List<string>();
        foreach (var instance in instances.Where(i => !found.ContainsKey(TaskIds.IdOf(i))))
        {
            arns.AddRange(await ListAsync(family, instance, Running, cancellationToken).ConfigureAwait(false));
            arns.AddRange(await ListAsync(family, instance, Stopped, cancellationToken).ConfigureAwait(false));
        }

        if (arns.Count == 0)
        {
            return;
        }

        var described = await _connection.DescribeTasksInBatchesAsync(_request.Cluster, arns, includeTags: true, cancellationToken).ConfigureAwait(false);
        if (described.Errors.Count > 0)
        {
            throw described.Errors[0].Exception;
        }

        foreach (var task in described.Tasks)
        {
            if (task.Tags.Any(t => t.Key == MarkerKey && t.Value == _marker) && task.ContainerInstanceArn is { } instance)
            {
                found[TaskIds.IdOf(instance)] = task.Data;
            }
        }
    }

    // Without a marker: the family's tasks on the instances created since the call was sent (give or take a minute of clock skew).
    private async Task<List<string>> CandidatesAsync(string cluster, string family, List<string> instances, CancellationToken cancellationToken)
    {
        try
        {
            var arns = new List<string>();
            foreach (var instance in instances)
            {
                arns.AddRange(await ListAsync(family, instance, Running, cancellationToken).ConfigureAwait(false));
            }

            var described = await _connection.DescribeTasksInBatchesAsync(cluster, arns, includeTags: false, cancellationToken).ConfigureAwait(false);
            return [.. described.Tasks
                .Where(t => t.CreatedAt is not { } created || created >= _sentAt - TimeSpan.FromMinutes(1))
                .Where(t => _request.StartedBy is null || t.StartedBy == _request.StartedBy)
                .Select(t => t.TaskArn).OfType<string>()];
        }
        catch (EcsServiceException)
        {
            return [];
        }
    }

    private async Task<List<string>> ListAsync(string family, string instance, string desiredStatus, CancellationToken cancellationToken)
    {
        var arns = new List<string>();
        string? next = null;
        for (var page = 0; page < 10; page++)
        {
            var response = await _connection.ListTasksAsync(new ListTasksRequest
            {
                Cluster = _request.Cluster,
                ContainerInstance = instance,
                Family = family,
                DesiredStatus = desiredStatus,
                NextToken = next,
            }, cancellationToken).ConfigureAwait(false);
            arns.AddRange(response.TaskArns ?? []);
            next = response.NextToken;
            if (string.IsNullOrEmpty(next))
            {
                break;
            }
        }

        return arns;
    }
}
