using System.Collections.Generic;

namespace EcsTools.Engine.Tasks;

/// <summary>One DescribeTasks request of a batch that failed, and the tasks it asked for.</summary>
public sealed class TaskBatchError
{
    internal TaskBatchError(IReadOnlyList<string> tasks, EcsServiceException exception)
    {
        Tasks = tasks;
        Exception = exception;
    }

    public IReadOnlyList<string> Tasks { get; }

    public EcsServiceException Exception { get; }
}
