using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace EcsTools.LocalEcs.State;

/// <summary>One line a scripted container prints, <see cref="At"/> after it started.</summary>
internal sealed record ScriptedLine(TimeSpan At, string Text)
{
    /// <summary>The most numbered lines a container may print (localecs.outputLines).</summary>
    public const int MaxGeneratedLines = 1_000_000;

    /// <summary>
    /// Reads localecs.output (lines, each optionally "+duration text") and localecs.outputLines (N numbered lines of 100
    /// characters over <paramref name="runFor"/>). Throws <see cref="FormatException"/> with the bad value.
    /// </summary>
    public static IReadOnlyList<ScriptedLine> Parse(string? output, string? generated, TimeSpan? runFor)
    {
        var lines = new List<ScriptedLine>();
        var at = TimeSpan.Zero;
        if (!string.IsNullOrEmpty(output))
        {
            foreach (string raw in output.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
            {
                string text = raw;
                if (text.StartsWith('+'))
                {
                    int space = text.IndexOf(' ', StringComparison.Ordinal);
                    string duration = space < 0 ? text[1..] : text[1..space];
                    if (!Durations.TryParse(duration, out TimeSpan? offset) || offset is not { } value || value < TimeSpan.Zero)
                    {
                        throw new FormatException(raw);
                    }

                    at = value;
                    text = space < 0 ? "" : text[(space + 1)..];
                }

                lines.Add(new ScriptedLine(at, text));
            }
        }

        if (!string.IsNullOrEmpty(generated))
        {
            if (!int.TryParse(generated, NumberStyles.None, CultureInfo.InvariantCulture, out int count) || count > MaxGeneratedLines)
            {
                throw new FormatException(generated);
            }

            for (int i = 1; i <= count; i++)
            {
                TimeSpan offset = runFor is { } run ? run * (i - 1) / count : TimeSpan.FromMilliseconds(i - 1);
                string text = $"line {i.ToString("D7", CultureInfo.InvariantCulture)} of {count.ToString(CultureInfo.InvariantCulture)} ";
                lines.Add(new ScriptedLine(at + offset, text.PadRight(100, '.')));
            }

            // Stable: the scripted lines keep their order among equal times.
            return lines.OrderBy(l => l.At).ToList();
        }

        return lines;
    }
}
