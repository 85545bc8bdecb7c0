using EcsTools.Engine.Listing;

namespace EcsTools.Completion;

/// <summary>Completes container instance ids of the -Cluster on the line (ListContainerInstances).</summary>
public sealed class ContainerInstanceCompleter() : ClusterListingCompleter(cluster => new EcsListQuery(EcsListKind.ContainerInstances, cluster), "container-instances");
