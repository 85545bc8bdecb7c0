using System;
using System.Runtime.CompilerServices;
using Amazon.Runtime;

namespace EcsTools.Engine.Credentials;

/// <summary>
/// Remembers the source credentials of every assume-role credential object the engine hands to a client. The SDK asks
/// the registered STS client for AssumeRole with only the role ARN, session name and options: the source credentials
/// (a source_profile's keys, SSO, another role...) are found here by the options object, which each
/// <see cref="AssumeRoleAWSCredentials"/> owns.
/// </summary>
internal static class AssumeRoleSources
{
    private const int MaxDepth = 8;

    private static readonly ConditionalWeakTable<AssumeRoleAWSCredentialsOptions, AWSCredentials> s_byOptions = new();

    /// <summary>Walks a credential object and its sources (role chains) and records each role's source.</summary>
    public static void Track(AWSCredentials credentials)
    {
        var current = credentials;
        for (var depth = 0; depth < MaxDepth && current is AssumeRoleAWSCredentials role; depth++)
        {
            if (role.Options is { } options && role.SourceCredentials is { } source)
            {
                s_byOptions.AddOrUpdate(options, source);
            }

            current = role.SourceCredentials;
        }
    }

    public static AWSCredentials Find(AssumeRoleAWSCredentialsOptions? options, string roleArn) =>
        options is not null && s_byOptions.TryGetValue(options, out var source)
            ? source
            : throw new InvalidOperationException(
                $"EcsTools does not know the source credentials for assuming role {roleArn}: the role's credentials were not created by EcsTools.");
}
