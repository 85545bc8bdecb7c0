namespace EcsTools.Engine.Model;

internal sealed partial class RunTaskRequest : ITaskLaunchRequest;

internal sealed partial class StartTaskRequest : ITaskLaunchRequest;
