using System;
using System.Linq;
using System.Text.Json.Nodes;

namespace EcsTools.LocalEcs.Operations;

/// <summary>A canonical text of a request (members sorted, some left out), to compare the parameters of two requests.</summary>
internal static class JsonCanonical
{
    public static string Fingerprint(JsonObject input, params string[] ignored)
    {
        var copy = (JsonObject)input.DeepClone();
        foreach (string member in ignored)
        {
            copy.Remove(member);
        }

        return Sorted(copy)?.ToJsonString() ?? "null";
    }

    private static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj
            .Where(p => p.Value is not null)
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => new System.Collections.Generic.KeyValuePair<string, JsonNode?>(p.Key, Sorted(p.Value)))),
        JsonArray array => new JsonArray(array.Select(Sorted).ToArray()),
        _ => node?.DeepClone(),
    };
}
