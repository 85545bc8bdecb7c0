using System;
using System.Security.Cryptography;
using System.Text;

namespace EcsTools.Engine.Requests;

/// <summary>
/// Client tokens make a retried create idempotent. Each request gets one before it is sent, and the SDK resends the
/// same bytes on every retry. When one command makes several calls, each call gets a distinct token derived from the
/// user's, deterministically, so running the same command again is idempotent too.
/// </summary>
public static class ClientTokens
{
    public static string New() => Guid.NewGuid().ToString();

    /// <summary>The token for call <paramref name="part"/> of a command given <paramref name="token"/>; the same inputs give the same token.</summary>
    public static string Derive(string token, string part, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(token);
        var suffix = "-" + part;
        if (token.Length + suffix.Length <= maxLength)
        {
            return token + suffix;
        }

        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token))).ToLowerInvariant();
        return hash[..(maxLength - suffix.Length)] + suffix;
    }
}
