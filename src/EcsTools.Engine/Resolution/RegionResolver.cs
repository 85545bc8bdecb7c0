using System;
using Amazon;
using Amazon.Runtime;

namespace EcsTools.Engine.Resolution;

/// <summary>
/// The region, in this order: -Region; the region of an explicit profile; the session default ($StoredAWSRegion);
/// AWS_REGION; AWS_DEFAULT_REGION; the region of the AWS_PROFILE or default profile; instance metadata.
/// </summary>
internal static class RegionResolver
{
    public static (RegionEndpoint Region, string Source)? TryResolve(EcsConnectionSettings settings, ProfileContext profiles)
    {
        if (!string.IsNullOrWhiteSpace(settings.Region))
        {
            return (RegionEndpoint.GetBySystemName(SettingRules.Region(settings.Region, settings.RegionOrigin ?? "-Region")), settings.RegionOrigin ?? "-Region");
        }

        if (profiles.Explicit?.Region is { } explicitRegion)
        {
            var source = $"region of profile '{profiles.Explicit.Name}' ({profiles.ExplicitOrigin})";
            SettingRules.Region(explicitRegion.SystemName, source);
            return (explicitRegion, source);
        }

        if (!string.IsNullOrWhiteSpace(settings.StoredRegion))
        {
            return (RegionEndpoint.GetBySystemName(SettingRules.Region(settings.StoredRegion, settings.StoredRegionOrigin ?? "$StoredAWSRegion")),
                settings.StoredRegionOrigin ?? "$StoredAWSRegion");
        }

        foreach (var variable in (string[])["AWS_REGION", "AWS_DEFAULT_REGION"])
        {
            if (Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value && !string.IsNullOrWhiteSpace(value))
            {
                return (RegionEndpoint.GetBySystemName(SettingRules.Region(value, $"environment variable {variable}")), $"environment variable {variable}");
            }
        }

        if (profiles.Ambient?.Region is { } ambientRegion)
        {
            var source = $"region of profile '{profiles.Ambient.Name}' ({profiles.AmbientOrigin})";
            SettingRules.Region(ambientRegion.SystemName, source);
            return (ambientRegion, source);
        }

        if (InstanceMetadataDisabled())
        {
            return null;
        }

        try
        {
            // Environment and profiles were read above, so what the SDK's chain adds is instance metadata.
            return FallbackRegionFactory.GetRegionEndpoint() is { } metadata ? (metadata, "instance metadata") : null;
        }
        catch (AmazonClientException)
        {
            return null;
        }
    }

    public static EcsConfigurationException NotFound() => ConfigurationErrors.NoRegion();

    private static bool InstanceMetadataDisabled() =>
        string.Equals(Environment.GetEnvironmentVariable("AWS_EC2_METADATA_DISABLED"), "true", StringComparison.OrdinalIgnoreCase);
}
