using System;
using System.Globalization;
using System.Management.Automation;

namespace EcsTools.Input;

/// <summary>
/// Lets a TimeSpan parameter take a number of seconds (-Timeout 300, -PollInterval 0.5) as well as a TimeSpan
/// (New-TimeSpan -Minutes 5) or a string such as '00:05:00'. Without it PowerShell would read 300 as 300 ticks.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
internal sealed class TimeSpanArgumentAttribute : ArgumentTransformationAttribute
{
    public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
    {
        var value = inputData is PSObject ps ? ps.BaseObject : inputData;
        switch (value)
        {
            case TimeSpan:
                return value;
            case byte or sbyte or short or ushort or int or uint or long or ulong or float or double or decimal:
                return FromSeconds(Convert.ToDouble(value, CultureInfo.InvariantCulture));
            case string text when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds):
                return FromSeconds(seconds);
            case string text when TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span):
                return span;
            default:
                return inputData;
        }
    }

    private static object FromSeconds(double seconds) =>
        double.IsFinite(seconds) && Math.Abs(seconds) < TimeSpan.MaxValue.TotalSeconds
            ? TimeSpan.FromSeconds(seconds)
            : throw new ArgumentTransformationMetadataException($"{seconds.ToString(CultureInfo.InvariantCulture)} seconds is not a usable time span.");
}
