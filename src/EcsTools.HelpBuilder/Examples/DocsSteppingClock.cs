using System;
using System.Threading;

namespace EcsTools.HelpBuilder.Examples;

/// <summary>
/// LocalEcs's clock for the examples: it starts at a fixed time and moves a fixed step each time it is read (LocalEcs
/// reads it twice a request), so task lifecycles, and the times and states the examples show, depend on the requests
/// an example makes, not on how fast the machine is.
/// </summary>
public sealed class DocsSteppingClock : TimeProvider
{
    public static readonly DateTimeOffset Start = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    private readonly TimeSpan _step;
    private long _reads;

    public DocsSteppingClock(TimeSpan step) => _step = step;

    public override DateTimeOffset GetUtcNow() => Start + (_step * (Interlocked.Increment(ref _reads) - 1));

    public void Reset() => Interlocked.Exchange(ref _reads, 0);
}
