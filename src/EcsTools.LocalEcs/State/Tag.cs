using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace EcsTools.LocalEcs.State;

/// <summary>A resource tag.</summary>
internal sealed record Tag(string Key, string Value)
{
    public static List<Tag> ListFrom(JsonArray? tags) =>
        tags?.Select(t => new Tag((string?)t?["key"] ?? string.Empty, (string?)t?["value"] ?? string.Empty)).ToList() ?? [];

    public static JsonArray ToJson(IEnumerable<Tag> tags) =>
        new(tags.Select(t => (JsonNode)new JsonObject { ["key"] = t.Key, ["value"] = t.Value }).ToArray());
}
