using System;
using System.Globalization;
using EcsTools.LocalEcs.State;

namespace EcsTools.LocalEcs;

/// <summary>
/// Faults written as text, for the standalone server's <c>--fault</c> option:
/// <c>OPERATION:KIND[:after][:xCOUNT]</c>, where OPERATION is an ECS operation (e.g. StartTask) or <c>*</c> for every
/// operation, and KIND is one of
/// <list type="bullet">
/// <item><c>throttle</c>: 400 ThrottlingException;</item>
/// <item><c>server</c>: 500 ServerException;</item>
/// <item><c>html</c> or <c>html=STATUS</c>: a 5xx (503 by default) with an HTML body;</item>
/// <item><c>drop</c>: the connection is aborted without an answer;</item>
/// <item><c>slow=DURATION</c>: the answer comes DURATION late (<c>500ms</c>, <c>5s</c>, <c>2m</c>, <c>1h</c>, <c>forever</c>);</item>
/// <item><c>error=CODE</c> or <c>error=CODE=STATUS</c>: any error code (status 400 by default).</item>
/// </list>
/// <c>after</c> processes the request (its effects are kept) before the fault replaces or delays the answer;
/// <c>xCOUNT</c> applies it to that many requests (default 1). Examples: <c>StartTask:server:after</c>,
/// <c>RunTask:throttle:x3</c>, <c>*:slow=forever:x1000</c>, <c>DeleteTaskSet:drop:after</c>.
/// </summary>
public static class LocalEcsFaultSpec
{
    private static readonly TimeSpan Forever = TimeSpan.FromMilliseconds(int.MaxValue - 1);

    /// <summary>Parses one fault; throws <see cref="FormatException"/> with what is wrong.</summary>
    public static LocalEcsFault Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split(':');
        if (parts.Length < 2 || parts.Length > 4)
        {
            throw Bad(text, "expected OPERATION:KIND[:after][:xCOUNT]");
        }

        var operation = parts[0] switch
        {
            "*" => null,
            { Length: > 0 } name when IsOperationName(name) => name,
            _ => throw Bad(text, $"'{parts[0]}' is not an operation name (such as StartTask) or *"),
        };
        var fault = Kind(text, operation, parts[1]);
        var afterSeen = false;
        var countSeen = false;
        for (var i = 2; i < parts.Length; i++)
        {
            var part = parts[i];
            if (part == "after" && !afterSeen)
            {
                afterSeen = true;
                fault = fault.AfterProcessing();
            }
            else if (part.Length > 1 && part[0] == 'x' && !countSeen
                && int.TryParse(part.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count > 0)
            {
                countSeen = true;
                fault = fault.Times(count);
            }
            else
            {
                throw Bad(text, $"'{part}' is neither 'after' nor a count such as x3");
            }
        }

        return fault;
    }

    private static LocalEcsFault Kind(string text, string? operation, string kind)
    {
        var equals = kind.IndexOf('=', StringComparison.Ordinal);
        var name = equals < 0 ? kind : kind[..equals];
        var value = equals < 0 ? null : kind[(equals + 1)..];
        switch (name)
        {
            case "throttle" when value is null:
                return LocalEcsFault.Throttling(operation);
            case "server" when value is null:
                return LocalEcsFault.ServerError(operation);
            case "drop" when value is null:
                return LocalEcsFault.DropConnection(operation);
            case "html":
                if (value is null)
                {
                    return LocalEcsFault.HtmlError(operation);
                }

                return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var status) && status is >= 500 and <= 599
                    ? LocalEcsFault.HtmlError(operation, status)
                    : throw Bad(text, $"html={value}: the status must be 500 to 599");
            case "slow":
                // "forever": never answers (as long as Task.Delay can wait, about 24 days).
                return value is not null && Durations.TryParse(value, out TimeSpan? delay) && (delay ?? Forever) is var d && d >= TimeSpan.Zero && d <= Forever
                    ? LocalEcsFault.Slow(operation, d)
                    : throw Bad(text, "slow needs a duration, such as slow=5s, slow=250ms or slow=forever");
            case "error":
                if (string.IsNullOrEmpty(value))
                {
                    throw Bad(text, "error needs a code, such as error=AccessDeniedException or error=ClientException=400");
                }

                var second = value.IndexOf('=', StringComparison.Ordinal);
                if (second < 0)
                {
                    return LocalEcsFault.Error(operation, value, "Injected " + value);
                }

                var code = value[..second];
                return code.Length > 0 && int.TryParse(value.AsSpan(second + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var errorStatus)
                    && errorStatus is >= 400 and <= 599
                    ? LocalEcsFault.Error(operation, code, "Injected " + code, errorStatus)
                    : throw Bad(text, "error=CODE=STATUS needs a code and a status from 400 to 599");
            default:
                throw Bad(text, $"'{kind}' is not a fault kind: use throttle, server, html[=STATUS], drop, slow=DURATION or error=CODE[=STATUS]");
        }
    }

    private static bool IsOperationName(string name)
    {
        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                return false;
            }
        }

        return char.IsAsciiLetterUpper(name[0]);
    }

    private static FormatException Bad(string text, string why) => new($"--fault '{text}': {why}.");
}
