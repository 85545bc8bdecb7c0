using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;
using EcsTools.Engine.Listing;

namespace EcsTools.Completion;

/// <summary>
/// Completes the capacity providers of the -Cluster on the line (DescribeClusters; the account's, from
/// DescribeCapacityProviders, when the cluster has none). For -CapacityProviderStrategy a word completes to a whole
/// strategy item, <c>@{CapacityProvider='FARGATE_SPOT'; Weight=1}</c>: PowerShell does not call argument completers
/// inside a hashtable literal, so the item is offered where the hashtable would start.
/// </summary>
public sealed class CapacityProviderCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(
        string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        Func<CompletionItem, string>? asStrategyItem = (parameterName ?? "").EndsWith("Strategy", StringComparison.OrdinalIgnoreCase)
            ? item => $"@{{CapacityProvider='{item.Name}'; Weight=1}}"
            : null;
        return CompletionRunner.Complete(commandName, wordToComplete ?? "", fakeBoundParameters, session =>
        {
            var cluster = session.Text("Cluster");
            return ("capacity-providers|" + cluster, EcsListing.Of(new EcsListQuery(EcsListKind.CapacityProviders, cluster)));
        }, asStrategyItem);
    }
}
