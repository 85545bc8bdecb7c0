namespace EcsTools.LocalEcs;

/// <summary>A port mapping of a <see cref="LocalEcsContainer"/>. HostPort null (or 0) in bridge mode is a dynamic host port.</summary>
public sealed record LocalEcsPortMapping(int ContainerPort, int? HostPort = null, string Protocol = "tcp");
