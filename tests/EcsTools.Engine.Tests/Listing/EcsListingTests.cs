using System;
using System.Linq;
using System.Threading.Tasks;
using EcsTools.Engine.Listing;
using EcsTools.Engine.Tests.Client;
using EcsTools.LocalEcs;
using Xunit;

namespace EcsTools.Engine.Tests.Listing;

/// <summary>The engine's one listing API (names and ARNs for completion), against LocalEcs's demo scene.</summary>
public sealed class EcsListingTests
{
    [Fact]
    public async Task Clusters_services_instances_and_tasks_are_listed_by_name_with_their_arns()
    {
        await using var kit = await FaultKit.StartAsync();
        var task = kit.RunOne();

        var clusters = await kit.Connection.ListAsync(new EcsListQuery(EcsListKind.Clusters));
        var demo = Assert.Single(clusters, c => c.Name == FaultKit.Cluster);
        Assert.EndsWith(":cluster/" + FaultKit.Cluster, demo.Arn, StringComparison.Ordinal);

        var services = await kit.Connection.ListAsync(new EcsListQuery(EcsListKind.Services, FaultKit.Cluster));
        Assert.Equal([FaultKit.Service], services.Select(s => s.Name));

        var instances = await kit.Connection.ListAsync(new EcsListQuery(EcsListKind.ContainerInstances, FaultKit.Cluster));
        Assert.Equal(kit.Instances().Order(StringComparer.Ordinal), instances.Select(i => i.Arn!).Order(StringComparer.Ordinal));
        Assert.Equal(instances.Select(i => i.Name).Order(StringComparer.OrdinalIgnoreCase), instances.Select(i => i.Name));

        var tasks = await kit.Connection.ListAsync(new EcsListQuery(EcsListKind.Tasks, FaultKit.Cluster));
        Assert.Contains(tasks, t => t.Arn == task && t.Name == task.Split('/')[^1]);
    }

    [Fact]
    public async Task Families_are_sorted_and_revisions_are_family_colon_revision_newest_first()
    {
        await using var kit = await FaultKit.StartAsync();
        kit.Server.Invoke("RegisterTaskDefinition", """{"family":"web","containerDefinitions":[{"name":"web","image":"busybox","memory":64}]}""");

        var families = (await kit.Connection.ListAsync(new EcsListQuery(EcsListKind.TaskDefinitionFamilies))).Select(f => f.Name).ToArray();
        Assert.Contains("web", families);
        Assert.Contains("fargate-web", families);
        Assert.Equal(families.Order(StringComparer.OrdinalIgnoreCase), families);

        var revisions = await kit.Connection.ListAsync(new EcsListQuery(EcsListKind.TaskDefinitionRevisions, Family: "web"));
        Assert.Equal(["web:2", "web:1"], revisions.Select(r => r.Name));
        Assert.All(revisions, r => Assert.EndsWith(":task-definition/" + r.Name, r.Arn, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Capacity_providers_are_the_clusters_else_the_accounts()
    {
        await using var kit = await FaultKit.StartAsync();
        var ofDemo = await kit.Connection.ListAsync(new EcsListQuery(EcsListKind.CapacityProviders, FaultKit.Cluster));
        Assert.Equal(["FARGATE", "FARGATE_SPOT"], ofDemo.Select(p => p.Name));

        kit.Server.Invoke("CreateCluster", """{"clusterName":"bare"}""");
        var ofBare = await kit.Connection.ListAsync(new EcsListQuery(EcsListKind.CapacityProviders, "bare"));
        Assert.Contains("FARGATE", ofBare.Select(p => p.Name));
        Assert.Contains(kit.Server.RequestsFor("DescribeCapacityProviders"), _ => true);
    }

    [Fact]
    public async Task Task_sets_are_listed_by_id_with_their_status_and_task_definition()
    {
        await using var kit = await FaultKit.StartAsync();
        var arn = kit.CreateSet();
        var sets = await kit.Connection.ListAsync(new EcsListQuery(EcsListKind.TaskSets, FaultKit.Cluster, FaultKit.Service));
        var set = Assert.Single(sets, s => s.Arn == arn);
        Assert.Equal(arn.Split('/', 4)[3], set.Name);
        Assert.NotNull(set.Status);
        Assert.Contains("fargate-web", set.TaskDefinition, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_listing_reads_at_most_ten_pages()
    {
        await using var kit = await FaultKit.StartAsync(scene: scene =>
        {
            for (var i = 0; i < 1005; i++)
            {
                scene.CreateCluster($"c{i:D4}");
            }
        });
        var clusters = await kit.Connection.ListAsync(new EcsListQuery(EcsListKind.Clusters));
        Assert.Equal(EcsConnection.MaxListPages * 100, clusters.Count);
        Assert.Equal(EcsConnection.MaxListPages, kit.Server.RequestsFor("ListClusters").Count);
    }

    [Fact]
    public async Task Revisions_need_a_family()
    {
        await using var kit = await FaultKit.StartAsync();
        await Assert.ThrowsAsync<ArgumentException>(() => kit.Connection.ListAsync(new EcsListQuery(EcsListKind.TaskDefinitionRevisions)));
    }
}
