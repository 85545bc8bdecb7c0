using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using EcsTools.LocalEcs;
using EcsTools.Tests.Host;

namespace EcsTools.Tests.Session;

/// <summary>Helpers of the session tests: completion through TabExpansion2, the SigV4 scope of a request, scratch files.</summary>
internal static partial class SessionKit
{
    /// <summary>Forgets the test keys and region the LocalEcs session sets as $PSDefaultParameterValues (the endpoint stays).</summary>
    public const string ForgetDefaultKeysAndRegion =
        "$PSDefaultParameterValues.Remove('*-Ecs*:AccessKey'); $PSDefaultParameterValues.Remove('*-Ecs*:SecretKey'); "
        + "$PSDefaultParameterValues.Remove('*-Ecs*:Region')";

    /// <summary>A stand-in for what Set-AWSCredential leaves in $StoredAWSCredentials: an object whose GetCredentials() gives keys.</summary>
    public static string StoredCredentialsScript(string accessKey, string secretKey, string? token = null) =>
        "$global:StoredAWSCredentials = [pscustomobject]@{ Name = 'stand-in' }; "
        + "$global:StoredAWSCredentials.PSObject.Methods.Add([System.Management.Automation.PSScriptMethod]::new('GetCredentials', "
        + $"{{ [pscustomobject]@{{ AccessKey = '{accessKey}'; SecretKey = '{secretKey}'; Token = {(token is null ? "$null" : $"'{token}'")} }} }}))";

    /// <summary>What TabExpansion2 offers for the input with the cursor at its end, and how long it took.</summary>
    public static (IReadOnlyList<string> Texts, TimeSpan Elapsed, PsResult Result) Complete(PsSession session, string input)
    {
        var clock = Stopwatch.StartNew();
        var result = session.Run(
            "(TabExpansion2 -inputScript $args[0] -cursorColumn $args[0].Length).CompletionMatches | ForEach-Object CompletionText", input);
        clock.Stop();
        return (result.Output.Select(o => o.BaseObject.ToString()!).ToList(), clock.Elapsed, result);
    }

    public static (string AccessKey, string Region, string Service) Scope(LocalEcsRequest request) => Scope(request.Authorization);

    /// <summary>The access key id, region and service of a SigV4 Authorization header's credential scope.</summary>
    public static (string AccessKey, string Region, string Service) Scope(string? authorization)
    {
        var match = CredentialScope().Match(authorization ?? "");
        return match.Success
            ? (match.Groups["key"].Value, match.Groups["region"].Value, match.Groups["service"].Value)
            : throw new InvalidOperationException($"No SigV4 credential scope in '{authorization}'.");
    }

    public static string TempDirectory()
    {
        var path = Path.Combine(Path.GetTempPath(), "ecstools-session-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

    [GeneratedRegex(@"Credential=(?<key>[^/]+)/\d{8}/(?<region>[^/]+)/(?<service>[^/]+)/aws4_request")]
    private static partial Regex CredentialScope();
}
