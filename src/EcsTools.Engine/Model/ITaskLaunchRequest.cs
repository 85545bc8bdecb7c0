using System.Collections.Generic;

namespace EcsTools.Engine.Model;

/// <summary>What RunTask and StartTask requests have in common, so that a caller sets it in one place.</summary>
internal interface ITaskLaunchRequest
{
    string? TaskDefinition { get; set; }

    string? Cluster { get; set; }

    string? Group { get; set; }

    string? StartedBy { get; set; }

    string? ReferenceId { get; set; }

    List<Tag>? Tags { get; set; }

    string? PropagateTags { get; set; }

    bool? EnableECSManagedTags { get; set; }

    bool? EnableExecuteCommand { get; set; }

    NetworkConfiguration? NetworkConfiguration { get; set; }

    TaskOverride? Overrides { get; set; }

    List<TaskVolumeConfiguration>? VolumeConfigurations { get; set; }
}
