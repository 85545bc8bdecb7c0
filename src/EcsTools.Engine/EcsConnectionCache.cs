using System.Collections.Concurrent;

namespace EcsTools.Engine;

/// <summary>One connection per distinct settings (region, profile, endpoint, keys) for the life of the session.</summary>
public static class EcsConnectionCache
{
    private static readonly ConcurrentDictionary<EcsConnectionSettings, EcsConnection> s_connections = new();
    private static readonly object s_gate = new();

    public static int Count => s_connections.Count;

    public static EcsConnection Get(EcsConnectionSettings settings)
    {
        if (s_connections.TryGetValue(settings, out var existing))
        {
            return existing;
        }

        lock (s_gate)
        {
            if (s_connections.TryGetValue(settings, out existing))
            {
                return existing;
            }

            var created = EcsConnection.Open(settings);
            s_connections[settings] = created;
            return created;
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
        }
    }
}
