using EcsTools.Engine;
using EcsTools.Engine.Tasks;

namespace EcsTools.Input;

/// <summary>The engine's client-token rules (<see cref="EcsTools.Engine.Tasks.EcsClientTokens"/>), with its refusals as input errors.</summary>
internal static class ClientTokens
{
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
}
