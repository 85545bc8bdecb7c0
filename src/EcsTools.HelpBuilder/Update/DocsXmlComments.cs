using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace EcsTools.HelpBuilder.Update;

/// <summary>
/// The <c>&lt;summary&gt;</c> of each property in the module's XML documentation file (what the compiler writes from the
/// <c>///</c> comments, <c>EcsTools.xml</c> next to the built assembly): the first description the updater gives a
/// parameter the page does not describe yet (platyPS would write a placeholder).
/// </summary>
public sealed partial class DocsXmlComments
{
    private readonly Dictionary<string, string> _summaries;

    private DocsXmlComments(Dictionary<string, string> summaries) => _summaries = summaries;

    /// <summary>No comments: every new parameter gets platyPS's placeholder.</summary>
    public static DocsXmlComments None { get; } = new(new Dictionary<string, string>(StringComparer.Ordinal));

    /// <summary>Reads an XML documentation file; <see cref="None"/> when there is none.</summary>
    public static DocsXmlComments Load(string? path)
    {
        if (path is null || !File.Exists(path))
        {
            return None;
        }

        var summaries = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var member in XDocument.Load(path).Descendants("member"))
        {
            var name = (string?)member.Attribute("name");
            var summary = member.Element("summary");
            if (name is not null && name.StartsWith("P:", StringComparison.Ordinal) && summary is not null
                && Summary(string.Concat(summary.Nodes())) is { } text)
            {
                summaries.TryAdd(name[2..], text);
            }
        }

        return new DocsXmlComments(summaries);
    }

    /// <summary>The summary of the property on the type or the nearest base type that declares it, or null.</summary>
    public string? For(Type? implementingType, string property)
    {
        for (var type = implementingType; type is not null; type = type.BaseType)
        {
            if (_summaries.TryGetValue($"{type.FullName}.{property}", out var summary))
            {
                return summary;
            }
        }

        return null;
    }

    private static string? Summary(string xml)
    {
        var text = CrefElement().Replace(xml, m => m.Groups["name"].Value.Split('.')[^1]);
        text = Tag().Replace(text, string.Empty);
        text = WebUtility.HtmlDecode(Whitespace().Replace(text, " ").Trim());
        return text.Length == 0 ? null : text;
    }

    [GeneratedRegex(@"<see\s+cref=""(?<name>[^""]+)""\s*/>")]
    private static partial Regex CrefElement();

    [GeneratedRegex(@"</?[a-zA-Z][^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
