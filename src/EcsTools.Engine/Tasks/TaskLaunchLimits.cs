namespace EcsTools.Engine.Tasks;

/// <summary>The ECS limits on starting tasks, and the engine's own guard on how many one command may start.</summary>
public static class TaskLaunchLimits
{
    /// <summary>The most tasks one RunTask call starts.</summary>
    public const int MaxRunTaskCount = 10;

    /// <summary>The most container instances one StartTask call takes.</summary>
    public const int MaxStartTaskInstances = 10;

    /// <summary>The longest RunTask client token.</summary>
    public const int MaxClientTokenLength = 64;

    /// <summary>The most characters the JSON of a task's overrides may have.</summary>
    public const int MaxOverrideLength = 8192;

    /// <summary>The longest reference id.</summary>
    public const int MaxReferenceIdLength = 1024;

    /// <summary>The most placement constraints a task takes.</summary>
    public const int MaxPlacementConstraints = 10;

    /// <summary>The most placement strategy rules a task takes.</summary>
    public const int MaxPlacementStrategies = 5;

    /// <summary>The most tasks one launch request starts for one task definition, and container instances it takes: 100 calls.</summary>
    public const int MaxCount = 1000;

    /// <summary>Container instances that arrive one by one are started in groups of this many (ten StartTask calls).</summary>
    public const int StartTaskGroupSize = MaxStartTaskInstances * 10;
}
