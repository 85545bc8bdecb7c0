using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;
using EcsTools.Engine.Listing;

namespace EcsTools.Completion;

/// <summary>Completes service names of the -Cluster on the line (ListServices).</summary>
public sealed class ServiceCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(
        string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
        CompletionRunner.Complete(commandName, wordToComplete, fakeBoundParameters, session =>
        {
            var cluster = session.Text("Cluster");
            return ("services|" + cluster, EcsListing.Of(new EcsListQuery(EcsListKind.Services, cluster)));
        });
}
