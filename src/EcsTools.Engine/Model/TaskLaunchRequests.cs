namespace EcsTools.Engine.Model;

public sealed partial class RunTaskRequest : ITaskLaunchRequest;

public sealed partial class StartTaskRequest : ITaskLaunchRequest;
