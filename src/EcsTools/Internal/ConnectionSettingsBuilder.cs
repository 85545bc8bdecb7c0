using System.Net;
using EcsTools.Engine;

namespace EcsTools.Internal;

/// <summary>Turns a cmdlet's credential, region and endpoint parameters into engine connection settings.</summary>
internal static class ConnectionSettingsBuilder
{
    public static EcsConnectionSettings Build(EcsCmdlet cmdlet)
    {
        string? accessKey = cmdlet.AccessKey;
        string? secretKey = cmdlet.SecretKey;
        string? credentialOrigin = null;
        if (cmdlet.Credential is { } credential)
        {
            if (accessKey is not null || secretKey is not null)
            {
                cmdlet.ThrowInvalidArgument(
                    "ConflictingCredentials",
                    "-Credential and -AccessKey/-SecretKey were both given.",
                    null,
                    "Pass either -Credential or -AccessKey with -SecretKey.");
            }

            accessKey = credential.UserName;
            secretKey = new NetworkCredential(string.Empty, credential.Password).Password;
            credentialOrigin = "-Credential";
        }

        return new EcsConnectionSettings
        {
            Region = cmdlet.Region,
            ProfileName = cmdlet.ProfileName,
            ProfileLocation = cmdlet.ProfileLocation,
            EndpointUrl = cmdlet.EndpointUrl,
            AccessKey = accessKey,
            SecretKey = secretKey,
            SessionToken = cmdlet.SessionToken,
            CredentialOrigin = credentialOrigin,
        };
    }
}
