using EcsTools.Engine.Listing;

namespace EcsTools.Completion;

/// <summary>Completes service names of the -Cluster on the line (ListServices).</summary>
public sealed class ServiceCompleter() : ClusterListingCompleter(cluster => new EcsListQuery(EcsListKind.Services, cluster), "services");
