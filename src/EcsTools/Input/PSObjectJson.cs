using System;
using System.Collections;
using System.Globalization;
using System.IO;
using System.Management.Automation;
using System.Text;
using System.Text.Json;

namespace EcsTools.Input;

/// <summary>
/// Writes what a user passes to a structured parameter (hashtables, PSCustomObjects, AWS.Tools model objects, arrays)
/// as JSON for <c>EcsInput.Parse</c>. Null-valued properties are left out, so an AWS.Tools object's unset members are
/// not sent; AWS SDK constant classes (LaunchType, ...) are written as their string value.
/// </summary>
internal static class PSObjectJson
{
    private const int MaxDepth = 16;

    public static string Serialize(object? value)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, value, 0);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void Write(Utf8JsonWriter writer, object? value, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new ArgumentException("The value is nested too deeply (more than 16 levels).");
        }

        if (value is PSObject psObject)
        {
            if (psObject.BaseObject is PSCustomObject)
            {
                WriteProperties(writer, psObject, depth);
                return;
            }

            value = psObject.BaseObject;
        }

        switch (value)
        {
            case null:
                writer.WriteNullValue();
                return;
            case string s:
                writer.WriteStringValue(s);
                return;
            case char c:
                writer.WriteStringValue(c.ToString());
                return;
            case bool b:
                writer.WriteBooleanValue(b);
                return;
            case SwitchParameter sw:
                writer.WriteBooleanValue(sw.IsPresent);
                return;
            case byte or sbyte or short or ushort or int or uint or long:
                writer.WriteNumberValue(Convert.ToInt64(value, CultureInfo.InvariantCulture));
                return;
            case ulong ul:
                writer.WriteNumberValue(ul);
                return;
            case float or double:
                writer.WriteNumberValue(Convert.ToDouble(value, CultureInfo.InvariantCulture));
                return;
            case decimal d:
                writer.WriteNumberValue(d);
                return;
            case DateTime dt:
                writer.WriteStringValue(dt.ToUniversalTime().ToString("o", CultureInfo.InvariantCulture));
                return;
            case DateTimeOffset dto:
                writer.WriteStringValue(dto.ToString("o", CultureInfo.InvariantCulture));
                return;
            case Enum e:
                writer.WriteStringValue(e.ToString());
                return;
            case IDictionary dictionary:
                writer.WriteStartObject();
                // Sorted by key: a hashtable's order varies from process to process, and a request must not.
                foreach (var entry in TextValue.Sorted(dictionary))
                {
                    if (entry.Value is null)
                    {
                        continue;
                    }

                    writer.WritePropertyName(Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? "");
                    Write(writer, entry.Value, depth + 1);
                }

                writer.WriteEndObject();
                return;
            case IEnumerable sequence:
                writer.WriteStartArray();
                foreach (var item in sequence)
                {
                    Write(writer, item, depth + 1);
                }

                writer.WriteEndArray();
                return;
        }

        if (IsSdkConstant(value.GetType()))
        {
            writer.WriteStringValue(value.ToString());
            return;
        }

        WriteProperties(writer, PSObject.AsPSObject(value), depth);
    }

    private static void WriteProperties(Utf8JsonWriter writer, PSObject psObject, int depth)
    {
        writer.WriteStartObject();
        foreach (var property in psObject.Properties)
        {
            if (!property.IsGettable)
            {
                continue;
            }

            object? propertyValue;
            try
            {
                propertyValue = property.Value;
            }
            catch (GetValueException)
            {
                continue;
            }

            if (propertyValue is null)
            {
                continue;
            }

            writer.WritePropertyName(property.Name);
            Write(writer, propertyValue, depth + 1);
        }

        writer.WriteEndObject();
    }

    // Amazon.Runtime.ConstantClass (AWS.Tools' enum-like types) from whichever AWSSDK.Core the session has.
    private static bool IsSdkConstant(Type type)
    {
        for (var t = type; t is not null; t = t.BaseType)
        {
            if (t.FullName == "Amazon.Runtime.ConstantClass")
            {
                return true;
            }
        }

        return false;
    }
}
