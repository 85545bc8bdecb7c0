using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EcsTools.Engine;
using EcsTools.Engine.Model;

namespace EcsTools.Completion;

/// <summary>The list calls behind completion: a few pages at most (completion is for people, who type a prefix next).</summary>
internal static class EcsListing
{
    private const int MaxPages = 10;

    public static async Task<IReadOnlyList<CompletionItem>> ClustersAsync(EcsConnection connection, CancellationToken cancellationToken)
    {
        var arns = await PagesAsync(async token =>
        {
            var r = await connection.ListClustersAsync(
                new ListClustersRequest { NextToken = token, MaxResults = 100 }, cancellationToken).ConfigureAwait(false);
            return (r.ClusterArns, r.NextToken);
        }).ConfigureAwait(false);
        return ByName(arns, LastSegment);
    }

    public static async Task<IReadOnlyList<CompletionItem>> ServicesAsync(EcsConnection connection, string? cluster, CancellationToken cancellationToken)
    {
        var arns = await PagesAsync(async token =>
        {
            var r = await connection.ListServicesAsync(
                new ListServicesRequest { Cluster = cluster, NextToken = token, MaxResults = 100 }, cancellationToken).ConfigureAwait(false);
            return (r.ServiceArns, r.NextToken);
        }).ConfigureAwait(false);
        return ByName(arns, LastSegment);
    }

    public static async Task<IReadOnlyList<CompletionItem>> FamiliesAsync(EcsConnection connection, CancellationToken cancellationToken)
    {
        var families = await PagesAsync(async token =>
        {
            var r = await connection.ListTaskDefinitionFamiliesAsync(
                new ListTaskDefinitionFamiliesRequest { Status = "ACTIVE", NextToken = token, MaxResults = 100 }, cancellationToken).ConfigureAwait(false);
            return (r.Families, r.NextToken);
        }).ConfigureAwait(false);
        return families.Distinct(StringComparer.Ordinal).Order(StringComparer.OrdinalIgnoreCase)
            .Select(f => new CompletionItem(f, null, $"Task definition family {f} (its latest ACTIVE revision)")).ToList();
    }

    /// <summary>family:revision of the family's ACTIVE revisions, newest first.</summary>
    public static async Task<IReadOnlyList<CompletionItem>> RevisionsAsync(EcsConnection connection, string family, CancellationToken cancellationToken)
    {
        var arns = await PagesAsync(async token =>
        {
            var r = await connection.ListTaskDefinitionsAsync(
                new ListTaskDefinitionsRequest { FamilyPrefix = family, Status = "ACTIVE", Sort = "DESC", NextToken = token, MaxResults = 100 },
                cancellationToken).ConfigureAwait(false);
            return (r.TaskDefinitionArns, r.NextToken);
        }).ConfigureAwait(false);
        return arns.Select(a => (Arn: a, Name: LastSegment(a)))
            .Where(d => d.Name.StartsWith(family + ":", StringComparison.Ordinal))
            .Select(d => new CompletionItem(d.Name, d.Arn))
            .ToList();
    }

    public static async Task<IReadOnlyList<CompletionItem>> ContainerInstancesAsync(EcsConnection connection, string? cluster, CancellationToken cancellationToken)
    {
        var arns = await PagesAsync(async token =>
        {
            var r = await connection.ListContainerInstancesAsync(
                new ListContainerInstancesRequest { Cluster = cluster, NextToken = token, MaxResults = 100 }, cancellationToken).ConfigureAwait(false);
            return (r.ContainerInstanceArns, r.NextToken);
        }).ConfigureAwait(false);
        return ByName(arns, LastSegment);
    }

    /// <summary>The cluster's running tasks (ListTasks' default filter).</summary>
    public static async Task<IReadOnlyList<CompletionItem>> TasksAsync(EcsConnection connection, string? cluster, CancellationToken cancellationToken)
    {
        var arns = await PagesAsync(async token =>
        {
            var r = await connection.ListTasksAsync(
                new ListTasksRequest { Cluster = cluster, NextToken = token, MaxResults = 100 }, cancellationToken).ConfigureAwait(false);
            return (r.TaskArns, r.NextToken);
        }).ConfigureAwait(false);
        return ByName(arns, LastSegment);
    }

    public static async Task<IReadOnlyList<CompletionItem>> TaskSetsAsync(EcsConnection connection, string cluster, string service, CancellationToken cancellationToken)
    {
        var response = await connection.DescribeTaskSetsAsync(new DescribeTaskSetsRequest { Cluster = cluster, Service = service }, cancellationToken)
            .ConfigureAwait(false);
        return (response.TaskSets ?? [])
            .Where(s => !string.IsNullOrEmpty(s.Id))
            .Select(s => new CompletionItem(s.Id!, s.TaskSetArn, $"{s.Id} {s.Status} {LastSegment(s.TaskDefinition ?? "")}".TrimEnd()))
            .ToList();
    }

    /// <summary>The providers of the cluster (the default cluster when none is named), else every provider of the account.</summary>
    public static async Task<IReadOnlyList<CompletionItem>> CapacityProvidersAsync(EcsConnection connection, string? cluster, CancellationToken cancellationToken)
    {
        var clusters = await connection.DescribeClustersAsync(new DescribeClustersRequest { Clusters = [cluster ?? "default"] }, cancellationToken)
            .ConfigureAwait(false);
        var names = clusters.Clusters?.FirstOrDefault()?.CapacityProviders ?? [];
        if (names.Count == 0)
        {
            var all = new List<string>();
            string? next = null;
            for (var page = 0; page < MaxPages; page++)
            {
                var response = await connection.DescribeCapacityProvidersAsync(new DescribeCapacityProvidersRequest { NextToken = next }, cancellationToken)
                    .ConfigureAwait(false);
                all.AddRange((response.CapacityProviders ?? []).Select(p => p.Name).OfType<string>());
                next = response.NextToken;
                if (string.IsNullOrEmpty(next))
                {
                    break;
                }
            }

            names = all;
        }

        return names.Distinct(StringComparer.Ordinal).Select(n => new CompletionItem(n, null, $"Capacity provider {n}")).ToList();
    }

    internal static string LastSegment(string arn)
    {
        var slash = arn.LastIndexOf('/');
        return slash >= 0 ? arn[(slash + 1)..] : arn;
    }

    private static List<CompletionItem> ByName(IEnumerable<string> arns, Func<string, string> name) =>
        arns.Select(a => new CompletionItem(name(a), a)).OrderBy(i => i.Name, StringComparer.OrdinalIgnoreCase).ToList();

    private static async Task<List<string>> PagesAsync(Func<string?, Task<(List<string>? Items, string? NextToken)>> page)
    {
        var all = new List<string>();
        string? next = null;
        for (var i = 0; i < MaxPages; i++)
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
