using System;

namespace EcsTools.HelpBuilder;

/// <summary>A link of RELATED LINKS.</summary>
/// <param name="Text">The link text.</param>
/// <param name="Uri">The target as written (<c>Get-EcsTask.md</c>, <c>https://...</c>).</param>
public sealed record RelatedLink(string Text, string Uri)
{
    /// <summary>Whether the target is an absolute URI (only those reach the MAML <c>maml:uri</c>).</summary>
    public bool IsAbsolute => System.Uri.TryCreate(Uri, UriKind.Absolute, out Uri? parsed)
        && (parsed.Scheme == System.Uri.UriSchemeHttp || parsed.Scheme == System.Uri.UriSchemeHttps);
}
