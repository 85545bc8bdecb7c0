using System;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace EcsTools.Engine.Tasks;

/// <summary>
/// Client tokens make a retried create idempotent. Each request gets one before it is sent, and the SDK resends the
/// same bytes on every retry. A token given by the user is checked; when one command makes several calls, each call
/// gets a distinct token derived from it, deterministically, so running the same command again is idempotent too.
/// </summary>
public static class EcsClientTokens
{
    public static string New() => Guid.NewGuid().ToString();

    /// <summary>Throws InvalidClientToken unless <paramref name="token"/> is null or 1 to <paramref name="maxLength"/> printable ASCII characters.</summary>
    public static void Validate(string? token, int maxLength, string parameter = "ClientToken")
    {
        if (token is null)
        {
            return;
        }

        if (token.Length is 0 || token.Length > maxLength)
        {
            throw new EcsInputException(ErrorIds.InvalidClientToken,
                InputMessages.InvalidClientTokenLength(parameter, token.Length, maxLength), InputMessages.InvalidClientTokenLengthAction(maxLength));
        }

        foreach (var c in token)
        {
            if (c is < (char)33 or > (char)126)
            {
                throw new EcsInputException(ErrorIds.InvalidClientToken,
                    InputMessages.InvalidClientTokenCharacter(parameter),
                    InputMessages.InvalidClientTokenCharacterAction);
            }
        }
    }

    /// <summary>The token for call <paramref name="part"/> (1-based) of a command given <paramref name="token"/>; the same inputs give the same token.</summary>
    public static string Derive(string token, string part, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(token);
        ArgumentNullException.ThrowIfNull(part);
        var suffix = "-" + part;
        if (token.Length + suffix.Length <= maxLength)
        {
            return token + suffix;
        }

        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token))).ToLowerInvariant();
        return hash[..(maxLength - suffix.Length)] + suffix;
    }

    public static string Part(int index) => index.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// The base token of input <paramref name="inputIndex"/> (0-based) of a command given <paramref name="token"/>: the
    /// token itself for the first input, "TOKEN-pN" (N = input number) for the others; null when no token was given.
    /// </summary>
    public static string? ForInput(string? token, int inputIndex, int maxLength) =>
        token is null ? null : inputIndex == 0 ? token : Derive(token, "p" + Part(inputIndex + 1), maxLength);
}
