using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using EcsTools.Engine.Logs;

namespace EcsTools.Completion;

/// <summary>Completes the container names of the task on the line (DescribeTasks, then its task definition's containers).</summary>
public sealed class ContainerCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(
        string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
        CompletionRunner.Complete(commandName, wordToComplete, fakeBoundParameters, session =>
        {
            var cluster = session.Text("Cluster");
            if (session.Text("Task") is not { } task)
            {
                return null;
            }

            return ("containers|" + cluster + "|" + task, async (connection, cancellationToken) =>
                (IReadOnlyList<CompletionItem>)(await TaskLogLocator.ContainerNamesAsync(connection, cluster, task, cancellationToken).ConfigureAwait(false))
                    .Select(n => new CompletionItem(n, null, $"Container {n}")).ToList());
        });
}
