using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;

namespace EcsTools.Input;

/// <summary>
/// What may stand where ECS takes a string (a tag key or value, an environment variable's name or value): text, a
/// character, a number, a boolean, an enum value or a GUID, written in the invariant culture; a date as ISO 8601.
/// Hashtables, arrays and other objects are refused rather than sent as their type name ("System.Collections.Hashtable").
/// </summary>
internal static class TextValue
{
    public static bool TryConvert(object? value, out string text)
    {
        var bare = value is PSObject ps ? ps.BaseObject : value;
        switch (bare)
        {
            case null:
                text = "";
                return true;
            case string s:
                text = s;
                return true;
            case char c:
                text = c.ToString();
                return true;
            case SwitchParameter sw:
                text = sw.IsPresent ? "True" : "False";
                return true;
            case DateTime dt:
                text = dt.ToString("o", CultureInfo.InvariantCulture);
                return true;
            case DateTimeOffset dto:
                text = dto.ToString("o", CultureInfo.InvariantCulture);
                return true;
            case bool or Enum or Guid or byte or sbyte or short or ushort or int or uint or long or ulong or float or double or decimal or System.Numerics.BigInteger:
                text = Convert.ToString(bare, CultureInfo.InvariantCulture) ?? "";
                return true;
            default:
                text = "";
                return false;
        }
    }

    /// <summary>"a hashtable", "an array", "an object of type X": what was given instead of text, for messages.</summary>
    public static string Describe(object? value)
    {
        var bare = value is PSObject ps ? ps.BaseObject : value;
        return bare switch
        {
            IDictionary => "a hashtable",
            PSCustomObject => "an object (PSCustomObject)",
            IEnumerable => "an array",
            ScriptBlock => "a script block",
            null => "nothing",
            _ => $"an object of type {bare.GetType().FullName}",
        };
    }

    /// <summary>A dictionary's entries in a stable order: by key as text, ordinal. Requests built from it are the same in every process.</summary>
    public static IEnumerable<DictionaryEntry> Sorted(IDictionary dictionary) =>
        dictionary.Cast<DictionaryEntry>()
            .OrderBy(e => Convert.ToString(e.Key is PSObject pk ? pk.BaseObject : e.Key, CultureInfo.InvariantCulture) ?? "", StringComparer.Ordinal)
            .ThenBy(e => (e.Key is PSObject pk ? pk.BaseObject : e.Key)?.GetType().FullName, StringComparer.Ordinal) // 1 and '1' both read "1"
            .ToList();

    /// <summary>At most <paramref name="max"/> characters of <paramref name="text"/>, with its length when cut, for messages.</summary>
    public static string Shorten(string text, int max = 64)
    {
        if (text.Length <= max)
        {
            return text;
        }

        var cut = char.IsHighSurrogate(text[max - 1]) ? max - 1 : max;
        return $"{text[..cut]}... ({text.Length.ToString(CultureInfo.InvariantCulture)} characters)";
    }
}
