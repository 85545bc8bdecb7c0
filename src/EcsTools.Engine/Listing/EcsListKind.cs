namespace EcsTools.Engine.Listing;

/// <summary>What <see cref="EcsConnection.ListAsync"/> lists.</summary>
public enum EcsListKind
{
    /// <summary>The account's clusters in the region (ListClusters).</summary>
    Clusters,

    /// <summary>The services of a cluster (ListServices).</summary>
    Services,

    /// <summary>The task definition families with an ACTIVE revision (ListTaskDefinitionFamilies).</summary>
    TaskDefinitionFamilies,

    /// <summary>The ACTIVE revisions of one family, newest first, as family:revision (ListTaskDefinitions).</summary>
    TaskDefinitionRevisions,

    /// <summary>The container instances of a cluster (ListContainerInstances).</summary>
    ContainerInstances,

    /// <summary>The capacity providers of a cluster (DescribeClusters), else every provider of the account (DescribeCapacityProviders).</summary>
    CapacityProviders,

    /// <summary>The task sets of a service, by id (DescribeTaskSets).</summary>
    TaskSets,

    /// <summary>The running tasks of a cluster (ListTasks' default filter).</summary>
    Tasks,
}
