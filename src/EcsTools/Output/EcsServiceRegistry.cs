namespace EcsTools;

/// <summary>A service discovery (Cloud Map) registry of a task set or service. Objects of this type bind to -ServiceRegistry.</summary>
public sealed class EcsServiceRegistry
{
    public EcsServiceRegistry(string? registryArn, int? port, string? containerName, int? containerPort)
    {
        RegistryArn = registryArn;
        Port = port;
        ContainerName = containerName;
        ContainerPort = containerPort;
    }

    public string? RegistryArn { get; }

    /// <summary>The port of an SRV record (awsvpc network mode).</summary>
    public int? Port { get; }

    public string? ContainerName { get; }

    public int? ContainerPort { get; }

    public override string ToString() =>
        RegistryArn + (ContainerName is null ? "" : $" -> {ContainerName}:{ContainerPort}") + (Port is null ? "" : $" (port {Port})");
}
