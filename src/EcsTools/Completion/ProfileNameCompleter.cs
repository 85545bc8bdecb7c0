using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using EcsTools.Engine;

namespace EcsTools.Completion;

/// <summary>Completes profile names from the shared config and credentials files (or -ProfileLocation's file). No network.</summary>
public sealed class ProfileNameCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(
        string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var location = fakeBoundParameters?["ProfileLocation"] switch
        {
            string text => text,
            PSObject { BaseObject: string text } => text,
            _ => null,
        };
        return CompletionRunner.Match(EcsProfiles.ListNames(location).Select(n => new CompletionItem(n, null, $"AWS profile {n}")), wordToComplete);
    }
}
