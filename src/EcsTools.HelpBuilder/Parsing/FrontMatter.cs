using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace EcsTools.HelpBuilder.Parsing;

/// <summary>The <c>---</c> delimited YAML header of a platyPS page: flat "key: value" pairs.</summary>
internal sealed class FrontMatter
{
    private FrontMatter(Dictionary<string, string> values, Dictionary<string, int> lines, int endIndex)
    {
        Values = values;
        Lines = lines;
        EndIndex = endIndex;
    }

    public IReadOnlyDictionary<string, string> Values { get; }

    /// <summary>1-based line of each key.</summary>
    public IReadOnlyDictionary<string, int> Lines { get; }

    /// <summary>0-based index of the closing <c>---</c> line.</summary>
    public int EndIndex { get; }

    public int LineOf(string key) => Lines.TryGetValue(key, out int line) ? line : 1;

    /// <summary>
    /// The page with the front matter lines blanked, so markdown parsing sees only the body while line
    /// numbers stay those of the file.
    /// </summary>
    public string BlankOut(string text)
    {
        string[] lines = text.Split('\n');
        for (int i = 0; i <= EndIndex && i < lines.Length; i++)
        {
            lines[i] = string.Empty;
        }

        return string.Join("\n", lines);
    }

    /// <summary>The header of a page, or null when the page does not start with <c>---</c>.</summary>
    public static FrontMatter? Read(string text, string path)
    {
        string[] lines = text.Split('\n');
        if (lines.Length == 0 || lines[0].TrimEnd('\r', ' ') != "---")
        {
            return null;
        }

        int end = -1;
        for (int i = 1; i < lines.Length; i++)
        {
            string trimmed = lines[i].TrimEnd('\r', ' ');
            if (trimmed is "---" or "...")
            {
                end = i;
                break;
            }
        }

        if (end < 0)
        {
            throw new HelpFormatException(path, 1, "The front matter that opens with '---' is never closed with '---'.");
        }

        string yaml = string.Join("\n", lines[1..end]);
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var keyLines = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw new HelpFormatException(path, 1 + (int)Math.Max(1, e.Start.Line), "Invalid YAML in the front matter: " + e.Message);
        }
        catch (InvalidOperationException e)
        {
            // YamlDotNet's scanner throws this on some malformed flow collections ("key: [value").
            throw new HelpFormatException(path, 2, "Invalid YAML in the front matter: " + e.Message);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            return new FrontMatter(values, keyLines, end);
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode mapping)
        {
            throw new HelpFormatException(path, 2, "The front matter must be 'key: value' lines.");
        }

        foreach (KeyValuePair<YamlNode, YamlNode> pair in mapping.Children)
        {
            int line = 1 + (int)pair.Key.Start.Line;
            if (pair.Key is not YamlScalarNode { Value: { } key })
            {
                throw new HelpFormatException(path, line, "The front matter must be 'key: value' lines.");
            }

            // platyPS's own placeholders ({{ Update Download Link }}) are not YAML scalars: keep the source text.
            string value = pair.Value is YamlScalarNode scalar
                ? scalar.Value ?? string.Empty
                : SourceValue(lines[line - 1], key);
            if (!values.TryAdd(key, value.Trim()))
            {
                throw new HelpFormatException(path, line, string.Create(CultureInfo.InvariantCulture, $"Duplicate front matter key '{key}'."));
            }

            keyLines[key] = line;
        }

        return new FrontMatter(values, keyLines, end);
    }

    private static string SourceValue(string line, string key)
    {
        int at = line.IndexOf(key, StringComparison.Ordinal);
        int colon = at < 0 ? -1 : line.IndexOf(':', at + key.Length);
        return colon < 0 ? string.Empty : line[(colon + 1)..];
    }
}
