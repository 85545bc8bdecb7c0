using System;
using System.IO;
using Amazon.Runtime;
using EcsTools.Engine.Resolution;
using Xunit;

namespace EcsTools.Engine.Tests;

/// <summary>What <see cref="EcsSecrets"/> masks, and how a malformed credentials or config file is reported.</summary>
public sealed class EcsSecretsTests
{
    [Theory]
    [InlineData("Line 8:<aws_secret_access_key wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY\n> in file /h/.aws/credentials does not contain", "wJalrXUtnFEMI")]
    [InlineData("aws_session_token=FQoGZXIvYXdzEXAMPLETOKENVALUE1234567890", "FQoGZXIvYXdz")]
    [InlineData("""{"Version":1,"AccessKeyId":"AKID","SecretAccessKey":"s3cr3t-from-process","SessionToken":"tok-from-process"}""", "s3cr3t-from-process")]
    [InlineData("""{"roleCredentials":{"secretAccessKey":"sso-role-secret","sessionToken":"sso-role-token"}}""", "sso-role-token")]
    [InlineData("""{"accessToken":"cached-sso-access-token","expiresAt":"2099"}""", "cached-sso-access-token")]
    [InlineData("<Credentials><SecretAccessKey>sts-secret-value</SecretAccessKey><SessionToken>sts-token-value</SessionToken></Credentials>", "sts-secret-value")]
    [InlineData("Authorization: AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/ecs/aws4_request, SignedHeaders=host;x-amz-date, Signature=0123456789abcdef0123456789abcdef", "0123456789abcdef0123")]
    [InlineData("X-Amz-Security-Token: IQoJb3JpZ2luX2VjEXAMPLEEXAMPLE X-Amz-Date: 20260101T000000Z", "IQoJb3JpZ2lu")]
    [InlineData("x-amz-sso_bearer_token: bearer-token-value-123", "bearer-token-value-123")]
    [InlineData("https://ecs.example.com/?X-Amz-Signature=abcdef0123456789abcdef&X-Amz-Security-Token=query-token-123", "query-token-123")]
    [InlineData("proxy at http://user:p4ssw0rd@proxy.local:8080 refused", "p4ssw0rd")]
    [InlineData("token IQoJb3JpZ2luX2VjENv//////////wEaCXVzLWVhc3QtMSJHMEUCIQ in a message", "IQoJb3JpZ2lu")]
    public void Patterns_mask_what_can_carry_a_secret(string text, string secretPart)
    {
        var scrubbed = EcsSecrets.Scrub(text);
        Assert.DoesNotContain(secretPart, scrubbed, StringComparison.Ordinal);
        Assert.Contains(EcsSecrets.Mask, scrubbed, StringComparison.Ordinal);
    }

    [Fact]
    public void The_error_output_of_a_failing_credential_process_is_withheld()
    {
        var scrubbed = EcsSecrets.Scrub("Command returned non-zero exit value 3 with the error - key plain-stderr-secret revoked\nmore");
        Assert.Equal("Command returned non-zero exit value 3 (its error output is not shown: it may hold secrets; run the command yourself to see it)", scrubbed);
    }

    [Fact]
    public void Registered_values_are_masked_plain_and_URL_encoded_and_short_ones_are_left_alone()
    {
        EcsSecrets.Register("known+secret/value-0001");
        EcsSecrets.Register("short");
        Assert.Equal("a **** b **** c", EcsSecrets.Scrub("a known+secret/value-0001 b known%2Bsecret%2Fvalue-0001 c"));
        Assert.Equal("a short word", EcsSecrets.Scrub("a short word"));
        Assert.Equal("ClusterNotFoundException: Cluster not found.", EcsSecrets.Scrub("ClusterNotFoundException: Cluster not found."));
        const string Prose = "Looked at the AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY environment variables and aws_session_token in profiles.";
        Assert.Equal(Prose, EcsSecrets.Scrub(Prose));
    }

    [Fact]
    public void A_request_signature_is_masked_wherever_it_shows_up_and_only_the_latest_ones_are_kept()
    {
        var first = NewSignature();
        EcsSecrets.RegisterSignature(first);
        Assert.Equal("echoed **** back", EcsSecrets.Scrub($"echoed {first} back"));
        var digest = "image@sha256:" + NewSignature();
        Assert.Equal(digest, EcsSecrets.Scrub(digest));

        // Each request has a new signature: a long session must not remember (and search for) every one it made.
        var last = "";
        for (var i = 0; i < EcsSecrets.RecentSignatureCount; i++)
        {
            last = NewSignature();
            EcsSecrets.RegisterSignature(last);
        }

        Assert.Equal($"echoed {first} back", EcsSecrets.Scrub($"echoed {first} back"));
        Assert.Equal("echoed **** back", EcsSecrets.Scrub($"echoed {last} back"));
    }

    [Fact]
    public void A_signature_that_is_not_hex_is_remembered_as_a_secret()
    {
        EcsSecrets.RegisterSignature("not-hex-but-secret-0001");
        Assert.Equal("a **** b", EcsSecrets.Scrub("a not-hex-but-secret-0001 b"));
    }

    private static string NewSignature() => Convert.ToHexString(Guid.NewGuid().ToByteArray()).ToLowerInvariant() +
        Convert.ToHexString(Guid.NewGuid().ToByteArray()).ToLowerInvariant();

    [Fact]
    public void Clean_keeps_clean_exceptions_and_rebuilds_a_chain_that_holds_a_secret()
    {
        var clean = new EcsServiceException(EcsErrorKind.Server, "ServerException", "RunTask", "Service unavailable", "req", 500, null, new InvalidOperationException("inner"));
        Assert.Same(clean, EcsSecrets.Clean(clean));

        var sdk = new AmazonClientException("Error: aws_secret_access_key = leaked-secret-in-inner-0001");
        sdk.Data["header"] = "Authorization: Bearer data-secret-0001";
        var dirty = new EcsServiceException(EcsErrorKind.Unknown, "ClientError", "RunTask", "failed: " + sdk.Message, "req-2", 400, ["arn:x"], sdk);
        var cleaned = Assert.IsType<EcsServiceException>(EcsSecrets.Clean(dirty));
        Assert.Equal(("ClientError", "RunTask", "req-2", 400), (cleaned.ErrorCode, cleaned.Operation, cleaned.RequestId, cleaned.StatusCode));
        Assert.Equal(["arn:x"], cleaned.ResourceIds);
        var inner = Assert.IsType<EcsScrubbedException>(cleaned.InnerException);
        Assert.Equal(typeof(AmazonClientException).FullName, inner.OriginalType);
        Assert.Empty(inner.Data);
        Assert.DoesNotContain("leaked-secret", cleaned.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("data-secret", cleaned.ToString(), StringComparison.Ordinal);
        Assert.True(EcsSecrets.IsClean(cleaned));
        Assert.False(EcsSecrets.IsClean(dirty));
    }

    [Fact]
    public void A_malformed_credentials_file_is_named_with_its_line_but_not_the_line_itself()
    {
        var path = Path.Combine(Path.GetTempPath(), "ecstools-" + Guid.NewGuid().ToString("N") + "-credentials");
        var sdk = new InvalidDataException($"Line 8:<aws_secret_access_key SECRET-ON-LINE-8\n> in file {path} does not contain a section, property or comment.");
        var error = ProfileFileErrors.Invalid(sdk, path);
        Assert.Equal(ProfileFileErrors.CredentialsFileSetting, error.Setting);
        Assert.Contains($"Line 8 of the AWS credentials file '{path}'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET-ON-LINE-8", error.ToString(), StringComparison.Ordinal);
        Assert.Null(error.InnerException);
    }

    [Fact]
    public void A_malformed_config_file_is_a_config_file_error()
    {
        var sdk = new InvalidDataException("Line 2:<aws_session_token TOKEN> in file /home/u/.aws/config does not contain a section, property or comment.");
        var error = ProfileFileErrors.Invalid(sdk, null);
        Assert.Equal(ProfileFileErrors.ConfigFileSetting, error.Setting);
        Assert.StartsWith("Line 2 of the AWS config file '/home/u/.aws/config'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("TOKEN", error.Message, StringComparison.Ordinal);
    }
}
