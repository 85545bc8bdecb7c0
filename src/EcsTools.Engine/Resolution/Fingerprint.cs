using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Amazon.Runtime.CredentialManagement;

namespace EcsTools.Engine.Resolution;

/// <summary>
/// Short one-way digests for cache keys: the cache must notice when a secret or a profile changes, but must not keep
/// secrets in its keys.
/// </summary>
internal static class Fingerprint
{
    private const int MaxSourceDepth = 5;

    private static readonly PropertyInfo[] s_optionProperties = typeof(CredentialProfileOptions)
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.PropertyType == typeof(string) && p.GetIndexParameters().Length == 0)
        .OrderBy(p => p.Name, StringComparer.Ordinal)
        .ToArray();

    public static string Of(params string?[] values)
    {
        var text = string.Join("\u0001", values.Select(v => v ?? "\u0000"));
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)), 0, 12);
    }

    /// <summary>Every credential setting of the profile and of its source profiles (a role chain), digested.</summary>
    public static string OfProfile(CredentialProfile profile, CredentialProfileStoreChain chain)
    {
        var values = new List<string?>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var current = profile;
        for (var depth = 0; current is not null && depth < MaxSourceDepth && seen.Add(current.Name); depth++)
        {
            values.Add("[" + current.Name + "]");
            values.AddRange(s_optionProperties.Select(p => p.Name + "=" + (string?)p.GetValue(current.Options)));
            var source = current.Options.SourceProfile;
            current = !string.IsNullOrEmpty(source) && chain.TryGetProfile(source, out var next) ? next : null;
        }

        return Of([.. values]);
    }
}
