using EcsTools.Engine.Model;

namespace EcsTools.Engine.Tasks;

/// <summary>A container of a task, as ECS described it.</summary>
public sealed class ContainerInfo
{
    private readonly Container _container;

    internal ContainerInfo(Container container) => _container = container;

    public string? Name => _container.Name;

    public string? ContainerArn => _container.ContainerArn;

    public string? Image => _container.Image;

    public string? LastStatus => _container.LastStatus;

    public int? ExitCode => _container.ExitCode;

    public string? Reason => _container.Reason;

    public string? HealthStatus => _container.HealthStatus;

    public string? RuntimeId => _container.RuntimeId;
}
