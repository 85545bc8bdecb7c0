using System;
using System.Management.Automation;
using System.Reflection;
using EcsTools.Errors;
using EcsTools.Input;

namespace EcsTools.Session;

/// <summary>
/// Reads the session defaults AWS.Tools leaves behind: $StoredAWSRegion (Set-DefaultAWSRegion, a region name) and
/// $StoredAWSCredentials (Set-AWSCredential). Their types come from another copy of the AWS SDK, so they are read by
/// member names only: a GetCredentials() method returning an object with AccessKey, SecretKey and Token (any
/// AWSCredentials), or a Credentials property holding one (AWS.Tools' AWSPSCredentials wrapper, whose members are
/// internal). Must run on the pipeline thread: a stand-in's GetCredentials may be a script method.
/// </summary>
internal static class StoredAwsDefaults
{
    public const string RegionVariable = "StoredAWSRegion";
    public const string CredentialsVariable = "StoredAWSCredentials";

    private const BindingFlags AnyInstance = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;
    private const int MaxDepth = 3;

    public static string? ReadRegion(object? value)
    {
        var unwrapped = Unwrap(value);
        return unwrapped switch
        {
            null => null,
            string text => string.IsNullOrWhiteSpace(text) ? null : text.Trim(),
            _ => Member(unwrapped, "SystemName") as string ?? Member(unwrapped, "Region") as string,
        };
    }

    /// <summary>The keys of $StoredAWSCredentials, and a description of it for -Verbose (never a secret); null when it is not set.</summary>
    public static (string AccessKey, string SecretKey, string? Token, string Origin)? ReadCredentials(object? value)
    {
        var current = Unwrap(value);
        if (current is null)
        {
            return null;
        }

        var name = Member(current, "Name") as string;
        var origin = string.IsNullOrEmpty(name)
            ? $"${CredentialsVariable} (Set-AWSCredential)"
            : $"${CredentialsVariable} (Set-AWSCredential, '{name}')";
        for (var depth = 0; depth < MaxDepth && current is not null; depth++)
        {
            var wrapped = PSObject.AsPSObject(current);
            if (wrapped.Methods["GetCredentials"] is { } getCredentials)
            {
                return Keys(Invoke(getCredentials), origin);
            }

            if (Member(current, "AccessKey") is string && Member(current, "SecretKey") is string)
            {
                return Keys(current, origin);
            }

            current = Unwrap(Member(current, "Credentials"));
        }

        throw Unusable($"${CredentialsVariable} holds a {Unwrap(value)?.GetType().Name} that has no GetCredentials() method or keys.");
    }

    private static (string AccessKey, string SecretKey, string? Token, string Origin) Keys(object? immutable, string origin)
    {
        var accessKey = Member(immutable, "AccessKey") as string;
        var secretKey = Member(immutable, "SecretKey") as string;
        var token = Member(immutable, "Token") as string ?? Member(immutable, "SessionToken") as string;
        if (string.IsNullOrEmpty(accessKey) || string.IsNullOrEmpty(secretKey))
        {
            throw Unusable($"${CredentialsVariable}.GetCredentials() gave no access key and secret key.");
        }

        return (accessKey, secretKey, string.IsNullOrEmpty(token) ? null : token, origin);
    }

    private static object? Invoke(PSMethodInfo method)
    {
        try
        {
            return Unwrap(method.Invoke());
        }
        catch (Exception e) when (e is RuntimeException or InvalidOperationException or ArgumentException)
        {
            var inner = e is MethodInvocationException { InnerException: { } cause } ? cause : e;
            throw Unusable($"${CredentialsVariable}.GetCredentials() failed: {inner.Message}");
        }
    }

    // PowerShell members first (script properties, PSCustomObject notes), then .NET members of any visibility.
    private static object? Member(object? target, string name)
    {
        if (target is null)
        {
            return null;
        }

        try
        {
            if (PSObject.AsPSObject(target).Properties[name] is { } property)
            {
                return Unwrap(property.Value);
            }

            return Unwrap(target.GetType().GetProperty(name, AnyInstance)?.GetValue(target));
        }
        catch (Exception e) when (e is GetValueException or TargetInvocationException or AmbiguousMatchException)
        {
            return null;
        }
    }

    // A PSCustomObject's members live on its PSObject, so that one stays wrapped.
    private static object? Unwrap(object? value) =>
        value is PSObject wrapped && wrapped.BaseObject is not PSCustomObject ? wrapped.BaseObject : value;

    private static InputValidationException Unusable(string message) => new(
        ErrorIds.StoredCredentialsUnusable,
        message,
        $"Run Set-AWSCredential again (or 'aws sso login' for an SSO profile), clear it with Clear-AWSCredential or "
        + $"Remove-Variable {CredentialsVariable} -Scope Global, or pass -ProfileName or -Credential.",
        category: ErrorCategory.AuthenticationError);
}
