using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace EcsTools.HelpBuilder.Parsing;

/// <summary>
/// A parameter's <c>```yaml</c> block. Like platyPS, it is read as plain "Key: value" lines, not as YAML:
/// values such as <c>Default value: [string]::Empty</c> or <c>@{}</c> are kept as written.
/// </summary>
internal static class ParameterYamlReader
{
    public const string Type = "Type";
    public const string ParameterSets = "Parameter Sets";
    public const string Aliases = "Aliases";
    public const string AcceptedValues = "Accepted values";
    public const string Applicable = "Applicable";
    public const string Required = "Required";
    public const string Position = "Position";
    public const string DefaultValue = "Default value";
    public const string AcceptPipelineInput = "Accept pipeline input";
    public const string AcceptWildcardCharacters = "Accept wildcard characters";

    private static readonly string[] s_knownKeys =
    [
        Type, ParameterSets, Aliases, AcceptedValues, Applicable, Required, Position, DefaultValue,
        AcceptPipelineInput, AcceptWildcardCharacters,
    ];

    private static readonly string[] s_requiredKeys =
    [
        Type, ParameterSets, Required, Position, AcceptPipelineInput, AcceptWildcardCharacters,
    ];

    /// <summary>Key to (value, 1-based line).</summary>
    public static Dictionary<string, (string Value, int Line)> Read(string code, int fenceLine, string path)
    {
        var pairs = new Dictionary<string, (string Value, int Line)>(StringComparer.OrdinalIgnoreCase);
        string[] lines = code.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            string text = lines[i].TrimEnd('\r');
            int line = fenceLine + 1 + i;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            int colon = text.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                throw new HelpFormatException(path, line, $"Invalid parameter metadata '{text.Trim()}': expected 'Key: value'.");
            }

            string written = text[..colon].Trim();
            string? key = s_knownKeys.FirstOrDefault(k => k.Equals(written, StringComparison.OrdinalIgnoreCase));
            if (key is null)
            {
                throw new HelpFormatException(path, line, $"Unknown parameter metadata key '{written}'; the platyPS keys are: {string.Join(", ", s_knownKeys)}.");
            }

            if (!pairs.TryAdd(key, (text[(colon + 1)..].Trim(), line)))
            {
                throw new HelpFormatException(path, line, $"Duplicate parameter metadata key '{key}'.");
            }
        }

        string? missing = s_requiredKeys.FirstOrDefault(k => !pairs.ContainsKey(k));
        if (missing is not null)
        {
            throw new HelpFormatException(path, fenceLine, $"The parameter metadata lacks '{missing}:'.");
        }

        return pairs;
    }

    /// <summary>A comma-separated list, empty entries dropped.</summary>
    public static List<string> SplitList(string value) =>
        value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    public static bool ParseBool(Dictionary<string, (string Value, int Line)> pairs, string key, string path)
    {
        (string value, int line) = pairs[key];
        if (value.Equals("True", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (value.Equals("False", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        throw new HelpFormatException(path, line, $"'{key}' must be True or False, not '{value}'.");
    }

    public static string ParsePosition(Dictionary<string, (string Value, int Line)> pairs, string path)
    {
        (string value, int line) = pairs[Position];
        if (value.Equals("Named", StringComparison.OrdinalIgnoreCase))
        {
            return "Named";
        }

        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            return value;
        }

        throw new HelpFormatException(path, line, $"'Position' must be Named or a number, not '{value}'.");
    }

    public static PipelineInput ParsePipelineInput(Dictionary<string, (string Value, int Line)> pairs, string path)
    {
        (string value, int line) = pairs[AcceptPipelineInput];
        if (PipelineInput.TryParse(value, out PipelineInput? input))
        {
            return input;
        }

        throw new HelpFormatException(path, line, $"'Accept pipeline input' must be False or True (ByValue), True (ByPropertyName), True (ByValue, ByPropertyName); not '{value}'.");
    }
}
