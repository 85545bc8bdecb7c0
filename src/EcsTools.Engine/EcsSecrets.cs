using System;
using System.Buffers;
using System.Collections;
using System.Collections.Concurrent;
using System.Linq;
using System.Text.RegularExpressions;

namespace EcsTools.Engine;

/// <summary>
/// Keeps secrets out of every message: error messages, inner exceptions, verbose, debug and warning text. Two nets:
/// the values of the secrets the session has seen (secret keys and session tokens from parameters, the environment,
/// profiles and $StoredAWSCredentials, and every identity and token the SDK's clients sign a request with, which covers
/// SSO, assume-role, credential_process, web identity and instance metadata), and patterns for what can carry secrets
/// the session has not seen (credentials-file lines, JSON and XML credential members, Authorization,
/// X-Amz-Security-Token and SSO bearer headers, SigV4 signatures, URL user info, the error output of credential_process).
/// </summary>
public static partial class EcsSecrets
{
    /// <summary>What a secret is replaced with.</summary>
    public const string Mask = "****";

    /// <summary>Shorter values are not matched by value (too many false hits); the patterns still apply.</summary>
    internal const int MinimumLength = 8;

    /// <summary>How many request signatures are remembered (see <see cref="RegisterSignature"/>).</summary>
    internal const int RecentSignatureCount = 256;

    // A signature is at least this many hex digits (SigV4: 64; SigV4a: a longer DER-encoded ECDSA signature).
    private const int MinimumSignatureLength = 64;

    private static readonly ConcurrentDictionary<string, byte> s_known = new(StringComparer.Ordinal);
    private static volatile string[] s_ordered = [];

    // The latest request signatures, oldest overwritten first; null slots are unused.
    private static readonly string?[] s_signatures = new string?[RecentSignatureCount];
    private static readonly object s_signatureGate = new();
    private static int s_nextSignature;
    private static readonly SearchValues<char> s_hexDigits = SearchValues.Create("0123456789abcdefABCDEF");

    /// <summary>Remembers a secret value (and its URL-encoded form) so that it is masked wherever it shows up.</summary>
    public static void Register(string? secret)
    {
        if (string.IsNullOrWhiteSpace(secret))
        {
            return;
        }

        var value = secret.Trim();
        if (value.Length < MinimumLength || s_known.ContainsKey(value))
        {
            // Every request registers the secret it was signed with again: known values cost a lookup, nothing more.
            return;
        }

        var added = s_known.TryAdd(value, 0);
        var escaped = Uri.EscapeDataString(value);
        added |= !string.Equals(escaped, value, StringComparison.Ordinal) && s_known.TryAdd(escaped, 0);
        if (added)
        {
            // Longest first, so that a secret that contains another is masked whole.
            s_ordered = [.. s_known.Keys.OrderByDescending(k => k.Length)];
        }
    }

    /// <summary>
    /// Remembers the signature of a request (hex digits, as in its Authorization header) so that it is masked wherever it
    /// shows up. A signature is good for its own request only, and only for minutes, so the latest
    /// <see cref="RecentSignatureCount"/> are kept, not every one a long session makes (each request has a new one);
    /// anything else is registered as <see cref="Register"/> does.
    /// </summary>
    public static void RegisterSignature(string? signature)
    {
        if (signature is null || signature.Length < MinimumSignatureLength || signature.AsSpan().ContainsAnyExcept(s_hexDigits))
        {
            Register(signature);
            return;
        }

        lock (s_signatureGate)
        {
            s_signatures[s_nextSignature] = signature;
            s_nextSignature = (s_nextSignature + 1) % RecentSignatureCount;
        }
    }

    /// <summary>The text with every known secret and every secret-shaped fragment masked.</summary>
    public static string Scrub(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? "";
        }

        foreach (var secret in s_ordered)
        {
            if (text.Contains(secret, StringComparison.Ordinal))
            {
                text = text.Replace(secret, Mask, StringComparison.Ordinal);
            }
        }

        if (HasHexRun(text, MinimumSignatureLength))
        {
            text = ScrubSignatures(text);
        }

        text = ProcessErrorOutput().Replace(text, "$1 (its error output is not shown: it may hold secrets; run the command yourself to see it)");
        text = IniAssignment().Replace(text, "$1 = " + Mask);
        text = IniBareLine().Replace(text, "$1$2 " + Mask);
        text = JsonSecret().Replace(text, "\"$1\": \"" + Mask + "\"");
        text = XmlSecret().Replace(text, "<$1>" + Mask + "</$1>");
        text = SecretHeader().Replace(text, "$1$2" + Mask);
        text = Signature().Replace(text, "$1=" + Mask);
        text = UserInfo().Replace(text, "$1" + Mask + "@");
        text = SessionTokenShape().Replace(text, Mask);
        return text;
    }

    /// <summary>True when no message, data entry or inner exception of the chain holds anything <see cref="Scrub"/> would mask.</summary>
    public static bool IsClean(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (!string.Equals(Scrub(e.Message), e.Message, StringComparison.Ordinal) || HasData(e) || e is AggregateException { InnerExceptions.Count: > 1 })
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The exception itself when it is clean; otherwise a copy whose messages are scrubbed, with no data entries, and
    /// whose inner exceptions are <see cref="EcsScrubbedException"/>s (type name, scrubbed message, stack trace).
    /// </summary>
    public static Exception Clean(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (IsClean(exception))
        {
            return exception;
        }

        var inner = CleanInner(exception.InnerException);
        return exception switch
        {
            EcsServiceException e => new EcsServiceException(e.Kind, e.ErrorCode, e.Operation, Scrub(e.Message), e.RequestId, e.StatusCode, e.ResourceIds, inner)
            {
                MayHaveBeenProcessed = e.MayHaveBeenProcessed,
                Check = e.Check is null ? null : Scrub(e.Check),
            },
            EcsConfigurationException e => new EcsConfigurationException(e.Setting, Scrub(e.Message), Scrub(e.RecommendedAction), inner),
            _ => new EcsScrubbedException(exception, Scrub(exception.Message), inner),
        };
    }

    /// <summary>An inner exception to keep as a cause: the exception when clean, else its scrubbed stand-in.</summary>
    internal static Exception? CleanInner(Exception? exception) =>
        exception is null ? null
        : IsClean(exception) ? exception
        : new EcsScrubbedException(exception, Scrub(exception.Message), CleanInner(exception.InnerException));

    /// <summary>For tests: forgets the secrets registered so far.</summary>
    internal static void ForgetAll()
    {
        s_known.Clear();
        s_ordered = [];
        lock (s_signatureGate)
        {
            Array.Clear(s_signatures);
            s_nextSignature = 0;
        }
    }

    // A signature can only be in a text that has as many hex digits in a row: most texts are passed over at once.
    private static bool HasHexRun(string text, int length)
    {
        var run = 0;
        foreach (var c in text)
        {
            run = char.IsAsciiHexDigit(c) ? run + 1 : 0;
            if (run >= length)
            {
                return true;
            }
        }

        return false;
    }

    private static string ScrubSignatures(string text)
    {
        string?[] signatures;
        lock (s_signatureGate)
        {
            signatures = (string?[])s_signatures.Clone();
        }

        foreach (var signature in signatures)
        {
            if (signature is not null && text.Contains(signature, StringComparison.Ordinal))
            {
                text = text.Replace(signature, Mask, StringComparison.Ordinal);
            }
        }

        return text;
    }

    private static bool HasData(Exception e)
    {
        if (e.Data.Count == 0)
        {
            return false;
        }

        foreach (DictionaryEntry entry in e.Data)
        {
            var text = $"{entry.Key}={entry.Value}";
            if (!string.Equals(Scrub(text), text, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    // ProcessAWSCredentials: "Command returned non-zero exit value 1 with the error - <stderr>".
    [GeneratedRegex(@"(non-zero exit value -?\d+) with the error - [\s\S]*")]
    private static partial Regex ProcessErrorOutput();

    // Lines of the credentials and config files: "name = value", or a malformed "name value" at the start of a line or
    // just after the '<' with which the SDK's parser quotes it (prose that names AWS_SECRET_ACCESS_KEY is left alone).
    [GeneratedRegex(@"(?i)\b(aws_secret_access_key|aws_session_token|aws_security_token|aws_secret_key|secret_access_key|sso_access_token)[ \t]*[=:][ \t]*[^\s<>""',;&]+")]
    private static partial Regex IniAssignment();

    [GeneratedRegex(@"(?im)((?:^|<)[ \t]*)(aws_secret_access_key|aws_session_token|aws_security_token|aws_secret_key|secret_access_key|sso_access_token)[ \t]+[^\s<>""',;&]+")]
    private static partial Regex IniBareLine();

    // credential_process output, STS/SSO JSON answers, the SSO token cache, ECS container credentials.
    [GeneratedRegex(@"(?i)""(secretAccessKey|secretKey|sessionToken|token|accessToken|refreshToken|clientSecret|password)""\s*:\s*""(?:[^""\\]|\\.)*""")]
    private static partial Regex JsonSecret();

    // STS query-protocol answers.
    [GeneratedRegex(@"(?i)<(SecretAccessKey|SessionToken|Token)>[^<]*</\1>")]
    private static partial Regex XmlSecret();

    // Headers (as "Name: value" or "Name=value", also in a JSON or query string echo).
    [GeneratedRegex(@"(?i)\b(Authorization|Proxy-Authorization|X-Amz-Security-Token|x-amz-sso_bearer_token|X-Amz-Signature|X-Amz-Credential-Secret)(""?\s*[:=]\s*""?)(?:AWS4-(?:HMAC|ECDSA)-[A-Z0-9-]+\s+Credential=[^\s,""]+,?\s*SignedHeaders=[^\s,""]+,?\s*Signature=[0-9a-fA-F]+|(?:Bearer|Basic)\s+[^\s""',;&<>]+|[^\s""',;&<>]+)")]
    private static partial Regex SecretHeader();

    [GeneratedRegex(@"(?i)\b(Signature)=[0-9a-f]{16,}")]
    private static partial Regex Signature();

    [GeneratedRegex(@"(?i)\b([a-z][a-z0-9+.-]*://)[^/\s:@]+:[^/\s@]+@")]
    private static partial Regex UserInfo();

    // STS session tokens start with these base64 prefixes.
    [GeneratedRegex(@"(?<![A-Za-z0-9/+=])(?:IQoJb3JpZ2lu|FwoGZXIvYXdz|FQoGZXIvYXdz|AQoDYXdz|AQoEXAMPLE)[A-Za-z0-9/+=%]{16,}")]
    private static partial Regex SessionTokenShape();
}
