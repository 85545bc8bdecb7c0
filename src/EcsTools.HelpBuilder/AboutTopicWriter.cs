using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace EcsTools.HelpBuilder;

/// <summary>
/// Writes an about topic as the <c>about_Name.help.txt</c> PowerShell shows, laid out as platyPS does:
/// <c>TOPIC</c>, the topic name, then the sections, text indented four columns and wrapped at 80.
/// Get-Help takes the fifth line as the topic's synopsis: it is the first line of the short description.
/// </summary>
public static class AboutTopicWriter
{
    /// <summary>The width text is wrapped to.</summary>
    public const int LineWidth = 80;

    private const string Indent = "    ";

    /// <summary>The topic as text (LF line endings).</summary>
    public static string Write(AboutTopicPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var lines = new List<string> { "TOPIC", Indent + page.TopicName.ToLowerInvariant(), string.Empty };
        IReadOnlyList<TextBlock> blocks = page.Blocks;
        for (int i = 0; i < blocks.Count; i++)
        {
            TextBlock block = blocks[i];
            switch (block.Kind)
            {
                case TextBlockKind.Heading:
                    lines.Add(block.Level <= page.SectionLevel
                        ? block.Text.ToUpperInvariant()
                        : Indent + block.Text.ToUpperInvariant());
                    continue;
                case TextBlockKind.Paragraph:
                    string pad = Indent + new string(' ', block.Indent);
                    Wrap(block.Text, pad, pad, lines);
                    break;
                case TextBlockKind.ListItem:
                    string first = Indent + new string(' ', block.Indent) + block.Marker + " ";
                    Wrap(block.Text, first, new string(' ', first.Length), lines);
                    if (i + 1 < blocks.Count && blocks[i + 1].Kind == TextBlockKind.ListItem)
                    {
                        continue;
                    }

                    break;
                case TextBlockKind.Code:
                    string codePad = Indent + Indent + new string(' ', block.Indent);
                    lines.AddRange(block.Text.Split('\n').Select(l => l.Length == 0 ? l : codePad + l));
                    break;
            }

            lines.Add(string.Empty);
        }

        while (lines.Count > 0 && lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        var sb = new StringBuilder();
        foreach (string line in lines)
        {
            sb.Append(line.TrimEnd()).Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>Writes the topic (UTF-8 without BOM), creating its directory.</summary>
    public static void WriteFile(string path, AboutTopicPage page)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string text = Write(page);
        string? directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        File.WriteAllText(path, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
    }

    /// <summary>Greedy word wrap; a word longer than the line gets a line of its own.</summary>
    private static void Wrap(string text, string firstPrefix, string restPrefix, List<string> into)
    {
        string prefix = firstPrefix;
        foreach (string hardLine in text.Split('\n'))
        {
            var current = new StringBuilder(prefix);
            bool empty = true;
            foreach (string word in hardLine.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (!empty && current.Length + 1 + word.Length > LineWidth)
                {
                    into.Add(current.ToString());
                    prefix = restPrefix;
                    current = new StringBuilder(prefix);
                    empty = true;
                }

                if (!empty)
                {
                    current.Append(' ');
                }

                current.Append(word);
                empty = false;
            }

            into.Add(current.ToString());
            prefix = restPrefix;
        }
    }
}
