using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;
using EcsTools.Engine.Listing;

namespace EcsTools.Completion;

/// <summary>Completes what one engine listing of the -Cluster on the line gives (services, container instances, tasks).</summary>
/// <remarks>
/// No field of an engine type: PowerShell loads the completer types when it imports the module, before the engine's load
/// context can resolve the engine, and a field of an engine value type (an enum) would make it load the engine then.
/// </remarks>
public abstract class ClusterListingCompleter : IArgumentCompleter
{
    private readonly Func<string?, EcsListQuery> _query;
    private readonly string _call;

    private protected ClusterListingCompleter(Func<string?, EcsListQuery> query, string call)
    {
        _query = query;
        _call = call;
    }

    public IEnumerable<CompletionResult> CompleteArgument(
        string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
        CompletionRunner.Complete(commandName, wordToComplete, fakeBoundParameters, session =>
        {
            var cluster = session.Text("Cluster");
            return (_call + "|" + cluster, EcsListing.Of(_query(cluster)));
        });
}
