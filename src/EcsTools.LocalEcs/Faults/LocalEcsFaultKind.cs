namespace EcsTools.LocalEcs;

/// <summary>What an injected fault does to a request.</summary>
public enum LocalEcsFaultKind
{
    /// <summary>400 <c>ThrottlingException</c> "Rate exceeded".</summary>
    Throttling,

    /// <summary>500 <c>ServerException</c> with a JSON body.</summary>
    ServerError,

    /// <summary>A 5xx with a <c>text/html</c> body, as a load balancer or proxy in front of the service would send.</summary>
    HtmlError,

    /// <summary>The response comes late (after <see cref="LocalEcsFault.Delay"/>), otherwise unchanged.</summary>
    Slow,

    /// <summary>The connection is aborted without a response.</summary>
    DropConnection,

    /// <summary>Any error code, message and status (e.g. AccessDeniedException).</summary>
    Error,

    /// <summary>
    /// An error that repeats the request, as a misbehaving proxy or a debug endpoint does: every header (Authorization,
    /// X-Amz-Security-Token...) and the body, in a JSON error message or in a plain-text body.
    /// </summary>
    EchoRequest,
}
