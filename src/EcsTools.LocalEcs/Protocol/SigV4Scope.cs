using System;
using System.Text.RegularExpressions;

namespace EcsTools.LocalEcs.Protocol;

/// <summary>Reads the region from a SigV4 Authorization header's credential scope (the signature is not checked).</summary>
internal static partial class SigV4Scope
{
    public static string? Region(string? authorization)
    {
        if (string.IsNullOrEmpty(authorization))
        {
            return null;
        }

        Match match = CredentialPattern().Match(authorization);
        return match.Success ? match.Groups["region"].Value : null;
    }

    // Credential=AKID/20260101/us-west-2/ecs/aws4_request
    [GeneratedRegex(@"Credential=[^/,\s]+/\d{8}/(?<region>[a-z0-9-]+)/[a-z0-9-]+/aws4_request", RegexOptions.CultureInvariant)]
    private static partial Regex CredentialPattern();
}
