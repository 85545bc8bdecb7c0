using System;
using System.Management.Automation;
using EcsTools.Engine;
using EcsTools.Input;

namespace EcsTools.Errors;

/// <summary>
/// What a call was about, so a service error can name it: the region, the cluster as given (null: none was given, and
/// ECS used the cluster named 'default'), and the task definition, if any.
/// </summary>
internal sealed record ErrorScope(string Region, string? Cluster, string? TaskDefinition = null)
{
    /// <summary>
    /// <paramref name="record"/> (from <see cref="ErrorRecords.FromService(EcsServiceException, object?)"/>) with the
    /// cluster named in ClusterNotFound, and ECS's vague ClientException for a missing task definition turned into
    /// TaskDefinitionNotFound naming it; any other record as it is.
    /// </summary>
    public ErrorRecord Apply(ErrorRecord record, EcsServiceException e)
    {
        string prefix;
        string? action = null;
        var (id, category) = (e.Kind == EcsErrorKind.ClusterNotFound ? ErrorIds.ClusterNotFound : ErrorIds.TaskDefinitionNotFound, ErrorCategory.ObjectNotFound);
        if (e.Kind == EcsErrorKind.ClusterNotFound)
        {
            prefix = Cluster is null
                ? $"The cluster 'default' was not found in region {Region}: -Cluster was not given, so ECS used the cluster named 'default'. "
                : $"The cluster '{TextValue.Shorten(Cluster, 200)}' was not found in region {Region}. ";
            action = Cluster is null
                ? "Pass -Cluster with the cluster's name or ARN (press Tab after -Cluster to list them), or set $PSDefaultParameterValues['*-Ecs*:Cluster']."
                : null;
        }
        else if (TaskDefinition is not null && IsTaskDefinitionNotFound(e))
        {
            prefix = $"The task definition '{TextValue.Shorten(TaskDefinition, 200)}' was not found in region {Region}. ";
            action = "Check the family, revision and region: a family alone means its latest ACTIVE revision; "
                + "press Tab after -TaskDefinition to list them. An ARN must be of this region and account.";
        }
        else
        {
            return record;
        }

        // PowerShell appends ",<command>" to the id when the record is written; here it is still the bare id.
        return new ErrorRecord(record.Exception, id, category, record.TargetObject)
        {
            ErrorDetails = new ErrorDetails(prefix + (record.ErrorDetails?.Message ?? e.Message))
            {
                RecommendedAction = action ?? record.ErrorDetails?.RecommendedAction,
            },
        };
    }

    /// <summary>ECS (and moto) answer a missing task definition with ClientException "Unable to describe task definition."</summary>
    private static bool IsTaskDefinitionNotFound(EcsServiceException e) =>
        e.Kind == EcsErrorKind.Client && e.Message.Contains("task definition", StringComparison.OrdinalIgnoreCase)
        && (e.Message.Contains("Unable to describe", StringComparison.OrdinalIgnoreCase)
            || e.Message.Contains("does not exist", StringComparison.OrdinalIgnoreCase)
            || e.Message.Contains("not found", StringComparison.OrdinalIgnoreCase));
}
