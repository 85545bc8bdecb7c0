using System;
using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;
using System.Management.Automation.Language;

namespace EcsTools.Tour.Hosting;

/// <summary>
/// The script's invocation with its arguments as pwsh -File passes them: <c>-Name</c> is a parameter name (PowerShell's
/// binder gives it the next argument unless it is a switch), <c>-Name:value</c> a parameter with its value (true and
/// false for switches), and anything else, negative numbers included, a string argument, never evaluated.
/// </summary>
internal static partial class ScriptArguments
{
    public static string Invocation(string script, IEnumerable<string> arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var text = new StringBuilder("& ").Append(Quote(script));
        foreach (var argument in arguments)
        {
            text.Append(' ');
            var parameter = ParameterPattern().Match(argument);
            if (!parameter.Success)
            {
                text.Append(Quote(argument));
                continue;
            }

            text.Append('-').Append(parameter.Groups["name"].Value);
            if (parameter.Groups["value"] is { Success: true } value)
            {
                text.Append(':').Append(value.Value.ToUpperInvariant() switch
                {
                    "TRUE" or "$TRUE" => "$true",
                    "FALSE" or "$FALSE" => "$false",
                    _ => Quote(value.Value),
                });
            }
        }

        return text.ToString();
    }

    private static string Quote(string value) => "'" + CodeGeneration.EscapeSingleQuotedStringContent(value) + "'";

    [GeneratedRegex(@"^-(?<name>[A-Za-z_][A-Za-z0-9_]*)(?::(?<value>.*))?$", RegexOptions.Singleline)]
    private static partial Regex ParameterPattern();
}
