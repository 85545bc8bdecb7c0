using EcsTools.Engine;

namespace EcsTools.Input;

/// <summary>The engine's client-token rules (<see cref="Engine.EcsClientTokens"/>), with its refusals as input errors.</summary>
internal static class ClientTokens
{
    public static string New() => Engine.EcsClientTokens.New();

    public static void Validate(string? token, int maxLength, string parameter = "ClientToken")
    {
        try
        {
            Engine.EcsClientTokens.Validate(token, maxLength, parameter);
        }
        catch (EcsInputException e)
        {
            throw new InputValidationException(e.ErrorId!, e.Message, e.RecommendedAction!);
        }
    }

    public static string Derive(string token, string part, int maxLength) => Engine.EcsClientTokens.Derive(token, part, maxLength);

    public static string Part(int index) => Engine.EcsClientTokens.Part(index);
}
