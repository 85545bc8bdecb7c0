using System;
using EcsTools.Engine.Tasks;

namespace EcsTools.Engine.TaskSets;

/// <summary>The ECS limits of task sets, and the client tokens that make a retried or repeated CreateTaskSet idempotent.</summary>
public static class TaskSetRules
{
    /// <summary>CreateTaskSet's clientToken: up to 36 ASCII characters 33-126 (newest model documentation).</summary>
    public const int MaxClientTokenLength = 36;

    /// <summary>A scale is a percentage of the service's desired count: 0 to 100.</summary>
    public const double MaxScale = 100;

    /// <summary>ECS's only scale unit.</summary>
    public const string ScaleUnit = "PERCENT";

    /// <summary>Whether ECS takes <paramref name="percent"/> as a scale.</summary>
    public static bool IsValidScale(double percent) => double.IsFinite(percent) && percent is >= 0 and <= MaxScale;

    /// <summary>
    /// The client token of the CreateTaskSet for input <paramref name="inputIndex"/> (0-based) of one command: a new one
    /// for each call when the user gave none; the user's own for the first input; for the next ones, one derived from it
    /// ("-p2", "-p3"...), so that running the same command again creates nothing new. The engine serializes the request
    /// once, so this token is the one every SDK retry of the call resends.
    /// </summary>
    public static string ClientTokenFor(string? given, int inputIndex)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(inputIndex);
        return EcsClientTokens.ForInput(given, inputIndex, MaxClientTokenLength) ?? EcsClientTokens.New();
    }
}
