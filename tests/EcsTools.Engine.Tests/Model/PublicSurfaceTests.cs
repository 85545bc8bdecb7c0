using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using EcsTools.Engine.Model;
using Xunit;

namespace EcsTools.Engine.Tests.Model;

/// <summary>No generated wire type (EcsTools.Engine.Model) crosses the engine's public surface: callers speak in records.</summary>
public sealed class PublicSurfaceTests
{
    private const BindingFlags Visible = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly Assembly s_engine = typeof(EcsConnection).Assembly;

    [Fact]
    public void No_generated_shape_is_public()
    {
        var generated = s_engine.GetTypes().Where(t => t.Namespace == typeof(TaskSet).Namespace && t.Name != nameof(EcsJsonContext)).ToList();
        Assert.True(generated.Count > 100, $"only {generated.Count} generated shapes found");
        Assert.Empty(generated.Where(t => t.IsVisible).Select(t => t.FullName));
    }

    [Fact]
    public void No_public_member_takes_or_gives_a_wire_type()
    {
        var problems = new List<string>();
        foreach (var type in s_engine.GetExportedTypes())
        {
            if (type.BaseType is { } baseType && IsWire(baseType))
            {
                problems.Add($"{type.FullName} derives from {baseType}");
            }

            foreach (var member in type.GetMembers(Visible).Concat(type.GetMembers(Visible & ~BindingFlags.Public | BindingFlags.NonPublic).Where(IsFamily)))
            {
                foreach (var used in TypesOf(member).Where(IsWire))
                {
                    problems.Add($"{type.FullName}.{member.Name} uses {used}");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private static bool IsFamily(MemberInfo member) => member switch
    {
        MethodBase m => m.IsFamily || m.IsFamilyOrAssembly,
        FieldInfo f => f.IsFamily || f.IsFamilyOrAssembly,
        _ => false,
    };

    private static IEnumerable<Type> TypesOf(MemberInfo member) => member switch
    {
        MethodInfo m => m.GetParameters().Select(p => p.ParameterType).Append(m.ReturnType),
        ConstructorInfo c => c.GetParameters().Select(p => p.ParameterType),
        PropertyInfo p => [p.PropertyType],
        FieldInfo f => [f.FieldType],
        EventInfo e => e.EventHandlerType is { } handler ? [handler] : [],
        _ => [],
    };

    private static bool IsWire(Type type)
    {
        if (type.HasElementType)
        {
            return IsWire(type.GetElementType()!);
        }

        return (type.Namespace == typeof(TaskSet).Namespace && type.Assembly == s_engine)
            || (type.IsGenericType && type.GetGenericArguments().Any(IsWire));
    }
}
