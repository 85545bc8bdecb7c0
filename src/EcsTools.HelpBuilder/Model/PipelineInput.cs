using System;
using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace EcsTools.HelpBuilder;

/// <summary>
/// The <c>Accept pipeline input</c> value of a parameter: <c>False</c>, <c>True (ByValue)</c>,
/// <c>True (ByPropertyName)</c> or <c>True (ByValue, ByPropertyName)</c> (either order).
/// </summary>
/// <param name="Text">The value exactly as written in the page.</param>
/// <param name="ByValue">Whether the parameter binds whole pipeline objects.</param>
/// <param name="ByPropertyName">Whether the parameter binds a property of pipeline objects.</param>
public sealed partial record PipelineInput(string Text, bool ByValue, bool ByPropertyName)
{
    /// <summary>Whether the parameter takes pipeline input at all.</summary>
    public bool Accepts => ByValue || ByPropertyName;

    /// <summary>Parses the text platyPS writes; false for anything else.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out PipelineInput? value)
    {
        value = null;
        if (text is null)
        {
            return false;
        }

        string trimmed = text.Trim();
        if (trimmed.Equals("False", StringComparison.OrdinalIgnoreCase))
        {
            value = new PipelineInput(trimmed, false, false);
            return true;
        }

        Match match = TrueForm().Match(trimmed);
        if (!match.Success)
        {
            return false;
        }

        bool byValue = false;
        bool byPropertyName = false;
        foreach (string part in match.Groups["kinds"].Value.Split(','))
        {
            string kind = part.Trim();
            if (kind.Equals("ByValue", StringComparison.OrdinalIgnoreCase) && !byValue)
            {
                byValue = true;
            }
            else if (kind.Equals("ByPropertyName", StringComparison.OrdinalIgnoreCase) && !byPropertyName)
            {
                byPropertyName = true;
            }
            else
            {
                return false;
            }
        }

        value = new PipelineInput(trimmed, byValue, byPropertyName);
        return true;
    }

    [GeneratedRegex(@"^True\s*\((?<kinds>[^)]*)\)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TrueForm();
}
