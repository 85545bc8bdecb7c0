using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace EcsTools.LocalEcs.Protocol;

/// <summary>
/// Checks a request against the model before any operation sees it, as the service front end does: a member of the
/// wrong JSON type is a SerializationException; missing required members and broken constraints (length, range,
/// enum, pattern) are collected into one InvalidParameterException in the familiar "N validation errors detected" form.
/// Members the model does not know are ignored.
/// </summary>
internal static class InputValidator
{
    public static void Validate(string operation, JsonObject input)
    {
        InputModel model = InputModel.Instance;
        if (!model.Inputs.TryGetValue(operation, out string? shapeName))
        {
            return;
        }

        var errors = new List<string>();
        Walk(model, shapeName, input, string.Empty, errors);
        if (errors.Count > 0)
        {
            string count = errors.Count == 1 ? "1 validation error" : $"{errors.Count} validation errors";
            throw ServerErrors.InvalidParameter($"{count} detected: {string.Join("; ", errors)}");
        }
    }

    private static void Walk(InputModel model, string shapeName, JsonNode node, string path, List<string> errors)
    {
        InputModel.Shape shape = model.Shapes[shapeName];
        switch (shape.Type)
        {
            case "structure":
                JsonObject obj = node as JsonObject ?? throw Mismatch(node, "a structure", path);
                foreach (string required in shape.Required)
                {
                    if (obj[required] is null)
                    {
                        errors.Add($"Value null at '{Join(path, required)}' failed to satisfy constraint: Member must not be null");
                    }
                }

                foreach (KeyValuePair<string, JsonNode?> member in obj)
                {
                    if (member.Value is not null && shape.Members.TryGetValue(member.Key, out string? memberShape))
                    {
                        Walk(model, memberShape, member.Value, Join(path, member.Key), errors);
                    }
                }

                break;
            case "list":
                JsonArray array = node as JsonArray ?? throw Mismatch(node, "a list", path);
                CheckLength(shape, array.Count, path, "length", errors);
                for (int i = 0; i < array.Count; i++)
                {
                    if (array[i] is JsonNode item)
                    {
                        Walk(model, shape.Member!, item, $"{path}.{i + 1}.member", errors);
                    }
                }

                break;
            case "map":
                JsonObject map = node as JsonObject ?? throw Mismatch(node, "a map", path);
                foreach (KeyValuePair<string, JsonNode?> entry in map)
                {
                    if (entry.Value is not null)
                    {
                        Walk(model, shape.Value!, entry.Value, $"{path}.{entry.Key}", errors);
                    }
                }

                break;
            case "string":
                string text = Scalar(node, JsonValueKind.String, "a String", path).GetString()!;
                CheckString(shape, text, path, errors);
                break;
            case "integer":
            case "long":
                JsonElement number = Scalar(node, JsonValueKind.Number, shape.Type == "long" ? "a Long" : "an Integer", path);
                if (!number.TryGetInt64(out long integer) || (shape.Type == "integer" && integer is > int.MaxValue or < int.MinValue))
                {
                    throw ServerErrors.Serialization($"Value {number.GetRawText()} at '{path}' can not be converted to {(shape.Type == "long" ? "a Long" : "an Integer")}");
                }

                CheckRange(shape, integer, path, errors);
                break;
            case "double":
            case "timestamp":
                Scalar(node, JsonValueKind.Number, shape.Type == "double" ? "a Double" : "a Timestamp", path);
                break;
            case "boolean":
                JsonValueKind kind = node.GetValueKind();
                if (kind is not JsonValueKind.True and not JsonValueKind.False)
                {
                    throw Mismatch(node, "a Boolean", path);
                }

                break;
            default:
                break;
        }
    }

    private static JsonElement Scalar(JsonNode node, JsonValueKind expected, string what, string path)
    {
        if (node is not JsonValue value || value.GetValueKind() != expected)
        {
            throw Mismatch(node, what, path);
        }

        return value.GetValue<JsonElement>();
    }

    private static void CheckString(InputModel.Shape shape, string text, string path, List<string> errors)
    {
        if (shape.Enum is { } values && !values.Contains(text))
        {
            errors.Add($"Value '{text}' at '{path}' failed to satisfy constraint: Member must satisfy enum value set: [{string.Join(", ", values)}]");
        }

        // ECS (Java) counts and matches code points: a letter outside the basic plane is one letter.
        CheckLength(shape, CodePoints.Count(text), path, "length", errors, text);
        if (shape.Pattern is { } pattern && !pattern.IsMatch(CodePoints.InBasicPlane(text)))
        {
            errors.Add($"Value '{text}' at '{path}' failed to satisfy constraint: Member must satisfy regular expression pattern: {shape.PatternText}");
        }
    }

    private static void CheckLength(InputModel.Shape shape, int length, string path, string what, List<string> errors, string? text = null)
    {
        string value = text is null ? string.Empty : $" '{text}'";
        if (shape.Min is { } min && length < min)
        {
            errors.Add($"Value{value} at '{path}' failed to satisfy constraint: Member must have {what} greater than or equal to {min}");
        }

        if (shape.Max is { } max && length > max)
        {
            errors.Add($"Value{value} at '{path}' failed to satisfy constraint: Member must have {what} less than or equal to {max}");
        }
    }

    private static void CheckRange(InputModel.Shape shape, long value, string path, List<string> errors)
    {
        string text = value.ToString(CultureInfo.InvariantCulture);
        if (shape.Min is { } min && value < min)
        {
            errors.Add($"Value '{text}' at '{path}' failed to satisfy constraint: Member must have value greater than or equal to {min}");
        }

        if (shape.Max is { } max && value > max)
        {
            errors.Add($"Value '{text}' at '{path}' failed to satisfy constraint: Member must have value less than or equal to {max}");
        }
    }

    private static LocalEcsException Mismatch(JsonNode node, string what, string path)
    {
        string found = node.GetValueKind() switch
        {
            JsonValueKind.Object => "Start of structure or map",
            JsonValueKind.Array => "Start of list",
            JsonValueKind.String => "STRING_VALUE",
            JsonValueKind.Number => "NUMBER_VALUE",
            JsonValueKind.True or JsonValueKind.False => "BOOLEAN_VALUE",
            _ => "VALUE",
        };
        return ServerErrors.Serialization($"{found} can not be converted to {what} (at '{(path.Length == 0 ? "(root)" : path)}')");
    }

    private static string Join(string path, string member) => path.Length == 0 ? member : $"{path}.{member}";
}
