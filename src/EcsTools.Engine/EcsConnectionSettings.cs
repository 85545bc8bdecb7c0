namespace EcsTools.Engine;

/// <summary>
/// Where to send ECS calls and as whom. Every member is optional: what is left out is resolved the way the AWS SDK
/// resolves it (environment, AWS_PROFILE, shared config and credentials files, SSO, assume-role, container and
/// instance metadata). Equal settings share one cached connection.
/// </summary>
public sealed record EcsConnectionSettings
{
    public string? Region { get; init; }

    /// <summary>Where <see cref="Region"/> came from when the caller resolved it (e.g. "$StoredAWSRegion"); for -Verbose.</summary>
    public string? RegionOrigin { get; init; }

    public string? ProfileName { get; init; }

    public string? ProfileLocation { get; init; }

    public string? EndpointUrl { get; init; }

    public string? AccessKey { get; init; }

    public string? SecretKey { get; init; }

    public string? SessionToken { get; init; }

    /// <summary>Where explicit keys came from (e.g. "-Credential", "$StoredAWSCredentials"); for -Verbose.</summary>
    public string? CredentialOrigin { get; init; }

    /// <summary>Never prints secrets.</summary>
    public override string ToString() =>
        $"Region={Region ?? "(default)"}, Profile={ProfileName ?? "(default)"}, Endpoint={EndpointUrl ?? "(default)"}, "
        + $"AccessKey={(AccessKey is null ? "(none)" : Redact(AccessKey))}";

    internal static string Redact(string accessKey) => accessKey.Length <= 4 ? "****" : "****" + accessKey[^4..];
}
