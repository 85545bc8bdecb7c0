using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;
using EcsTools.Engine.Listing;

namespace EcsTools.Completion;

/// <summary>
/// Completes task definition families (ListTaskDefinitionFamilies, ACTIVE), and after a colon the family's revisions,
/// newest first (ListTaskDefinitions). For a -Family parameter, families only.
/// </summary>
public sealed class TaskDefinitionCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(
        string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var word = (wordToComplete ?? "").Trim('\'', '"');
        var colon = word.IndexOf(':', StringComparison.Ordinal);
        var revisions = colon > 0 && !word.StartsWith("arn:", StringComparison.OrdinalIgnoreCase)
            && !string.Equals(parameterName, "Family", StringComparison.OrdinalIgnoreCase);
        var family = revisions ? word[..colon] : null;
        return CompletionRunner.Complete(commandName, wordToComplete ?? "", fakeBoundParameters, _ => family is null
            ? ("families", EcsListing.Of(new EcsListQuery(EcsListKind.TaskDefinitionFamilies)))
            : ("revisions|" + family, EcsListing.Of(new EcsListQuery(EcsListKind.TaskDefinitionRevisions, Family: family))));
    }
}
