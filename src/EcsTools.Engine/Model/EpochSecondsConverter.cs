using System;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace EcsTools.Engine.Model;

/// <summary>
/// Converts the ECS wire format of timestamps: a JSON number of seconds since the Unix epoch, with an optional
/// fraction (e.g. <c>1795499455.102</c>), kept to millisecond precision. Reading also tolerates an ISO-8601 string
/// (and a string holding epoch seconds). Writing produces epoch seconds, with the milliseconds as a fraction when
/// they are not zero. Applied to <see cref="Nullable{DateTimeOffset}"/> properties, where JSON <c>null</c> is null.
/// </summary>
internal sealed class EpochSecondsConverter : JsonConverter<DateTimeOffset>
{
    private const decimal MaxAbsoluteSeconds = 1_000_000_000_000m;

    private static readonly long s_minMilliseconds = DateTimeOffset.MinValue.ToUnixTimeMilliseconds();
    private static readonly long s_maxMilliseconds = DateTimeOffset.MaxValue.ToUnixTimeMilliseconds();

    /// <inheritdoc/>
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                if (reader.TryGetDecimal(out decimal seconds))
                {
                    return FromSeconds(seconds);
                }

                throw new JsonException("The epoch-seconds timestamp is out of range.");

            case JsonTokenType.String:
                string text = reader.GetString() ?? string.Empty;
                if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal fromText))
                {
                    return FromSeconds(fromText);
                }

                if (DateTimeOffset.TryParse(
                        text,
                        CultureInfo.InvariantCulture,
                        DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces,
                        out DateTimeOffset parsed))
                {
                    return parsed;
                }

                throw new JsonException($"'{text}' is neither epoch seconds nor an ISO-8601 timestamp.");

            default:
                throw new JsonException($"Expected a timestamp (epoch seconds), found {reader.TokenType}.");
        }
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        long milliseconds = value.ToUnixTimeMilliseconds();
        long wholeSeconds = Math.DivRem(milliseconds, 1000, out long fraction);
        if (fraction == 0)
        {
            writer.WriteNumberValue(wholeSeconds);
            return;
        }

        // Exact in decimal, trailing zeros trimmed: 1795499455.102, 1795499455.1, -0.5.
        decimal exact = milliseconds / 1000m;
        writer.WriteRawValue(exact.ToString("0.###", CultureInfo.InvariantCulture), skipInputValidation: true);
    }

    private static DateTimeOffset FromSeconds(decimal seconds)
    {
        if (Math.Abs(seconds) > MaxAbsoluteSeconds)
        {
            throw new JsonException("The epoch-seconds timestamp is out of range.");
        }

        decimal milliseconds = decimal.Round(seconds * 1000m, 0, MidpointRounding.AwayFromZero);
        if (milliseconds < s_minMilliseconds || milliseconds > s_maxMilliseconds)
        {
            throw new JsonException("The epoch-seconds timestamp is out of range.");
        }

        return DateTimeOffset.FromUnixTimeMilliseconds((long)milliseconds);
    }
}
