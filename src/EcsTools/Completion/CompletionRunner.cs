using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using EcsTools.Engine;
using EcsTools.Waiting;

namespace EcsTools.Completion;

/// <summary>
/// Runs a live completion: settings from the command line, the connection the command would use, one cached call,
/// then the values that match the word. Answers within <see cref="Budget"/> or gives up quietly: nothing a completer
/// does may show an error at the prompt. The budget runs on the clock of the line's endpoint (<see cref="WaitClock"/>:
/// the system's, or a test's).
/// </summary>
internal static class CompletionRunner
{
    public static readonly TimeSpan Budget = TimeSpan.FromSeconds(2);

    private static readonly char[] s_quoteNeeded = [' ', '\t', '$', '`', '\'', '"', ';', ',', '(', ')', '{', '}', '|', '&', '@', '#', '<', '>'];

    public delegate Task<IReadOnlyList<CompletionItem>> Fetch(EcsConnection connection, CancellationToken cancellationToken);

    /// <summary>
    /// Completes <paramref name="wordToComplete"/> from the items of <paramref name="call"/> (the cache key, e.g.
    /// "services|demo"), which <paramref name="fetch"/> lists. <paramref name="scope"/> picks the call from the line.
    /// </summary>
    public static IEnumerable<CompletionResult> Complete(
        string commandName,
        string wordToComplete,
        IDictionary fakeBoundParameters,
        Func<CompletionSession, (string Call, Fetch Fetch)?> scope,
        Func<CompletionItem, string>? completionText = null)
    {
        try
        {
            var session = CompletionSession.Capture(commandName, fakeBoundParameters);
            if (scope(session) is not { } target)
            {
                return [];
            }

            // The fetch runs on its own (CompletionCache); the prompt's thread sleeps on it for the budget at most.
            // Off the prompt's thread from the start: resolving the connection reads profile files and may ask instance
            // metadata for the region, synchronously, and the budget must bound that too.
            var time = WaitClock.For(session.Settings.EndpointUrl ?? "");
            using var expiry = new CancellationTokenSource();
            var budget = Task.Delay(Budget, time, expiry.Token);
            var lookup = Task.Run(() => CompletionCache.GetAsync(EcsConnectionCache.Get(session.Settings), target.Call, target.Fetch));
            SyncBridge.Wait(Task.WhenAny(lookup, budget), Timeout.InfiniteTimeSpan);
            expiry.Cancel();
            if (!lookup.IsCompletedSuccessfully)
            {
                return [];
            }

            return Match(SyncBridge.Block(lookup), wordToComplete, completionText);
        }
#pragma warning disable CA1031 // A completer must never surface an error at the prompt.
        catch (Exception)
#pragma warning restore CA1031
        {
            return [];
        }
    }

    /// <summary>The items whose name (or ARN, for a word that starts with "arn:") starts with the word, quoted like the word.</summary>
    public static IEnumerable<CompletionResult> Match(IEnumerable<CompletionItem> items, string? wordToComplete, Func<CompletionItem, string>? completionText = null)
    {
        var word = wordToComplete ?? "";
        var quote = word.Length > 0 && word[0] is '\'' or '"' ? word[0] : (char?)null;
        var prefix = quote is null ? word : word[1..].TrimEnd(quote.Value);
        var byArn = prefix.StartsWith("arn:", StringComparison.OrdinalIgnoreCase);
        var pattern = WildcardPattern.Get(prefix + "*", WildcardOptions.IgnoreCase);
        var results = new List<CompletionResult>();
        foreach (var item in items)
        {
            var value = byArn ? item.Arn : item.Name;
            if (string.IsNullOrEmpty(value) || !pattern.IsMatch(value))
            {
                continue;
            }

            var text = byArn || completionText is null ? Quote(value, quote) : completionText(item);
            results.Add(new CompletionResult(text, item.Name, CompletionResultType.ParameterValue, item.ToolTip ?? item.Arn ?? item.Name));
        }

        return results;
    }

    private static string Quote(string value, char? quote) =>
        quote is { } q ? q + value.Replace(q.ToString(), new string(q, 2), StringComparison.Ordinal) + q
        : value.IndexOfAny(s_quoteNeeded) >= 0 ? "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'"
        : value;
}
