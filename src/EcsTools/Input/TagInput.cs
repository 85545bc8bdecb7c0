using System;
using System.Buffers;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Text;
using EcsTools.Engine;
using EcsTools.Engine.Tasks;
using EcsTools.Errors;

namespace EcsTools.Input;

/// <summary>
/// -Tag: a hashtable of key = value pairs (@{team='web'; env='prod'}), or objects with Key and Value (EcsTag, AWS.Tools'
/// Amazon.ECS.Model.Tag, @{Key='team'; Value='web'}). Checked against the ECS tag rules before anything is sent. A
/// hashtable's pairs are sent sorted by key (ordinal), so the same command makes the same request in every process.
/// </summary>
internal static class TagInput
{
    public const int MaxTags = 50;
    public const int MaxKeyLength = 128;
    public const int MaxValueLength = 256;

    public static List<ResourceTag> ReadTags(object[]? items)
    {
        var tags = new List<ResourceTag>();
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
                    foreach (var entry in TextValue.Sorted(dictionary))
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
                            ErrorIds.InvalidTag,
                            InputMessages.InvalidTag(TextValue.Shorten(item.ToString() ?? "")),
                            InputMessages.InvalidTagAction,
                            item);
                    }

                    tags.Add(FromKeyValue(key, properties["Value"]?.Value));
                    break;
            }
        }

        Validate(tags);
        return tags;
    }

    public static void Validate(IReadOnlyCollection<ResourceTag> tags)
    {
        if (tags.Count > MaxTags)
        {
            throw new InputValidationException(ErrorIds.TooManyTags, InputMessages.TooManyTags(tags.Count),
                InputMessages.TooManyTagsAction(), tags.Count);
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var tag in tags)
        {
            var key = tag.Key;
            if (!IsAllowed(key, 1, MaxKeyLength))
            {
                throw new InputValidationException(ErrorIds.InvalidTagKey,
                    InputMessages.InvalidTagKey(Show(key)),
                    InputMessages.InvalidTagKeyAction, key);
            }

            if (key.StartsWith("aws:", StringComparison.OrdinalIgnoreCase))
            {
                throw new InputValidationException(ErrorIds.ReservedTagKey, InputMessages.ReservedTagKey(Show(key)),
                    InputMessages.ReservedTagKeyAction, key);
            }

            var value = tag.Value;
            if (!IsAllowed(value, 0, MaxValueLength))
            {
                throw new InputValidationException(ErrorIds.InvalidTagValue,
                    InputMessages.InvalidTagValue(Show(key)),
                    InputMessages.InvalidTagValueAction, key);
            }

            if (!seen.Add(key))
            {
                throw new InputValidationException(ErrorIds.DuplicateTagKey, InputMessages.DuplicateTagKey(Show(key)),
                    InputMessages.DuplicateTagKeyAction, key);
            }
        }
    }

    /// <summary>
    /// The ECS pattern <c>[\p{L}\p{Z}\p{N}_.:/=+\-@]*</c> over the whole string, and its length limits counted in Unicode
    /// characters (code points), as ECS counts them: a letter outside the basic plane (a surrogate pair in .NET) is one
    /// letter. A lone surrogate, a control character or a trailing newline is refused.
    /// </summary>
    internal static bool IsAllowed(string text, int minLength, int maxLength)
    {
        var length = 0;
        var index = 0;
        while (index < text.Length)
        {
            if (Rune.DecodeFromUtf16(text.AsSpan(index), out var rune, out var consumed) != OperationStatus.Done || !IsAllowed(rune))
            {
                return false;
            }

            index += consumed;
            if (++length > maxLength)
            {
                return false;
            }
        }

        return length >= minLength;
    }

    private static bool IsAllowed(Rune rune) =>
        rune.Value is '_' or '.' or ':' or '/' or '=' or '+' or '-' or '@'
        || Rune.GetUnicodeCategory(rune) is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
            or UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
            or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber;

    /// <summary>Text for a message: control characters shown escaped (so a trailing newline is visible), long text cut.</summary>
    internal static string Show(string text)
    {
        var builder = new StringBuilder();
        foreach (var c in TextValue.Shorten(text))
        {
            _ = c switch
            {
                '\n' => builder.Append("\\n"),
                '\r' => builder.Append("\\r"),
                '\t' => builder.Append("\\t"),
                _ when char.IsControl(c) => builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}"),
                _ => builder.Append(c),
            };
        }

        return builder.ToString();
    }

    private static ResourceTag FromKeyValue(object? key, object? value)
    {
        if (key is null || !TextValue.TryConvert(key, out var keyText))
        {
            throw new InputValidationException(ErrorIds.InvalidTagKeyType,
                InputMessages.InvalidTagKeyType(TextValue.Describe(key)),
                InputMessages.InvalidTagKeyTypeAction, TextValue.Describe(key));
        }

        if (!TextValue.TryConvert(value, out var valueText))
        {
            throw new InputValidationException(ErrorIds.InvalidTagValueType,
                InputMessages.InvalidTagValueType(Show(keyText), TextValue.Describe(value)),
                InputMessages.InvalidTagValueTypeAction(Show(keyText)), keyText);
        }

        return new ResourceTag(keyText, valueText);
    }

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
}
