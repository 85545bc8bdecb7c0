namespace EcsTools.Engine;

/// <summary>
/// Where to send ECS calls and as whom. Every member is optional: what is left out is resolved the way the AWS SDK
/// resolves it (environment, AWS_PROFILE, shared config and credentials files, SSO, assume-role, credential_process,
/// container and instance metadata). The Stored* members are the session defaults AWS.Tools users set
/// (Set-DefaultAWSRegion, Set-AWSCredential): they lose to the explicit members and to -ProfileName, and win over the
/// environment. The cache does not key on these settings but on what they resolve to (see <see cref="EcsConnectionCache"/>).
/// </summary>
public sealed record EcsConnectionSettings
{
    /// <summary>An explicit region (-Region).</summary>
    public string? Region { get; init; }

    /// <summary>Where <see cref="Region"/> came from (e.g. "-Region" or "$PSDefaultParameterValues['*-Ecs*:Region']"); for -Verbose.</summary>
    public string? RegionOrigin { get; init; }

    /// <summary>The session's default region ($StoredAWSRegion), used when neither -Region nor -ProfileName gives one.</summary>
    public string? StoredRegion { get; init; }

    /// <summary>Where <see cref="StoredRegion"/> came from; for -Verbose.</summary>
    public string? StoredRegionOrigin { get; init; }

    public string? ProfileName { get; init; }

    /// <summary>Where <see cref="ProfileName"/> came from; for -Verbose.</summary>
    public string? ProfileOrigin { get; init; }

    /// <summary>A shared credentials file to read profiles from instead of ~/.aws/credentials.</summary>
    public string? ProfileLocation { get; init; }

    public string? EndpointUrl { get; init; }

    /// <summary>The default of <see cref="RequestTimeout"/>: 30 seconds.</summary>
    public static readonly System.TimeSpan DefaultRequestTimeout = System.TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long one HTTP attempt may wait for ECS to answer (-RequestTimeout); <see cref="DefaultRequestTimeout"/> when null.
    /// A call makes up to AWS_MAX_ATTEMPTS attempts (3 by default). Connections with different timeouts are cached apart.
    /// </summary>
    public System.TimeSpan? RequestTimeout { get; init; }

    /// <summary>Where <see cref="RequestTimeout"/> came from; for -Verbose.</summary>
    public string? RequestTimeoutOrigin { get; init; }

    /// <summary>Where <see cref="EndpointUrl"/> came from; for -Verbose.</summary>
    public string? EndpointOrigin { get; init; }

    public string? AccessKey { get; init; }

    public string? SecretKey { get; init; }

    public string? SessionToken { get; init; }

    /// <summary>Where explicit keys came from (e.g. "-Credential"); for -Verbose.</summary>
    public string? CredentialOrigin { get; init; }

    /// <summary>The session's default credentials ($StoredAWSCredentials), read as keys by the caller.</summary>
    public string? StoredAccessKey { get; init; }

    public string? StoredSecretKey { get; init; }

    public string? StoredSessionToken { get; init; }

    /// <summary>Where the stored keys came from (e.g. "$StoredAWSCredentials (Set-AWSCredential)"); for -Verbose.</summary>
    public string? StoredCredentialOrigin { get; init; }

    /// <summary>Never prints secrets.</summary>
    public override string ToString() =>
        $"Region={Region ?? StoredRegion ?? "(default)"}, Profile={ProfileName ?? "(default)"}, Endpoint={EndpointUrl ?? "(default)"}, RequestTimeout={RequestTimeout ?? DefaultRequestTimeout}, "
        + $"AccessKey={(AccessKey ?? StoredAccessKey) switch { null => "(none)", var key => Redact(key) }}";

    internal static string Redact(string accessKey) => accessKey.Length <= 4 ? "****" : "****" + accessKey[^4..];
}
