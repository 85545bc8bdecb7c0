using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EcsTools.Engine;

namespace EcsTools.Completion;

/// <summary>
/// What completers fetched, per connection and call (e.g. "services of cluster demo"), for <see cref="Lifetime"/>. A
/// fetch that outlives the prompt's patience keeps running (up to <see cref="FetchLimit"/>) and fills the cache for the
/// next Tab; concurrent requests share one fetch; a failed fetch is forgotten at once.
/// </summary>
internal static class CompletionCache
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan FetchLimit = TimeSpan.FromSeconds(20);

    private const int MaxEntries = 256;

    private static readonly ConcurrentDictionary<(EcsConnection Connection, string Call), Entry> s_entries = new();

    public static Task<IReadOnlyList<CompletionItem>> GetAsync(
        EcsConnection connection, string call, CompletionRunner.Fetch fetch)
    {
        var key = (connection, call);
        while (true)
        {
            if (s_entries.TryGetValue(key, out var existing) && existing.IsUsable)
            {
                return existing.Items;
            }

            var created = new Entry(connection, fetch);
            if (existing is null ? s_entries.TryAdd(key, created) : s_entries.TryUpdate(key, created, existing))
            {
                Prune();
                return created.Start();
            }
        }
    }

    private static void Prune()
    {
        if (s_entries.Count <= MaxEntries)
        {
            return;
        }

        foreach (var stale in s_entries.Where(e => !e.Value.IsUsable).ToList())
        {
            s_entries.TryRemove(stale);
        }
    }

    private sealed class Entry
    {
        private readonly EcsConnection _connection;
        private readonly CompletionRunner.Fetch _fetch;
        private readonly TaskCompletionSource<IReadOnlyList<CompletionItem>> _items = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private long _completedAt;

        public Entry(EcsConnection connection, CompletionRunner.Fetch fetch)
        {
            _connection = connection;
            _fetch = fetch;
        }

        public Task<IReadOnlyList<CompletionItem>> Items => _items.Task;

        public bool IsUsable => !Items.IsCompleted
            || (Items.IsCompletedSuccessfully && Environment.TickCount64 - Interlocked.Read(ref _completedAt) < Lifetime.TotalMilliseconds);

        public Task<IReadOnlyList<CompletionItem>> Start()
        {
            _ = Task.Run(async () =>
            {
                using var limit = new CancellationTokenSource(FetchLimit);
                try
                {
                    var items = await _fetch(_connection, limit.Token).ConfigureAwait(false);
                    Interlocked.Exchange(ref _completedAt, Environment.TickCount64);
                    _items.TrySetResult(items);
                }
                catch (Exception e)
                {
                    _items.TrySetException(e);
                }
            });
            _ = Items.ContinueWith(t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            return Items;
        }
    }
}
