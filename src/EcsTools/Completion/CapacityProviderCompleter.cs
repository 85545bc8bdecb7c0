using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace EcsTools.Completion;

/// <summary>
/// Completes the capacity providers of the -Cluster on the line (DescribeClusters; the account's, from
/// DescribeCapacityProviders, when the cluster has none). For -CapacityProviderStrategy, a bare word completes to a
/// strategy item, <c>@{CapacityProvider='FARGATE_SPOT'; Weight=1}</c>; inside such a hashtable, to the name.
/// </summary>
public sealed class CapacityProviderCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(
        string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        Func<CompletionItem, string>? asStrategyItem = IsStrategy(parameterName) && !InsideHashtable(commandAst, parameterName)
            ? item => $"@{{CapacityProvider='{item.Name}'; Weight=1}}"
            : null;
        return CompletionRunner.Complete(commandName, wordToComplete ?? "", fakeBoundParameters, session =>
        {
            var cluster = session.Text("Cluster");
            return ("capacity-providers|" + cluster, (connection, cancellationToken) => EcsListing.CapacityProvidersAsync(connection, cluster, cancellationToken));
        }, asStrategyItem);
    }

    private static bool IsStrategy(string parameterName) =>
        parameterName.EndsWith("Strategy", StringComparison.OrdinalIgnoreCase);

    // The argument of the parameter already is (or starts with) a hashtable: the word being completed is inside it.
    private static bool InsideHashtable(CommandAst? commandAst, string parameterName)
    {
        var elements = commandAst?.CommandElements;
        if (elements is null)
        {
            return false;
        }

        for (var i = 0; i < elements.Count - 1; i++)
        {
            if (elements[i] is CommandParameterAst parameter
                && parameterName.StartsWith(parameter.ParameterName, StringComparison.OrdinalIgnoreCase))
            {
                var argument = parameter.Argument ?? elements[i + 1];
                return argument.FindAll(a => a is HashtableAst, searchNestedScriptBlocks: false).Any();
            }
        }

        return false;
    }
}
