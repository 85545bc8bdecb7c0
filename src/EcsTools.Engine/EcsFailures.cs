namespace EcsTools.Engine;

/// <summary>Failure reasons the engine adds to those ECS returns.</summary>
public static class EcsFailures
{
    /// <summary>A StartTask failure for a container instance where the engine could not find out whether a task was started (the detail says what to check).</summary>
    public const string OutcomeUnknown = "OUTCOME_UNKNOWN";
}
