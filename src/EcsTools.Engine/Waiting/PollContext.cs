using System;

namespace EcsTools.Engine.Waiting;

/// <summary>Where a wait stands: the poll number (1-based; 0 before the first poll), time waited, time left.</summary>
/// <param name="Attempt">The poll being made, or the last one made.</param>
/// <param name="Elapsed">How long the wait has run.</param>
/// <param name="Remaining">The time left before the deadline; null without a timeout.</param>
/// <param name="Timeout">The wait's limit; null: none.</param>
public readonly record struct PollContext(int Attempt, TimeSpan Elapsed, TimeSpan? Remaining, TimeSpan? Timeout);
