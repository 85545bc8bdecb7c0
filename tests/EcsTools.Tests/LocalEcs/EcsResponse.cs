using System.Net;
using System.Net.Http;
using System.Text.Json.Nodes;

namespace EcsTools.Tests.LocalEcs;

/// <summary>One raw answer of LocalEcs.</summary>
internal sealed record EcsResponse(HttpStatusCode Status, string Body, JsonNode? Json, HttpResponseMessage Message)
{
    public string? ErrorCode => (string?)Json?["__type"];

    public string? ErrorMessage => (string?)Json?["message"];

    public string? Header(string name) =>
        Message.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;
}
