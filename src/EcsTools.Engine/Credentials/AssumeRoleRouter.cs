using System;
using System.Net;
using System.Threading.Tasks;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.SharedInterfaces;
using Amazon.SecurityToken;

namespace EcsTools.Engine.Credentials;

/// <summary>
/// The STS client the engine registers with its copy of the SDK. AssumeRole is signed with the role's source
/// credentials (found through <see cref="AssumeRoleSources"/>), as the SDK's own fallback does; web identity and SAML
/// are unsigned calls. Every call uses the engine's AWSSDK.SecurityToken, never another module's copy.
/// </summary>
internal sealed class AssumeRoleRouter : ICoreAmazonSTS
{
    private readonly RegionEndpoint _region;
    private readonly IWebProxy? _proxy;

    public AssumeRoleRouter(RegionEndpoint? region, IWebProxy? proxy)
    {
        _region = region ?? RegionEndpoint.USEast1;
        _proxy = proxy;
    }

    public AssumeRoleImmutableCredentials CredentialsFromAssumeRoleAuthentication(string roleArn, string roleSessionName, AssumeRoleAWSCredentialsOptions options)
    {
        using var client = Client(AssumeRoleSources.Find(options, roleArn));
        return ((ICoreAmazonSTS)client).CredentialsFromAssumeRoleAuthentication(roleArn, roleSessionName, options);
    }

    public async Task<AssumeRoleImmutableCredentials> CredentialsFromAssumeRoleAuthenticationAsync(
        string roleArn, string roleSessionName, AssumeRoleAWSCredentialsOptions options)
    {
        using var client = Client(AssumeRoleSources.Find(options, roleArn));
        return await ((ICoreAmazonSTS)client).CredentialsFromAssumeRoleAuthenticationAsync(roleArn, roleSessionName, options).ConfigureAwait(false);
    }

    public AssumeRoleImmutableCredentials CredentialsFromAssumeRoleWithWebIdentityAuthentication(
        string webIdentityToken, string roleArn, string roleSessionName, AssumeRoleWithWebIdentityCredentialsOptions options)
    {
        using var client = Client(new AnonymousAWSCredentials());
        return ((ICoreAmazonSTS)client).CredentialsFromAssumeRoleWithWebIdentityAuthentication(webIdentityToken, roleArn, roleSessionName, options);
    }

    public async Task<AssumeRoleImmutableCredentials> CredentialsFromAssumeRoleWithWebIdentityAuthenticationAsync(
        string webIdentityToken, string roleArn, string roleSessionName, AssumeRoleWithWebIdentityCredentialsOptions options)
    {
        using var client = Client(new AnonymousAWSCredentials());
        return await ((ICoreAmazonSTS)client)
            .CredentialsFromAssumeRoleWithWebIdentityAuthenticationAsync(webIdentityToken, roleArn, roleSessionName, options).ConfigureAwait(false);
    }

    public SAMLImmutableCredentials CredentialsFromSAMLAuthentication(
        string endpoint, string authenticationType, string roleArn, TimeSpan credentialDuration, ICredentials userCredential)
    {
        using var client = Client(new AnonymousAWSCredentials());
        return ((ICoreAmazonSTS)client).CredentialsFromSAMLAuthentication(endpoint, authenticationType, roleArn, credentialDuration, userCredential);
    }

    public async Task<SAMLImmutableCredentials> CredentialsFromSAMLAuthenticationAsync(
        string endpoint, string authenticationType, string roleArn, TimeSpan credentialDuration, ICredentials userCredential)
    {
        using var client = Client(new AnonymousAWSCredentials());
        return await ((ICoreAmazonSTS)client)
            .CredentialsFromSAMLAuthenticationAsync(endpoint, authenticationType, roleArn, credentialDuration, userCredential).ConfigureAwait(false);
    }

    private AmazonSecurityTokenServiceClient Client(AWSCredentials credentials)
    {
        var config = new AmazonSecurityTokenServiceConfig { RegionEndpoint = _region };
        if (_proxy is not null)
        {
            config.SetWebProxy(_proxy);
        }

        return new AmazonSecurityTokenServiceClient(credentials, config);
    }
}
