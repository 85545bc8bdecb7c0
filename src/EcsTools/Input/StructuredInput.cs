using System.Collections.Generic;
using System.Linq;
using EcsTools.Engine;
using EcsTools.Errors;

namespace EcsTools.Input;

/// <summary>Hashtables or objects given to a parameter, read into the ECS shape they stand for (strictly: unknown keys are errors).</summary>
internal static class StructuredInput
{
    /// <summary>The item as JSON, for the engine to read into its ECS shape.</summary>
    public static string Json(object item, string parameter, string errorId)
    {
        try
        {
            return PSObjectJson.Serialize(item);
        }
        catch (System.ArgumentException e)
        {
            throw new InputValidationException(errorId, InputMessages.InvalidStructuredInput(parameter, e.Message), InputMessages.InvalidStructuredInputAction(parameter), item);
        }
    }

    /// <summary>The items (nulls skipped) as JSON, one each; null when there are none given.</summary>
    public static List<string>? JsonAll(object[]? items, string parameter, string errorId) =>
        items?.Where(i => i is not null).Select(i => Json(i, parameter, errorId)).ToList();
}
