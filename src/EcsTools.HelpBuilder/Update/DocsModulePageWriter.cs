using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace EcsTools.HelpBuilder.Update;

/// <summary>
/// Writes the module page (docs/EcsTools.md) as platyPS's Update-MarkdownHelpModule -RefreshModulePage does: the
/// front matter from the manifest, the Description as written, and under <c>## EcsTools Cmdlets</c> one entry per
/// cmdlet with the first paragraph of its page's SYNOPSIS.
/// </summary>
public static class DocsModulePageWriter
{
    public static string Write(DocsPageText existing, Guid moduleGuid, string moduleVersion, string projectUri, IEnumerable<(string Name, DocsPageText Page)> cmdlets)
    {
        ArgumentNullException.ThrowIfNull(existing);
        ArgumentNullException.ThrowIfNull(cmdlets);
        var front = existing.FrontMatter.ToDictionary(p => p.Key, p => p.Value, StringComparer.OrdinalIgnoreCase);
        var sb = new StringBuilder("---\n");
        sb.Append("Module Name: ").Append(DocsPageWriter.ModuleName).Append('\n');
        sb.Append("Module Guid: ").Append(moduleGuid.ToString("D")).Append('\n');
        sb.Append("Download Help Link: ").Append(front.TryGetValue("Download Help Link", out var link) && !link.Contains("{{", StringComparison.Ordinal) ? link : projectUri).Append('\n');
        sb.Append("Help Version: ").Append(HelpVersion(moduleVersion)).Append('\n');
        sb.Append("Locale: ").Append(front.TryGetValue("Locale", out var locale) && locale.Length > 0 ? locale : "en-US").Append('\n');
        sb.Append("---\n\n");
        sb.Append("# ").Append(DocsPageWriter.ModuleName).Append(" Module\n");
        sb.Append("## Description\n");
        foreach (var line in existing.Section("Description") ?? ["{{ Fill in the Description }}"])
        {
            sb.Append(line.TrimEnd()).Append('\n');
        }

        sb.Append("\n## ").Append(DocsPageWriter.ModuleName).Append(" Cmdlets\n");
        foreach (var (name, page) in cmdlets.OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase))
        {
            var synopsis = page.Section("SYNOPSIS") is { Count: > 0 } lines
                ? string.Join(" ", lines.TakeWhile(l => l.Trim().Length > 0).Select(l => l.Trim()))
                : "{{ Fill in the Synopsis }}";
            sb.Append("### [").Append(name).Append("](").Append(name).Append(".md)\n").Append(synopsis).Append("\n\n");
        }

        return sb.ToString().TrimEnd('\n') + "\n";
    }

    /// <summary>platyPS's help version has four parts: 0.1.0 is 0.1.0.0.</summary>
    private static string HelpVersion(string moduleVersion)
    {
        var version = Version.Parse(moduleVersion);
        return new Version(version.Major, version.Minor, Math.Max(0, version.Build), Math.Max(0, version.Revision)).ToString();
    }
}
