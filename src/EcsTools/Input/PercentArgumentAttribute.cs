using System;
using System.Globalization;
using System.Management.Automation;

namespace EcsTools.Input;

/// <summary>
/// Lets a percentage parameter (-Scale) take the text '50%' (or '50 %') as well as the number 50: without it PowerShell
/// refuses the percent sign in its own words. Anything else is left to PowerShell's conversion and the command's check.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
internal sealed class PercentArgumentAttribute : ArgumentTransformationAttribute
{
    public override object Transform(EngineIntrinsics engineIntrinsics, object inputData) =>
        (inputData is PSObject ps ? ps.BaseObject : inputData) is string text
            && text.Trim() is { Length: > 1 } trimmed && trimmed[^1] == '%'
            && double.TryParse(trimmed[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var percent)
            ? percent
            : inputData;
}
