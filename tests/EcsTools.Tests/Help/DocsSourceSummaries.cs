using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Text.RegularExpressions;

namespace EcsTools.Tests.Help;

/// <summary>
/// The <c>/// &lt;summary&gt;</c> of each parameter property in src/EcsTools, by class and property name: the first
/// description the updater gives a parameter the page does not describe yet (platyPS would write a placeholder).
/// </summary>
internal static partial class DocsSourceSummaries
{
    private static readonly Lazy<Dictionary<(string Class, string Property), string>> s_summaries = new(Read);

    /// <summary>The summary of the property on the type or the nearest base type that declares it, or null.</summary>
    public static string? For(Type? implementingType, string property)
    {
        for (var type = implementingType; type is not null; type = type.BaseType)
        {
            if (s_summaries.Value.TryGetValue((type.Name, property), out var summary))
            {
                return summary;
            }
        }

        return null;
    }

    private static Dictionary<(string Class, string Property), string> Read()
    {
        var result = new Dictionary<(string, string), string>();
        var root = Path.Combine(HelpFixtures.RepoRoot, "src", "EcsTools");
        foreach (var file in Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
                     .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            string? className = null;
            var comment = new List<string>();
            foreach (var raw in File.ReadLines(file))
            {
                var line = raw.Trim();
                if (line.StartsWith("///", StringComparison.Ordinal))
                {
                    comment.Add(line[3..].Trim());
                }
                else if (ClassDeclaration().Match(line) is { Success: true } declaration)
                {
                    className = declaration.Groups["name"].Value;
                    comment.Clear();
                }
                else if (line.StartsWith('['))
                {
                    continue;
                }
                else if (PropertyDeclaration().Match(line) is { Success: true } property && className is not null)
                {
                    var summary = Summary(string.Join(" ", comment));
                    if (summary is not null)
                    {
                        result.TryAdd((className, property.Groups["name"].Value), summary);
                    }

                    comment.Clear();
                }
                else
                {
                    comment.Clear();
                }
            }
        }

        return result;
    }

    private static string? Summary(string xml)
    {
        var match = SummaryElement().Match(xml);
        if (!match.Success)
        {
            return null;
        }

        var text = CrefElement().Replace(match.Groups["text"].Value, m => m.Groups["name"].Value.Split('.')[^1]);
        text = Tag().Replace(text, string.Empty);
        text = WebUtility.HtmlDecode(Regex.Replace(text, @"\s+", " ").Trim());
        return text.Length == 0 ? null : text;
    }

    [GeneratedRegex(@"^(public|internal|private|protected)?[\w\s]*\b(class|record)\s+(?<name>\w+)")]
    private static partial Regex ClassDeclaration();

    [GeneratedRegex(@"^public\s+[\w\[\]<>?,. ]+\s+(?<name>\w+)\s*\{\s*get;\s*set;\s*\}")]
    private static partial Regex PropertyDeclaration();

    [GeneratedRegex(@"<summary>(?<text>.*?)</summary>")]
    private static partial Regex SummaryElement();

    [GeneratedRegex(@"<see\s+cref=""(?<name>[^""]+)""\s*/>")]
    private static partial Regex CrefElement();

    [GeneratedRegex(@"</?[a-zA-Z][^>]*>")]
    private static partial Regex Tag();
}
