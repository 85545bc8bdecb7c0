using System;
using System.Collections;
using System.Linq;
using System.Management.Automation;

namespace EcsTools.Input;

/// <summary>
/// Guards a name-or-ARN parameter that takes pipeline input by value. PowerShell would turn any object into text with
/// ToString(), so that <c>@{a=1} | Start-EcsTask</c> asked ECS for the task definition "System.Collections.Hashtable".
/// Text (and numbers) pass unchanged; an object with a property named like the parameter or one of its aliases gives
/// that property's value (what binding by property name would take); anything else (a hashtable, an array given where
/// one name is expected, an object without such a property) becomes a marked value that the cmdlet refuses for that
/// input, with the error id <see cref="ErrorId"/>, before any request.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class TextInputAttribute : ArgumentTransformationAttribute
{
    public const string ErrorId = "InvalidInputObject";

    // A Unicode noncharacter: it never occurs in a name or an ARN.
    private const char Marker = '\uFDD0';

    private readonly Type _command;
    private readonly string _parameter;
    private readonly string[] _extraNames;
    private string[]? _names;
    private bool _list;

    /// <param name="command">The cmdlet class.</param>
    /// <param name="parameter">The parameter (property) this guards: its name and aliases are the property names looked for, and a string[] takes lists.</param>
    /// <param name="extraNames">More property names to look for (SubnetId for -Subnet, say).</param>
    public TextInputAttribute(Type command, string parameter, params string[] extraNames)
    {
        _command = command;
        _parameter = parameter;
        _extraNames = extraNames;
    }

    // Read on first use, not in the constructor: reading the property's attributes there would construct this one again.
    private string[] Names
    {
        get
        {
            if (_names is null)
            {
                var property = _command.GetProperty(_parameter) ?? throw new InvalidOperationException($"{_command.Name} has no parameter {_parameter}.");
                var aliases = property.GetCustomAttributes(typeof(AliasAttribute), true).Cast<AliasAttribute>().SelectMany(a => a.AliasNames);
                _list = property.PropertyType.IsArray;
                _names = [_parameter, .. aliases, .. _extraNames];
            }

            return _names;
        }
    }

    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
    {
        _ = Names;
        var value = inputData is PSObject ps ? ps.BaseObject : inputData;
        if (value is null or string)
        {
            return inputData;
        }

        if (value is IEnumerable sequence and not IDictionary)
        {
            return _list ? sequence.Cast<object?>().Select(i => One(i, 0)).ToArray() : Refused("an array (several values where one name is expected)");
        }

        return FromProperty(inputData, 0) ?? One(inputData, 0);
    }

    /// <summary>True when <paramref name="value"/> is a refused input; <paramref name="what"/> says what it was.</summary>
    public static bool IsRefused(string? value, out string what)
    {
        if (value is { Length: > 0 } && value[0] == Marker)
        {
            what = value[1..];
            return true;
        }

        what = "";
        return false;
    }

    private string One(object? item, int depth)
    {
        var value = item is PSObject ps ? ps.BaseObject : item;
        if (value is IDictionary or IEnumerable and not string)
        {
            return Refused(TextValue.Describe(value));
        }

        if (TextValue.TryConvert(value, out var text))
        {
            return text;
        }

        return FromProperty(item, depth) as string ?? Refused($"{TextValue.Describe(value)} without a property {string.Join(" or ", Names)}");
    }

    /// <summary>
    /// The value of the object's first property named like the parameter or an alias, as binding by property name
    /// would take it: text; for a list parameter, a list whose items are text or objects with such a property themselves
    /// (an AWS.Tools response's Tasks). Null when the object has no such property with a usable value.
    /// </summary>
    private object? FromProperty(object? item, int depth)
    {
        var value = item is PSObject ps ? ps.BaseObject : item;
        if (depth > 1 || value is null or string or IDictionary || TextValue.TryConvert(value, out _) || value is IEnumerable)
        {
            return null;
        }

        var properties = PSObject.AsPSObject(item!).Properties;
        foreach (var name in Names)
        {
            var propertyValue = properties[name] is { } property ? SafeValue(property) : null;
            var bare = propertyValue is PSObject pv ? pv.BaseObject : propertyValue;
            if (bare is null)
            {
                continue;
            }

            if (TextValue.TryConvert(bare, out var named))
            {
                return named.Length > 0 ? named : null;
            }

            if (_list && bare is IEnumerable items and not IDictionary)
            {
                return items.Cast<object?>().Select(i => One(i, depth + 1)).ToArray();
            }
        }

        return null;
    }

    private static object? SafeValue(PSPropertyInfo property)
    {
        try
        {
            return property.Value;
        }
        catch (GetValueException)
        {
            return null;
        }
    }

    private static string Refused(string what) => Marker + what;
}
