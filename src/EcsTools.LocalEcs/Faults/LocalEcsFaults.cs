using System;
using System.Collections.Generic;
using System.Linq;

namespace EcsTools.LocalEcs;

/// <summary>The faults waiting for requests, in the order they were added (thread-safe). The first that matches a request applies.</summary>
public sealed class LocalEcsFaults
{
    private readonly object _gate = new();
    private readonly List<Entry> _entries = [];

    /// <summary>The faults still waiting, each with the number of requests it will still apply to.</summary>
    public IReadOnlyList<LocalEcsFault> Pending
    {
        get
        {
            lock (_gate)
            {
                return _entries.Select(e => e.Fault with { Count = e.Remaining }).ToList();
            }
        }
    }

    /// <summary>Adds a fault; returns this collection, so calls can be chained.</summary>
    public LocalEcsFaults Add(LocalEcsFault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        lock (_gate)
        {
            _entries.Add(new Entry(fault) { Remaining = fault.Count });
        }

        return this;
    }

    public void Clear()
    {
        lock (_gate)
        {
            _entries.Clear();
        }
    }

    /// <summary>Takes one use of the first fault that matches the operation.</summary>
    internal LocalEcsFault? Take(string operation)
    {
        lock (_gate)
        {
            Entry? entry = _entries.FirstOrDefault(e => e.Fault.Operation is null || string.Equals(e.Fault.Operation, operation, StringComparison.Ordinal));
            if (entry is null)
            {
                return null;
            }

            if (--entry.Remaining <= 0)
            {
                _entries.Remove(entry);
            }

            return entry.Fault;
        }
    }

    private sealed class Entry(LocalEcsFault fault)
    {
        public LocalEcsFault Fault { get; } = fault;

        public int Remaining { get; set; }
    }
}
