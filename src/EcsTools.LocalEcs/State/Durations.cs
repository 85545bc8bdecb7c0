using System;
using System.Globalization;

namespace EcsTools.LocalEcs.State;

/// <summary>Parses the durations scripts use: <c>500ms</c>, <c>3s</c>, <c>1.5s</c>, <c>2m</c>, <c>1h</c>, a bare number of seconds, or <c>forever</c>.</summary>
internal static class Durations
{
    /// <summary>Returns false when the text is not a duration; <paramref name="duration"/> is null for "forever".</summary>
    public static bool TryParse(string text, out TimeSpan? duration)
    {
        duration = null;
        string value = text.Trim();
        if (value.Equals("forever", StringComparison.OrdinalIgnoreCase) || value.Equals("never", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        (string number, double scale) = value switch
        {
            _ when value.EndsWith("ms", StringComparison.OrdinalIgnoreCase) => (value[..^2], 1.0),
            _ when value.EndsWith('s') || value.EndsWith('S') => (value[..^1], 1000.0),
            _ when value.EndsWith('m') || value.EndsWith('M') => (value[..^1], 60_000.0),
            _ when value.EndsWith('h') || value.EndsWith('H') => (value[..^1], 3_600_000.0),
            _ => (value, 1000.0),
        };
        if (!double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double amount)
            || double.IsInfinity(amount * scale) || amount * scale > TimeSpan.MaxValue.TotalMilliseconds / 2)
        {
            return false;
        }

        duration = TimeSpan.FromMilliseconds(amount * scale);
        return true;
    }
}
