using System.Collections.Generic;
using EcsTools.Engine;

namespace EcsTools.Input;

/// <summary>Hashtables or objects given to a parameter, read into the ECS shape they stand for (strictly: unknown keys are errors).</summary>
internal static class StructuredInput
{
    public static T Read<T>(object item, string parameter, string errorId)
    {
        string json;
        try
        {
            json = PSObjectJson.Serialize(item);
        }
        catch (System.ArgumentException e)
        {
            throw new InputValidationException(errorId, $"-{parameter}: {e.Message}", $"See Get-Help -Parameter {parameter}.", item);
        }

        try
        {
            return EcsInput.Parse<T>(json, $"-{parameter}");
        }
        catch (EcsInputException e)
        {
            throw new InputValidationException(errorId, e.Message, $"See Get-Help -Parameter {parameter} for the keys it takes.", item);
        }
    }

    public static List<T> ReadAll<T>(object[]? items, string parameter, string errorId)
    {
        var result = new List<T>();
        foreach (var item in items ?? [])
        {
            if (item is not null)
            {
                result.Add(Read<T>(item, parameter, errorId));
            }
        }

        return result;
    }
}
