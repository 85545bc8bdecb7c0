using System;
using System.Collections.Generic;
using System.Linq;

namespace EcsTools.HelpBuilder.Update;

/// <summary>
/// A platyPS page cut into the pieces the updater keeps verbatim: the front matter, the raw markdown of each <c>##</c>
/// section, and of each parameter's description (what comes before its <c>```yaml</c> blocks) with its default value.
/// Headings inside fenced code are not headings. Line endings become LF.
/// </summary>
public sealed class DocsPageText
{
    private DocsPageText()
    {
    }

    /// <summary>The front matter, in page order.</summary>
    public List<KeyValuePair<string, string>> FrontMatter { get; } = [];

    /// <summary>The <c>#</c> heading's text, or null.</summary>
    public string? Title { get; private set; }

    /// <summary>The <c>##</c> sections in page order: heading text and body lines (blank lines at both ends dropped).</summary>
    public List<(string Name, List<string> Lines)> Sections { get; } = [];

    /// <summary>Per parameter heading (<c>### -Name</c>, name without the dash): description lines and the first yaml block's default value.</summary>
    public Dictionary<string, (List<string> Description, string? DefaultValue)> Parameters { get; } = new(StringComparer.OrdinalIgnoreCase);

    public static DocsPageText Parse(string? text)
    {
        var page = new DocsPageText();
        if (text is null)
        {
            return page;
        }

        var lines = text.TrimStart('\uFEFF').Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').ToList();
        var start = 0;
        if (lines.Count > 0 && lines[0].TrimEnd() == "---")
        {
            var end = lines.FindIndex(1, l => l.TrimEnd() == "---");
            if (end > 0)
            {
                foreach (var line in lines.Skip(1).Take(end - 1).Where(l => l.Trim().Length > 0))
                {
                    var colon = line.IndexOf(':', StringComparison.Ordinal);
                    page.FrontMatter.Add(colon < 0
                        ? new(line.Trim(), string.Empty)
                        : new(line[..colon].Trim(), line[(colon + 1)..].Trim()));
                }

                start = end + 1;
            }
        }

        List<string>? current = null;
        var inFence = false;
        foreach (var line in lines.Skip(start))
        {
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                inFence = !inFence;
            }
            else if (!inFence && line.StartsWith("# ", StringComparison.Ordinal) && page.Title is null && current is null)
            {
                page.Title = line[2..].Trim();
                continue;
            }
            else if (!inFence && line.StartsWith("## ", StringComparison.Ordinal))
            {
                current = [];
                page.Sections.Add((line[3..].Trim(), current));
                continue;
            }

            current?.Add(line);
        }

        foreach (var section in page.Sections)
        {
            Trim(section.Lines);
        }

        page.ReadParameters();
        return page;
    }

    /// <summary>The body of a section (case-insensitive), or null when the page does not have it.</summary>
    public List<string>? Section(string name) =>
        Sections.FirstOrDefault(s => s.Name.Equals(name, StringComparison.OrdinalIgnoreCase)).Lines;

    /// <summary>Drops blank lines at both ends.</summary>
    public static List<string> Trim(List<string> lines)
    {
        while (lines.Count > 0 && lines[^1].Trim().Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        while (lines.Count > 0 && lines[0].Trim().Length == 0)
        {
            lines.RemoveAt(0);
        }

        return lines;
    }

    private void ReadParameters()
    {
        var body = Section("PARAMETERS");
        if (body is null)
        {
            return;
        }

        string? name = null;
        List<string>? description = null;
        string? defaultValue = null;
        var inFence = false;
        var inYaml = false;
        var seenYaml = false;
        void Flush()
        {
            if (name is not null && description is not null)
            {
                Parameters[name] = (Trim(description), defaultValue);
            }
        }

        foreach (var line in body)
        {
            var trimmed = line.TrimStart();
            if (!inFence && line.StartsWith("### ", StringComparison.Ordinal))
            {
                Flush();
                var heading = line[4..].Trim();
                name = heading.StartsWith('-') ? heading[1..] : null;
                description = [];
                defaultValue = null;
                seenYaml = false;
                continue;
            }

            if (trimmed.StartsWith("```", StringComparison.Ordinal))
            {
                inFence = !inFence;
                inYaml = inFence && trimmed[3..].Trim().Equals("yaml", StringComparison.OrdinalIgnoreCase);
                seenYaml |= inYaml;
                if (seenYaml)
                {
                    continue;
                }
            }
            else if (inYaml && defaultValue is null && trimmed.StartsWith("Default value:", StringComparison.OrdinalIgnoreCase))
            {
                defaultValue = trimmed["Default value:".Length..].Trim();
            }

            if (!seenYaml)
            {
                description?.Add(line);
            }
        }

        Flush();
    }
}
