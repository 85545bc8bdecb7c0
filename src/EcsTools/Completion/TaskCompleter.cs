using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;
using EcsTools.Engine.Listing;

namespace EcsTools.Completion;

/// <summary>Completes the ids of the running tasks of the -Cluster on the line (ListTasks).</summary>
public sealed class TaskCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(
        string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
        CompletionRunner.Complete(commandName, wordToComplete, fakeBoundParameters, session =>
        {
            var cluster = session.Text("Cluster");
            return ("tasks|" + cluster, EcsListing.Of(new EcsListQuery(EcsListKind.Tasks, cluster)));
        });
}
