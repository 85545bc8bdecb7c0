using System;

namespace EcsTools.Engine.Tests.Waiting;

/// <summary>A Random whose NextDouble is always the same: jitter pinned for the schedule's tests.</summary>
internal sealed class FixedRandom(double value) : Random
{
    public override double NextDouble() => value;

    protected override double Sample() => value;
}
