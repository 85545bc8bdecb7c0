using System;

namespace EcsTools.Engine.Waiting;

/// <summary>How a wait ended, after how many polls and how long, and the last transient error when the budget ran out.</summary>
public sealed record PollResult(PollOutcome Outcome, int Polls, TimeSpan Elapsed, int FailedPolls, EcsServiceException? LastError);
