using System.Text.Json.Nodes;

namespace EcsTools.LocalEcs.State;

/// <summary>An entry of a response's <c>failures</c> list.</summary>
internal sealed record Failure(string? Arn, string Reason, string? Detail = null)
{
    public const string Missing = "MISSING";

    public JsonObject ToJson()
    {
        var json = new JsonObject();
        if (Arn is not null)
        {
            json["arn"] = Arn;
        }

        json["reason"] = Reason;
        if (Detail is not null)
        {
            json["detail"] = Detail;
        }

        return json;
    }
}
