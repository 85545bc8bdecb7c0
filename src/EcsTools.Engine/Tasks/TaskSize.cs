using System;
using System.Globalization;
using System.Text.RegularExpressions;

namespace EcsTools.Engine.Tasks;

/// <summary>
/// The task-level CPU and memory of an override, in the forms ECS takes for a task's size: CPU units (<c>1024</c>) or
/// vCPUs with the unit (<c>0.5 vCPU</c>); MiB (<c>2048</c>) or GB with the unit (<c>2 GB</c>). Anything else (<c>abc</c>,
/// <c>-5</c>, <c>0</c>) is refused before anything is sent; which sizes a launch type accepts is left to ECS.
/// </summary>
internal static partial class TaskSize
{
    public static void CheckCpu(string? value, string parameter, bool inOverride = false)
    {
        if (value is not null && !IsAmount(value, CpuPattern()))
        {
            throw new EcsInputException(ErrorIds.InvalidCpu, InputMessages.InvalidCpu(parameter, value), InputMessages.InvalidCpuAction(inOverride), value);
        }
    }

    public static void CheckMemory(string? value, string parameter, bool inOverride = false)
    {
        if (value is not null && !IsAmount(value, MemoryPattern()))
        {
            throw new EcsInputException(ErrorIds.InvalidMemory, InputMessages.InvalidMemory(parameter, value), InputMessages.InvalidMemoryAction(inOverride), value);
        }
    }

    private static bool IsAmount(string value, Regex pattern) =>
        pattern.Match(value) is { Success: true } match
        && double.TryParse(match.Groups["amount"].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount)
        && amount > 0;

    // An integer, or a decimal with the unit.
    [GeneratedRegex(@"^(?:(?<amount>[0-9]{1,9})|(?<amount>[0-9]{1,6}(?:\.[0-9]{1,3})?) ?vcpu)\z", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CpuPattern();

    [GeneratedRegex(@"^(?:(?<amount>[0-9]{1,9})|(?<amount>[0-9]{1,6}(?:\.[0-9]{1,3})?) ?gb)\z", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MemoryPattern();
}
