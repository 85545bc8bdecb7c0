using System;
using System.Collections;
using System.Management.Automation;
using EcsTools.Input;

namespace EcsTools.Session;

/// <summary>Reads $PSDefaultParameterValues the way PowerShell applies it: "Command:Parameter" keys, wildcards in the command part.</summary>
internal static class DefaultParameterValues
{
    /// <summary>The first entry that applies to this command and parameter (a script block value is skipped: it needs a binding).</summary>
    public static (string Key, object? Value)? Find(IDictionary? table, string commandName, string parameterName)
    {
        if (table is null || IsDisabled(table))
        {
            return null;
        }

        foreach (DictionaryEntry entry in table)
        {
            if (entry.Key is not string key || entry.Value is ScriptBlock)
            {
                continue;
            }

            var colon = key.LastIndexOf(':');
            if (colon <= 0
                || !string.Equals(key[(colon + 1)..].Trim(), parameterName, StringComparison.OrdinalIgnoreCase)
                || !WildcardPattern.Get(key[..colon].Trim(), WildcardOptions.IgnoreCase).IsMatch(commandName))
            {
                continue;
            }

            return (key, entry.Value is PSObject wrapped ? wrapped.BaseObject : entry.Value);
        }

        return null;
    }

    /// <summary>"-Region", or "$PSDefaultParameterValues['*-Ecs*:Region']" when the bound value is the one that table gives.</summary>
    public static string Origin(IDictionary? table, string commandName, string parameterName, object? boundValue)
    {
        if (Find(table, commandName, parameterName) is { } entry && SameValue(entry.Value, boundValue))
        {
            return $"$PSDefaultParameterValues['{entry.Key}']";
        }

        return "-" + parameterName;
    }

    private static bool SameValue(object? fromTable, object? bound) =>
        ReferenceEquals(fromTable, bound)
        || (bound is TimeSpan span && fromTable is not null && SameTimeSpan(fromTable, span))
        || (fromTable is not null && bound is not null
            && string.Equals(LanguagePrimitives.ConvertTo<string>(fromTable), LanguagePrimitives.ConvertTo<string>(bound), StringComparison.Ordinal));

    // A TimeSpan parameter binds seconds (7) or a TimeSpan: compare what the table holds as the parameter reads it.
    private static bool SameTimeSpan(object fromTable, TimeSpan bound)
    {
        try
        {
            return new Input.TimeSpanArgumentAttribute().Transform(null!, fromTable) is TimeSpan span && span == bound;
        }
        catch (ArgumentTransformationMetadataException)
        {
            return false;
        }
    }

    private static bool IsDisabled(IDictionary table) =>
        table.Contains("Disabled") && LanguagePrimitives.IsTrue(table["Disabled"]);
}
