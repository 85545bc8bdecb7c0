namespace EcsTools;

/// <summary>A container of an ECS task: its state and, once it has stopped, its exit code and reason.</summary>
public sealed class EcsContainer
{
    internal EcsContainer(string? name, string? containerArn, string? image, string? lastStatus, int? exitCode, string? reason, string? healthStatus, string? runtimeId)
    {
        Name = name;
        ContainerArn = containerArn;
        Image = image;
        LastStatus = lastStatus;
        ExitCode = exitCode;
        Reason = reason;
        HealthStatus = healthStatus;
        RuntimeId = runtimeId;
    }

    public string? Name { get; }

    public string? ContainerArn { get; }

    public string? Image { get; }

    public string? LastStatus { get; }

    public int? ExitCode { get; }

    public string? Reason { get; }

    public string? HealthStatus { get; }

    public string? RuntimeId { get; }

    public override string ToString() =>
        ExitCode is { } code ? $"{Name} ({LastStatus}, exit {code})" : $"{Name} ({LastStatus})";
}
