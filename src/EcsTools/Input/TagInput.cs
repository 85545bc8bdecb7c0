using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Text.RegularExpressions;
using EcsTools.Engine.Model;

namespace EcsTools.Input;

/// <summary>
/// -Tag: a hashtable of key = value pairs (@{team='web'; env='prod'}), or objects with Key and Value (EcsTag, AWS.Tools'
/// Amazon.ECS.Model.Tag, @{Key='team'; Value='web'}). Checked against the ECS tag rules before anything is sent.
/// </summary>
internal static partial class TagInput
{
    public const int MaxTags = 50;
    public const int MaxKeyLength = 128;
    public const int MaxValueLength = 256;

    public static List<Tag> Read(object[]? items)
    {
        var tags = new List<Tag>();
        foreach (var raw in items ?? [])
        {
            var item = raw is PSObject ps && ps.BaseObject is not PSCustomObject ? ps.BaseObject : raw;
            switch (item)
            {
                case null:
                    continue;
                case IDictionary dictionary when IsKeyValuePair(dictionary):
                    tags.Add(FromKeyValue(dictionary["Key"] ?? Find(dictionary, "Key"), Find(dictionary, "Value")));
                    break;
                case IDictionary dictionary:
                    foreach (DictionaryEntry entry in dictionary)
                    {
                        tags.Add(FromKeyValue(entry.Key, entry.Value));
                    }

                    break;
                case string text when text.Contains('=', StringComparison.Ordinal):
                    var equals = text.IndexOf('=', StringComparison.Ordinal);
                    tags.Add(FromKeyValue(text[..equals], text[(equals + 1)..]));
                    break;
                default:
                    var properties = PSObject.AsPSObject(item).Properties;
                    var key = properties["Key"]?.Value;
                    if (key is null)
                    {
                        throw new InputValidationException(
                            "InvalidTag",
                            $"-Tag: '{item}' is neither a hashtable nor an object with Key and Value properties.",
                            "Pass -Tag @{team='web'; env='prod'} or objects with Key and Value.",
                            item);
                    }

                    tags.Add(FromKeyValue(key, properties["Value"]?.Value));
                    break;
            }
        }

        Validate(tags);
        return tags;
    }

    public static void Validate(IReadOnlyCollection<Tag> tags)
    {
        if (tags.Count > MaxTags)
        {
            throw new InputValidationException("TooManyTags", $"-Tag: {tags.Count} tags given; ECS allows at most {MaxTags} per resource.",
                $"Pass at most {MaxTags} tags.", tags.Count);
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var tag in tags)
        {
            var key = tag.Key ?? "";
            if (key.Length is 0 or > MaxKeyLength || !Allowed().IsMatch(key))
            {
                throw new InputValidationException("InvalidTagKey",
                    $"-Tag: the key '{key}' is not a valid ECS tag key: 1 to {MaxKeyLength} characters of letters, digits, spaces and _ . : / = + - @.",
                    "Change the tag key.", key);
            }

            if (key.StartsWith("aws:", StringComparison.OrdinalIgnoreCase))
            {
                throw new InputValidationException("ReservedTagKey", $"-Tag: the key '{key}' uses the prefix 'aws:', which AWS reserves for its own tags.",
                    "Choose a key that does not start with 'aws:'.", key);
            }

            var value = tag.Value ?? "";
            if (value.Length > MaxValueLength || !Allowed().IsMatch(value))
            {
                throw new InputValidationException("InvalidTagValue",
                    $"-Tag: the value of '{key}' is not a valid ECS tag value: 0 to {MaxValueLength} characters of letters, digits, spaces and _ . : / = + - @.",
                    "Change the tag value.", key);
            }

            if (!seen.Add(key))
            {
                throw new InputValidationException("DuplicateTagKey", $"-Tag: the key '{key}' is given more than once; tag keys must be unique.",
                    "Give each tag key once.", key);
            }
        }
    }

    private static Tag FromKeyValue(object? key, object? value) => new()
    {
        Key = Convert.ToString(key is PSObject pk ? pk.BaseObject : key, CultureInfo.InvariantCulture) ?? "",
        Value = Convert.ToString(value is PSObject pv ? pv.BaseObject : value, CultureInfo.InvariantCulture) ?? "",
    };

    private static bool IsKeyValuePair(IDictionary dictionary) =>
        dictionary.Count is 1 or 2 && dictionary.Keys.Cast<object>().All(k =>
            string.Equals(k as string, "Key", StringComparison.OrdinalIgnoreCase) || string.Equals(k as string, "Value", StringComparison.OrdinalIgnoreCase))
        && dictionary.Keys.Cast<object>().Any(k => string.Equals(k as string, "Key", StringComparison.OrdinalIgnoreCase));

    private static object? Find(IDictionary dictionary, string name)
    {
        foreach (DictionaryEntry entry in dictionary)
        {
            if (string.Equals(entry.Key as string, name, StringComparison.OrdinalIgnoreCase))
            {
                return entry.Value;
            }
        }

        return null;
    }

    [GeneratedRegex(@"^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$")]
    private static partial Regex Allowed();
}
