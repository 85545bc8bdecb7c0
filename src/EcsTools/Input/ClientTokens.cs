using EcsTools.Engine;
using EcsTools.Engine.Tasks;

namespace EcsTools.Input;

/// <summary>The engine's client-token rules (<see cref="EcsTools.Engine.Tasks.EcsClientTokens"/>), with its refusals as input errors.</summary>
internal static class ClientTokens
{
    public static string New() => EcsTools.Engine.Tasks.EcsClientTokens.New();

    public static void Validate(string? token, int maxLength, string parameter = "ClientToken")
    {
        try
        {
            EcsTools.Engine.Tasks.EcsClientTokens.Validate(token, maxLength, parameter);
        }
        catch (EcsInputException e)
        {
            throw new InputValidationException(e.ErrorId!, e.Message, e.RecommendedAction!);
        }
    }

    public static string Derive(string token, string part, int maxLength) => EcsTools.Engine.Tasks.EcsClientTokens.Derive(token, part, maxLength);

    public static string Part(int index) => EcsTools.Engine.Tasks.EcsClientTokens.Part(index);
}
