namespace EcsTools.Engine.Tasks;

/// <summary>One page of a task listing: how many tasks ListTasks returned, and what DescribeTasks said of them.</summary>
public sealed class TaskPage
{
    internal TaskPage(int page, int listed, TaskBatchResult described)
    {
        Page = page;
        Listed = listed;
        Described = described;
    }

    /// <summary>The page's number, from 1.</summary>
    public int Page { get; }

    /// <summary>How many task ARNs ListTasks returned on this page.</summary>
    public int Listed { get; }

    /// <summary>The page's tasks (tasks listed a moment ago may since be gone: they are MISSING failures).</summary>
    public TaskBatchResult Described { get; }
}
