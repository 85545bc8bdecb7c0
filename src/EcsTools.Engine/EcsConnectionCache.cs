using System;
using System.Collections.Concurrent;
using System.Linq;
using EcsTools.Engine.Resolution;

namespace EcsTools.Engine;

/// <summary>
/// One connection (one SDK client) per region, endpoint and credential source for the life of the session.
/// <para>
/// The key is not the settings a command was given but what they resolve to when the command runs: the settings are
/// resolved every time (environment variables and the profile files are read again; no credentials are created), and
/// the key is <c>region | endpoint | credential source | digest</c>. The credential source names where the credentials
/// come from without their secrets: the origin and access key id of explicit, stored or environment keys; the
/// profile's file and name; or "the SDK chain" (web identity, container, instance metadata). The digest is a SHA-256
/// prefix of what can change under that name: the secret key and session token, or every credential setting of the
/// profile and of its source profiles. So a changed $env:AWS_REGION, AWS_PROFILE, environment key, re-keyed or edited
/// profile, or a new session token in $StoredAWSCredentials gets a new client, while refreshing credentials (SSO after
/// 'aws sso login', assume-role, credential_process, instance metadata) keep their client and refresh themselves.
/// </para>
/// <para>
/// When a source gets a new digest, its old connection is dropped from the cache but not disposed, because a pipeline in
/// another runspace may still be using it; the cache therefore holds at most one connection per source.
/// </para>
/// <para>
/// Resolving reads and parses the profile files, so it is skipped when nothing it reads has changed since a resolution
/// that gave a cached connection: the same settings, the same AWS_* environment variables the SDK reads, and the same size and time of
/// last write of the credentials and config files and -ProfileLocation (see <see cref="ResolutionInputs"/>).
/// </para>
/// </summary>
public static class EcsConnectionCache
{
    private static readonly ConcurrentDictionary<string, EcsConnection> s_connections = new(StringComparer.Ordinal);
    private static readonly object s_gate = new();

    // Resolution inputs (settings, environment, file stamps) to the cache key they resolved to; a few entries, for a
    // session that goes back and forth between profiles or regions.
    private static readonly ConcurrentDictionary<ResolutionInputs, string> s_resolved = new();
    private const int MaxResolved = 16;

    public static int Count => s_connections.Count;

    public static EcsConnection Get(EcsConnectionSettings settings) => Get(settings, out _);

    /// <summary>The connection for these settings as they resolve now; <paramref name="created"/> says whether it is new.</summary>
    public static EcsConnection Get(EcsConnectionSettings settings, out bool created)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var inputs = ResolutionInputs.Capture(settings, DateTime.UtcNow);
        if (s_resolved.TryGetValue(inputs, out var resolvedKey) && s_connections.TryGetValue(resolvedKey, out var reused))
        {
            created = false;
            return reused;
        }

        var plan = ConnectionResolver.Resolve(settings);
        Remember(inputs, plan.CacheKey);
        if (s_connections.TryGetValue(plan.CacheKey, out var existing))
        {
            created = false;
            return existing;
        }

        lock (s_gate)
        {
            if (s_connections.TryGetValue(plan.CacheKey, out existing))
            {
                created = false;
                return existing;
            }

            var connection = EcsConnection.Open(plan);
            foreach (var stale in s_connections.Where(c => string.Equals(c.Value.Slot, plan.Slot, StringComparison.Ordinal)).ToList())
            {
                s_connections.TryRemove(stale.Key, out _);
            }

            s_connections[plan.CacheKey] = connection;
            created = true;
            return connection;
        }
    }

    public static void Clear()
    {
        lock (s_gate)
        {
            foreach (var connection in s_connections.Values)
            {
                connection.Dispose();
            }

            s_connections.Clear();
            s_resolved.Clear();
        }
    }

    private static void Remember(ResolutionInputs inputs, string cacheKey)
    {
        if (!inputs.Settled)
        {
            return;
        }

        if (s_resolved.Count >= MaxResolved)
        {
            s_resolved.Clear();
        }

        s_resolved[inputs] = cacheKey;
    }
}
