using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;
using EcsTools.Engine.Listing;

namespace EcsTools.Completion;

/// <summary>Completes the task set ids of the -Cluster and -Service on the line (DescribeTaskSets).</summary>
public sealed class TaskSetCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(
        string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
        CompletionRunner.Complete(commandName, wordToComplete, fakeBoundParameters, session =>
            session.Text("Cluster") is { } cluster && session.Text("Service") is { } service
                ? ($"task-sets|{cluster}|{service}", EcsListing.Of(new EcsListQuery(EcsListKind.TaskSets, cluster, service)))
                : null);
}
