using System;
using System.Collections;
using System.Linq;
using System.Management.Automation;
using EcsTools.Errors;

namespace EcsTools.Input;

/// <summary>
/// Guards a parameter that takes text (a name, an ARN, a value). PowerShell would turn any object into text with
/// ToString(), so that <c>@{a=1} | Start-EcsTask</c> asked ECS for the task definition "System.Collections.Hashtable",
/// and <c>-Command 'x', @(1, 2)</c> sent "System.Object[]". Text (and numbers) pass unchanged; an object with a property
/// named like the parameter or one of its aliases gives that property's value (what binding by property name would
/// take; for a string[] parameter a list property is read item by item); anything else (a hashtable, an array where one
/// value is expected, an object without such a property) becomes a marked value that the cmdlet refuses, with the error
/// id <see cref="ErrorId"/> (<see cref="EcsCmdlet.RefuseInputObjects"/>), before any request: as a terminating error
/// for what the command line gave, and for that input only for what the pipeline gave.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class TextInputAttribute : ArgumentTransformationAttribute
{
    public const string ErrorId = ErrorIds.InvalidInputObject;

    // A Unicode noncharacter: it never occurs in a name or an ARN.
    private const char Marker = '\uFDD0';

    private readonly Type _command;
    private readonly string _parameter;
    private readonly string[] _extraNames;
    private string[]? _names;
    private bool _list;
    private bool _passObjects;

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

                // Bound by value in a parameter set where it does not bind by property name: the binder must still see
                // other objects as they are, to bind them by property name in another set (a service to -Cluster and
                // -Service). Such a parameter refuses hashtables and arrays only; the cmdlet checks what it got.
                _passObjects = property.GetCustomAttributes(typeof(ParameterAttribute), true).Cast<ParameterAttribute>()
                    .Any(p => p.ValueFromPipeline && !p.ValueFromPipelineByPropertyName);
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

        return FromProperty(inputData, 0) ?? (_passObjects && value is not IDictionary && !TextValue.TryConvert(value, out _) ? inputData : One(inputData, 0));
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
