using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace EcsTools.HelpBuilder.Update;

/// <summary>
/// Writes a cmdlet page the way platyPS's Update-MarkdownHelp -AlphabeticParamsOrder does: SYNTAX and the PARAMETERS
/// entries (headings, yaml blocks, CommonParameters) come from the module's metadata; the front matter values, the
/// prose of every other section and each parameter's description and default value are kept as written. What a new
/// page or a new parameter lacks gets platyPS's <c>{{ ... }}</c> placeholders, which the help build refuses until
/// someone writes the text.
/// </summary>
public static class DocsPageWriter
{
    public const string HelpFileName = "EcsTools.dll-Help.xml";

    public const string ModuleName = "EcsTools";

    /// <summary>platyPS's text for the common parameters (PowerShell 7.4 added -ProgressAction).</summary>
    public const string CommonParametersText =
        "This cmdlet supports the common parameters: -Debug, -ErrorAction, -ErrorVariable, -InformationAction, -InformationVariable, "
        + "-OutVariable, -OutBuffer, -PipelineVariable, -ProgressAction, -Verbose, -WarningAction, and -WarningVariable. For more "
        + "information, see [about_CommonParameters](http://go.microsoft.com/fwlink/?LinkID=113216).";

    private static readonly string[] s_sections = ["SYNOPSIS", "SYNTAX", "DESCRIPTION", "EXAMPLES", "PARAMETERS", "INPUTS", "OUTPUTS", "NOTES", "RELATED LINKS"];

    // platyPS's descriptions of the well-known parameters (its issue 211).
    private static readonly Dictionary<string, string> s_wellKnown = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Confirm"] = "Prompts you for confirmation before running the cmdlet.",
        ["WhatIf"] = "Shows what would happen if the cmdlet runs.\nThe cmdlet is not run.",
    };

    /// <summary>The page text.</summary>
    /// <param name="existing">The page as it is (empty for a new page).</param>
    /// <param name="command">The cmdlet's metadata.</param>
    /// <param name="describe">
    /// A parameter's description when the page has none (or, for shared parameters, always when it returns one): the
    /// canonical text of the shared parameters, or the property's doc comment.
    /// </param>
    public static string Write(DocsPageText existing, DocsCommandMetadata command, Func<DocsParameterMetadata, bool, string?> describe)
    {
        ArgumentNullException.ThrowIfNull(existing);
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(describe);
        var sb = new StringBuilder();
        WriteFrontMatter(sb, existing);
        sb.Append("# ").Append(command.Name).Append("\n\n");
        foreach (var name in s_sections)
        {
            var body = name switch
            {
                "SYNTAX" => Syntax(command),
                "PARAMETERS" => Parameters(existing, command, describe),
                _ => existing.Section(name) ?? NewSection(name, command),
            };
            var textSection = name is "SYNOPSIS" or "DESCRIPTION" or "NOTES";
            sb.Append("## ").Append(name).Append('\n');
            if (body.Count > 0 && !textSection)
            {
                sb.Append('\n');
            }

            foreach (var line in body)
            {
                sb.Append(line.TrimEnd()).Append('\n');
            }

            sb.Append('\n');
        }

        // Sections platyPS does not know are kept, for the help build to point at.
        foreach (var (name, lines) in existing.Sections.Where(s => !s_sections.Contains(s.Name, StringComparer.OrdinalIgnoreCase)))
        {
            sb.Append("## ").Append(name).Append("\n\n").Append(string.Join("\n", lines)).Append("\n\n");
        }

        return sb.ToString().TrimEnd('\n') + "\n";
    }

    private static void WriteFrontMatter(StringBuilder sb, DocsPageText existing)
    {
        var values = new SortedDictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in existing.FrontMatter)
        {
            values[key] = value;
        }

        values["external help file"] = HelpFileName;
        values["Module Name"] = ModuleName;
        values.TryAdd("online version", string.Empty);
        values["schema"] = "2.0.0";
        sb.Append("---\n");
        foreach (var (key, value) in values)
        {
            sb.Append(key).Append(':').Append(value.Length > 0 ? " " + value : string.Empty).Append('\n');
        }

        sb.Append("---\n\n");
    }

    private static List<string> Syntax(DocsCommandMetadata command)
    {
        var lines = new List<string>();
        foreach (var (name, isDefault, _) in command.Sets)
        {
            if (!command.IsSingleSet)
            {
                lines.Add("### " + name + (isDefault ? " (Default)" : string.Empty));
            }

            lines.Add("```");
            lines.AddRange(command.Syntax(name).Split('\n'));
            lines.Add("```");
            lines.Add(string.Empty);
        }

        return DocsPageText.Trim(lines);
    }

    private static List<string> Parameters(DocsPageText existing, DocsCommandMetadata command, Func<DocsParameterMetadata, bool, string?> describe)
    {
        var lines = new List<string>();
        foreach (var parameter in command.Parameters)
        {
            var written = existing.Parameters.TryGetValue(parameter.Name, out var entry) && entry.Description.Count > 0 ? entry.Description : null;
            var description = describe(parameter, written is not null)?.Split('\n').ToList()
                ?? written
                ?? (s_wellKnown.TryGetValue(parameter.Name, out var known) ? known.Split('\n').ToList() : [$"{{{{ Fill {parameter.Name} Description }}}}"]);
            lines.Add("### -" + parameter.Name);
            lines.AddRange(description);
            lines.Add(string.Empty);
            var defaultValue = string.IsNullOrWhiteSpace(entry.DefaultValue) ? (parameter.IsSwitch ? "False" : "None") : entry.DefaultValue;
            foreach (var block in parameter.Blocks)
            {
                lines.Add("```yaml");
                lines.Add("Type: " + parameter.Type);
                lines.Add("Parameter Sets: " + string.Join(", ", block.ParameterSets));
                lines.Add("Aliases:" + (parameter.Aliases.Count > 0 ? " " + string.Join(", ", parameter.Aliases) : string.Empty));
                if (parameter.AcceptedValues.Count > 0)
                {
                    lines.Add("Accepted values: " + string.Join(", ", parameter.AcceptedValues));
                }

                lines.Add(string.Empty);
                lines.Add("Required: " + block.Required);
                lines.Add("Position: " + block.Position);
                lines.Add("Default value: " + defaultValue);
                lines.Add("Accept pipeline input: " + block.PipelineInput);
                lines.Add("Accept wildcard characters: " + parameter.SupportsWildcards);
                lines.Add("```");
                lines.Add(string.Empty);
            }
        }

        lines.Add("### CommonParameters");
        lines.Add(CommonParametersText);
        return lines;
    }

    private static List<string> NewSection(string name, DocsCommandMetadata command) => name switch
    {
        "SYNOPSIS" => ["{{ Fill in the Synopsis }}"],
        "DESCRIPTION" => ["{{ Fill in the Description }}"],
        "EXAMPLES" => ["### Example 1", "```powershell", "PS C:\\> {{ Add example code here }}", "```", string.Empty, "{{ Add example description here }}"],
        "INPUTS" => TypeEntries(command.Sets.SelectMany(s => s.Parameters)
            .Where(p => p.ValueFromPipeline || p.ValueFromPipelineByPropertyName)
            .Select(p => p.ParameterType.FullName ?? p.ParameterType.Name)
            .DefaultIfEmpty("None")),
        "OUTPUTS" => TypeEntries(command.OutputTypes.DefaultIfEmpty("System.Object")),
        _ => [],
    };

    private static List<string> TypeEntries(IEnumerable<string> types) =>
        DocsPageText.Trim(types.Distinct(StringComparer.Ordinal)
            .SelectMany(t => new[] { "### " + t, "{{ Fill in the Description }}", string.Empty })
            .ToList());
}
