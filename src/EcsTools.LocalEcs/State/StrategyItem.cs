using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace EcsTools.LocalEcs.State;

/// <summary>One capacity provider strategy item.</summary>
internal sealed record StrategyItem(string CapacityProvider, int Weight, int Base)
{
    public static List<StrategyItem> ListFrom(JsonArray items) => items
        .Select(i => new StrategyItem((string)i!["capacityProvider"]!, (int?)i["weight"] ?? 0, (int?)i["base"] ?? 0))
        .ToList();

    public static JsonArray ToJson(IEnumerable<StrategyItem> items) => new(items
        .Select(i => (JsonNode)new JsonObject { ["capacityProvider"] = i.CapacityProvider, ["weight"] = i.Weight, ["base"] = i.Base })
        .ToArray());
}
