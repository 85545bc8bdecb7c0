using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;
using EcsTools.Engine.Listing;

namespace EcsTools.Completion;

/// <summary>Completes container instance ids of the -Cluster on the line (ListContainerInstances).</summary>
public sealed class ContainerInstanceCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(
        string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
        CompletionRunner.Complete(commandName, wordToComplete, fakeBoundParameters, session =>
        {
            var cluster = session.Text("Cluster");
            return ("container-instances|" + cluster, EcsListing.Of(new EcsListQuery(EcsListKind.ContainerInstances, cluster)));
        });
}
