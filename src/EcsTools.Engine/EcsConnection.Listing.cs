using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EcsTools.Engine.Listing;
using EcsTools.Engine.Model;

namespace EcsTools.Engine;

/// <summary>
/// Names and ARNs of what a user can name (clusters, services, task definitions, container instances, capacity providers,
/// task sets, tasks): a few pages at most, for completion, where people type a prefix next.
/// </summary>
public sealed partial class EcsConnection
{
    /// <summary>The most pages one listing reads.</summary>
    public const int MaxListPages = 10;

    private const int PageSize = 100;

    /// <summary>Lists what <paramref name="query"/> asks for, sorted by name (revisions newest first).</summary>
    public async Task<IReadOnlyList<EcsListedName>> ListAsync(EcsListQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        switch (query.Kind)
        {
            case EcsListKind.Clusters:
                return ByName(await PagesAsync(async token =>
                {
                    var r = await ListClustersAsync(new ListClustersRequest { NextToken = token, MaxResults = PageSize }, cancellationToken).ConfigureAwait(false);
                    return (r.ClusterArns, r.NextToken);
                }).ConfigureAwait(false));
            case EcsListKind.Services:
                return ByName(await PagesAsync(async token =>
                {
                    var r = await ListServicesAsync(new ListServicesRequest { Cluster = query.Cluster, NextToken = token, MaxResults = PageSize }, cancellationToken)
                        .ConfigureAwait(false);
                    return (r.ServiceArns, r.NextToken);
                }).ConfigureAwait(false));
            case EcsListKind.ContainerInstances:
                return ByName(await PagesAsync(async token =>
                {
                    var r = await ListContainerInstancesAsync(
                        new ListContainerInstancesRequest { Cluster = query.Cluster, NextToken = token, MaxResults = PageSize }, cancellationToken).ConfigureAwait(false);
                    return (r.ContainerInstanceArns, r.NextToken);
                }).ConfigureAwait(false));
            case EcsListKind.Tasks:
                return ByName(await PagesAsync(async token =>
                {
                    var r = await ListTasksAsync(new ListTasksRequest { Cluster = query.Cluster, NextToken = token, MaxResults = PageSize }, cancellationToken)
                        .ConfigureAwait(false);
                    return (r.TaskArns, r.NextToken);
                }).ConfigureAwait(false));
            case EcsListKind.TaskDefinitionFamilies:
                var families = await PagesAsync(async token =>
                {
                    var r = await ListTaskDefinitionFamiliesAsync(
                        new ListTaskDefinitionFamiliesRequest { Status = "ACTIVE", NextToken = token, MaxResults = PageSize }, cancellationToken).ConfigureAwait(false);
                    return (r.Families, r.NextToken);
                }).ConfigureAwait(false);
                return families.Distinct(StringComparer.Ordinal).Order(StringComparer.OrdinalIgnoreCase).Select(f => new EcsListedName(f)).ToList();
            case EcsListKind.TaskDefinitionRevisions:
                return await RevisionsAsync(query.Family ?? throw new ArgumentException("A listing of revisions names its family.", nameof(query)), cancellationToken)
                    .ConfigureAwait(false);
            case EcsListKind.CapacityProviders:
                return await CapacityProvidersAsync(query.Cluster, cancellationToken).ConfigureAwait(false);
            case EcsListKind.TaskSets:
                var response = await DescribeTaskSetsAsync(new DescribeTaskSetsRequest { Cluster = query.Cluster, Service = query.Service }, cancellationToken)
                    .ConfigureAwait(false);
                return (response.TaskSets ?? [])
                    .Where(s => !string.IsNullOrEmpty(s.Id))
                    .Select(s => new EcsListedName(s.Id!, s.TaskSetArn, s.Status, s.TaskDefinition))
                    .ToList();
            default:
                throw new ArgumentOutOfRangeException(nameof(query), query.Kind, "Not a kind of listing.");
        }
    }

    // family:revision of the family's ACTIVE revisions, newest first.
    private async Task<IReadOnlyList<EcsListedName>> RevisionsAsync(string family, CancellationToken cancellationToken)
    {
        var arns = await PagesAsync(async token =>
        {
            var r = await ListTaskDefinitionsAsync(
                new ListTaskDefinitionsRequest { FamilyPrefix = family, Status = "ACTIVE", Sort = "DESC", NextToken = token, MaxResults = PageSize },
                cancellationToken).ConfigureAwait(false);
            return (r.TaskDefinitionArns, r.NextToken);
        }).ConfigureAwait(false);
        return arns.Select(a => (Arn: a, Name: LastSegment(a)))
            .Where(d => d.Name.StartsWith(family + ":", StringComparison.Ordinal))
            .Select(d => new EcsListedName(d.Name, d.Arn))
            .ToList();
    }

    // The providers of the cluster (the default cluster when none is named), else every provider of the account.
    private async Task<IReadOnlyList<EcsListedName>> CapacityProvidersAsync(string? cluster, CancellationToken cancellationToken)
    {
        var clusters = await DescribeClustersAsync(new DescribeClustersRequest { Clusters = [cluster ?? "default"] }, cancellationToken).ConfigureAwait(false);
        var names = clusters.Clusters?.FirstOrDefault()?.CapacityProviders ?? [];
        if (names.Count == 0)
        {
            var all = new List<string>();
            string? next = null;
            for (var page = 0; page < MaxListPages; page++)
            {
                var response = await DescribeCapacityProvidersAsync(new DescribeCapacityProvidersRequest { NextToken = next }, cancellationToken).ConfigureAwait(false);
                all.AddRange((response.CapacityProviders ?? []).Select(p => p.Name).OfType<string>());
                next = response.NextToken;
                if (string.IsNullOrEmpty(next))
                {
                    break;
                }
            }

            names = all;
        }

        return names.Distinct(StringComparer.Ordinal).Select(n => new EcsListedName(n)).ToList();
    }

    private static string LastSegment(string arn)
    {
        var slash = arn.LastIndexOf('/');
        return slash >= 0 ? arn[(slash + 1)..] : arn;
    }

    private static List<EcsListedName> ByName(IEnumerable<string> arns) =>
        arns.Select(a => new EcsListedName(LastSegment(a), a)).OrderBy(i => i.Name, StringComparer.OrdinalIgnoreCase).ToList();

    private static async Task<List<string>> PagesAsync(Func<string?, Task<(List<string>? Items, string? NextToken)>> page)
    {
        var all = new List<string>();
        string? next = null;
        for (var i = 0; i < MaxListPages; i++)
        {
            var (items, token) = await page(next).ConfigureAwait(false);
            all.AddRange(items ?? []);
            next = token;
            if (string.IsNullOrEmpty(next))
            {
                break;
            }
        }

        return all;
    }
}
