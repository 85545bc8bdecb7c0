using System;
using System.Collections.Generic;
using System.Linq;

namespace EcsTools.LocalEcs.Protocol;

/// <summary>The thread-safe log of requests (bounded, oldest dropped first).</summary>
internal sealed class RequestLog
{
    private const int Capacity = 100_000;
    private readonly object _gate = new();
    private readonly LinkedList<LocalEcsRequest> _requests = new();

    public void Add(LocalEcsRequest request)
    {
        lock (_gate)
        {
            _requests.AddLast(request);
            if (_requests.Count > Capacity)
            {
                _requests.RemoveFirst();
            }
        }
    }

    public IReadOnlyList<LocalEcsRequest> Snapshot(Func<LocalEcsRequest, bool>? filter = null)
    {
        lock (_gate)
        {
            return filter is null ? _requests.ToList() : _requests.Where(filter).ToList();
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _requests.Clear();
        }
    }
}
