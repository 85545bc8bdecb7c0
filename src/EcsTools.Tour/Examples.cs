using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace EcsTools.Tour;

/// <summary>The scripts in examples/: listed with their synopsis, and found by name.</summary>
internal static class Examples
{
    public const string DefaultName = "tour";

    /// <summary>Each example's name (file name without .ps1) and the first line of its .SYNOPSIS.</summary>
    public static IReadOnlyList<(string Name, string Synopsis)> List(string directory) =>
        !Directory.Exists(directory) ? []
        : Directory.GetFiles(directory, "*.ps1")
            .Select(path => (Name: Path.GetFileNameWithoutExtension(path), Synopsis: Synopsis(path)))
            .OrderBy(e => e.Name == DefaultName ? 0 : 1)
            .ThenBy(e => e.Name, StringComparer.Ordinal)
            .ToList();

    /// <summary>
    /// The script to run: <paramref name="value"/> as a path if that file exists, else the example of that name
    /// (with or without .ps1); null when neither exists.
    /// </summary>
    public static string? Resolve(string value, string directory)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (File.Exists(value))
        {
            return Path.GetFullPath(value);
        }

        var name = value.EndsWith(".ps1", StringComparison.OrdinalIgnoreCase) ? value : value + ".ps1";
        var example = Path.Combine(directory, name);
        return value.IndexOfAny(['/', '\\']) < 0 && File.Exists(example) ? example : null;
    }

    /// <summary>The text after .SYNOPSIS in the comment-based help, up to the next blank line or keyword, on one line.</summary>
    public static string Synopsis(string path)
    {
        var lines = File.ReadLines(path).Take(60).Select(l => l.Trim()).ToList();
        var start = lines.FindIndex(l => l.Equals(".SYNOPSIS", StringComparison.OrdinalIgnoreCase));
        if (start < 0)
        {
            return "";
        }

        var text = lines.Skip(start + 1).TakeWhile(l => l.Length > 0 && !l.StartsWith('.') && !l.StartsWith("#>", StringComparison.Ordinal));
        return string.Join(' ', text);
    }
}
