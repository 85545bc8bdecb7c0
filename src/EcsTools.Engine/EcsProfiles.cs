using System;
using System.Collections.Generic;
using System.Linq;
using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;

namespace EcsTools.Engine;

/// <summary>The names of the profiles in the shared config and credentials files (for -ProfileName completion).</summary>
public static class EcsProfiles
{
    public static IReadOnlyList<string> ListNames(string? profileLocation = null)
    {
        try
        {
            return new CredentialProfileStoreChain(Resolution.ProfileContext.CredentialsFile(profileLocation))
                .ListProfiles()
                .Select(p => p.Name)
                .Distinct(StringComparer.Ordinal)
                .Order(StringComparer.OrdinalIgnoreCase)
                .ToList();
        }
        catch (Exception e) when (e is AmazonClientException or System.IO.IOException or System.IO.InvalidDataException or UnauthorizedAccessException or InvalidOperationException)
        {
            return [];
        }
    }
}
