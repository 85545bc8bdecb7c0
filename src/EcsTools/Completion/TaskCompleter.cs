using EcsTools.Engine.Listing;

namespace EcsTools.Completion;

/// <summary>Completes the ids of the running tasks of the -Cluster on the line (ListTasks).</summary>
public sealed class TaskCompleter() : ClusterListingCompleter(cluster => new EcsListQuery(EcsListKind.Tasks, cluster), "tasks");
