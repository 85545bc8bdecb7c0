using System;
using System.Globalization;

namespace EcsTools.Engine.Resolution;

/// <summary>
/// Every configuration error of the engine, in one place: the settings that name each condition (the module turns a
/// setting into its error id, see the module's ErrorRecords.FromConfiguration) and the messages and recommended
/// actions. Nothing is sent when one is thrown. Messages show at most the first 64 characters of what was given.
/// </summary>
internal static class ConfigurationErrors
{
    // The settings (the conditions), as EcsConfigurationException.Setting carries them.
    public const string Configuration = "Configuration";
    public const string Region = "Region";
    public const string RequestTimeout = "RequestTimeout";
    public const string Endpoint = "Endpoint";
    public const string Profile = "Profile";
    public const string Credentials = "Credentials";
    public const string RegionName = "RegionName";
    public const string ProfileName = "ProfileName";
    public const string ProfileFile = "ProfileFile";
    public const string ProfileFileSize = "ProfileFileSize";
    public const string CredentialsFile = "CredentialsFile";
    public const string ConfigFile = "ConfigFile";

    /// <summary>Whatever the SDK refuses that the checks before it did not catch.</summary>
    public static EcsConfigurationException Unusable(Exception e) => new(Configuration,
        $"The AWS configuration could not be used: {(e.Message.Length <= 500 ? e.Message : e.Message[..500] + "...")}",
        "Check -Region, -ProfileName, -ProfileLocation, -EndpointUrl and the AWS_* environment variables.", e);

    public static EcsConfigurationException NoRegion() => new(
        Region,
        "No AWS region was found. Looked at: -Region, the region of -ProfileName's profile, $StoredAWSRegion (Set-DefaultAWSRegion), "
        + "the AWS_REGION and AWS_DEFAULT_REGION environment variables, the region of the AWS_PROFILE or default profile in ~/.aws/config, "
        + "and instance metadata.",
        "Pass -Region (for example -Region us-east-1), set $env:AWS_REGION or $PSDefaultParameterValues['*-Ecs*:Region'], "
        + "or add region = ... to your profile in ~/.aws/config.");

    public static EcsConfigurationException InvalidRegion(string shown, string origin) => new(RegionName,
        $"'{shown}' (from {origin}) is not an AWS region name: region names are lowercase letters, digits and hyphens, such as us-east-1.",
        "Pass a region name such as us-east-1 or eu-west-1 (Get-AWSRegion lists them in AWS.Tools); press Tab after -Region.");

    public static EcsConfigurationException RequestTimeoutNotPositive(TimeSpan requestTimeout) => new(RequestTimeout,
        $"The request timeout {requestTimeout} is not positive.", "Pass -RequestTimeout in seconds, for example -RequestTimeout 30.");

    public static EcsConfigurationException EndpointNotResolved(string region, string reason, Exception? inner) => new(Endpoint,
        $"No ECS endpoint could be resolved for region '{region}': {reason}",
        "Check -Region, or pass -EndpointUrl.", inner);

    public static EcsConfigurationException EndpointNotAbsolute(string endpointUrl) => new(
        Endpoint,
        $"The endpoint URL '{endpointUrl}' is not an absolute http or https URL.",
        "Pass -EndpointUrl such as http://127.0.0.1:4566 or https://ecs.us-east-1.amazonaws.com.");

    public static EcsConfigurationException ProfileNotFound(string name, string origin, string where) => new(
        Profile,
        $"The AWS profile '{name}' (from {origin}) was not found in {where}.",
        "Check the profile name (the sections of ~/.aws/config and ~/.aws/credentials; press Tab after -ProfileName), "
        + "or pass -ProfileLocation with the file that defines it.");

    public static EcsConfigurationException EnvironmentProfileNotFound(string named, string where) => new(
        Profile,
        $"The environment variable AWS_PROFILE names the profile '{named}', which is not in {where}.",
        "Fix or remove $env:AWS_PROFILE, or pass -ProfileName.");

    public static EcsConfigurationException InvalidProfileName(string shown, string origin, int maxLength) => new(ProfileName,
        $"'{shown}' (from {origin}) is not a profile name: profile names are 1 to {maxLength} characters, "
        + "without control characters, square brackets or surrounding spaces.",
        "Pass the name of a section of ~/.aws/config or ~/.aws/credentials (press Tab after -ProfileName).");

    public static EcsConfigurationException ProfileFileTooLarge(string shown, string origin, long length, long maxBytes) => new(ProfileFileSize,
        $"The profile file '{shown}' (from {origin}) is {length.ToString("N0", CultureInfo.InvariantCulture)} bytes; "
        + $"EcsTools reads profile files of at most {maxBytes.ToString("N0", CultureInfo.InvariantCulture)} bytes.",
        "Check that the path is your AWS credentials or config file; split very large files or pass -ProfileLocation with a smaller one.");

    public static EcsConfigurationException NotAFile(string shown, string origin, string what) => new(ProfileFile,
        $"The profile file '{shown}' (from {origin}) is {what}, not a regular file.",
        "Pass -ProfileLocation with the path of an AWS credentials file, such as ~/.aws/credentials.");

    public static EcsConfigurationException ProfileFileUnreadable(string shown, string origin, Exception e) => new(ProfileFile,
        $"The profile file '{shown}' (from {origin}) cannot be read: {e.GetType().Name}.",
        "Check the path and its permissions.", e);

    /// <summary>A line of a credentials or config file that is not a section, property or comment (see <see cref="ProfileFileErrors"/>).</summary>
    public static EcsConfigurationException ProfileFileLine(bool isConfig, string message, string? line) => new(
        isConfig ? ConfigFile : CredentialsFile,
        message,
        $"Fix line {line ?? "(see the file)"}: a property needs '=' between its name and value. Every EcsTools command reads the "
        + "whole file, even when it uses another profile or environment credentials.");

    public static EcsConfigurationException HalfKeyPair(string origin) => new(
        Credentials,
        $"Both an access key and a secret key are needed; {origin} gave only one.",
        "Pass -AccessKey with -SecretKey (and -SessionToken for temporary credentials), or -Credential.");

    public static EcsConfigurationException ProfileWithoutCredentials(string profile, string origin) => new(
        Credentials,
        $"The AWS profile '{profile}' (from {origin}) has no usable credentials: it needs keys, SSO settings, role_arn with "
        + "source_profile or credential_source (without mfa_serial), or credential_process.",
        $"Add credentials to the profile (aws configure --profile {profile}), or choose another profile.");

    public static EcsConfigurationException ProfileCredentialsFailed(string profile, string reason, Exception? inner) => new(
        Credentials,
        $"The credentials of AWS profile '{profile}' could not be set up: {reason}",
        "Check the profile's settings, and its source_profile if it assumes a role.",
        inner);
}
