using System;
using Amazon.Runtime.CredentialManagement;

namespace EcsTools.Engine.Resolution;

/// <summary>
/// The profiles one resolution may use, read fresh each time (the files can change between commands): the explicit
/// one (-ProfileName, or the default profile of -ProfileLocation), and the ambient one (AWS_PROFILE, else "default").
/// </summary>
internal sealed class ProfileContext
{
    private ProfileContext(CredentialProfileStoreChain chain, CredentialProfile? explicitProfile, string? explicitOrigin,
        CredentialProfile? ambient, string? ambientName, string? ambientOrigin)
    {
        Chain = chain;
        Explicit = explicitProfile;
        ExplicitOrigin = explicitOrigin;
        Ambient = ambient;
        AmbientName = ambientName;
        AmbientOrigin = ambientOrigin;
    }

    public CredentialProfileStoreChain Chain { get; }

    public CredentialProfile? Explicit { get; }

    public string? ExplicitOrigin { get; }

    /// <summary>The AWS_PROFILE or default profile; null when there is an explicit one or none exists.</summary>
    public CredentialProfile? Ambient { get; }

    /// <summary>The name AWS_PROFILE gives, even when no such profile exists.</summary>
    public string? AmbientName { get; }

    public string? AmbientOrigin { get; }

    /// <summary>The profile in use for region and endpoint settings.</summary>
    public CredentialProfile? InUse => Explicit ?? Ambient;

    public static ProfileContext Load(EcsConnectionSettings settings)
    {
        SettingRules.Profiles(settings);
        var chain = new CredentialProfileStoreChain(CredentialsFile(settings.ProfileLocation));
        RegisterSecrets(chain);
        var envProfile = Environment.GetEnvironmentVariable("AWS_PROFILE") is { Length: > 0 } p ? p.Trim() : null;
        if (!string.IsNullOrEmpty(settings.ProfileName) || !string.IsNullOrEmpty(settings.ProfileLocation))
        {
            var name = settings.ProfileName ?? envProfile ?? "default";
            var origin = settings.ProfileName is not null ? settings.ProfileOrigin ?? "-ProfileName"
                : envProfile is not null ? "AWS_PROFILE, in -ProfileLocation" : "the default profile of -ProfileLocation";
            if (!chain.TryGetProfile(name, out var profile))
            {
                throw ConfigurationErrors.ProfileNotFound(name, origin, Describe(settings.ProfileLocation));
            }

            return new ProfileContext(chain, profile, origin, null, null, null);
        }

        if (envProfile is not null)
        {
            chain.TryGetProfile(envProfile, out var named);
            return new ProfileContext(chain, null, null, named, envProfile, "AWS_PROFILE");
        }

        chain.TryGetProfile("default", out var fallback);
        return new ProfileContext(chain, null, null, fallback, null, "the default profile");
    }

    /// <summary>Every profile's secret key and session token become known to <see cref="EcsSecrets"/>, used or not.</summary>
    private static void RegisterSecrets(CredentialProfileStoreChain chain)
    {
        foreach (var profile in chain.ListProfiles())
        {
            EcsSecrets.Register(profile.Options.SecretKey);
            EcsSecrets.Register(profile.Options.Token);
        }
    }

    /// <summary>
    /// The credentials file the profiles are read from: -ProfileLocation; else the file AWS_SHARED_CREDENTIALS_FILE names
    /// now, read whether or not it exists (as botocore does: the SDK's own default is fixed the first time it looks, and
    /// falls back to ~/.aws/credentials when the variable named no file then, so a variable changed in the session or a
    /// file created after the first command would be missed and another account's keys used); else null, the SDK's
    /// default (~/.aws/credentials).
    /// </summary>
    public static string? CredentialsFile(string? profileLocation) =>
        !string.IsNullOrEmpty(profileLocation) ? profileLocation
        : Environment.GetEnvironmentVariable("AWS_SHARED_CREDENTIALS_FILE") is { Length: > 0 } variable ? variable
        : null;

    public static string Describe(string? profileLocation) =>
        !string.IsNullOrEmpty(profileLocation) ? $"'{profileLocation}' and the shared config file"
        : CredentialsFile(null) is { } variable ? $"'{variable}' (AWS_SHARED_CREDENTIALS_FILE) and the shared config file"
        : "the shared credentials and config files (~/.aws/credentials and ~/.aws/config, or AWS_SHARED_CREDENTIALS_FILE and AWS_CONFIG_FILE)";
}
