using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using EcsTools.Engine.Model;
using Xunit;

namespace EcsTools.Engine.Tests.Model;

/// <summary>
/// RunTask and StartTask requests are written by <see cref="EcsRequestJsonContext"/> (the source-generated fast path, no
/// metadata): byte for byte what <see cref="EcsJsonContext"/> writes, for requests with every member set, at every depth.
/// </summary>
public sealed class RequestJsonContextTests
{
    // Characters the writer escapes (quotes, HTML-sensitive, control, non-ASCII, line separators) in every string.
    private const string Awkward = "a\"b<c>&'d\\e\u00e9\u2028\t";

    [Fact]
    public void RunTaskRequest_WithEveryMemberSet_IsWrittenAsTheFullContextWritesIt()
    {
        var request = Populate<RunTaskRequest>();

        string expected = JsonSerializer.Serialize(request, EcsJsonContext.Default.RunTaskRequest);

        Assert.Equal(expected, JsonSerializer.Serialize(request, EcsRequestJsonContext.Default.RunTaskRequest));
        Assert.Contains("\"containerOverrides\":[{", expected, StringComparison.Ordinal);
    }

    [Fact]
    public void StartTaskRequest_WithEveryMemberSet_IsWrittenAsTheFullContextWritesIt()
    {
        var request = Populate<StartTaskRequest>();

        string expected = JsonSerializer.Serialize(request, EcsJsonContext.Default.StartTaskRequest);

        Assert.Equal(expected, JsonSerializer.Serialize(request, EcsRequestJsonContext.Default.StartTaskRequest));
        Assert.Contains("\"containerInstances\":[", expected, StringComparison.Ordinal);
    }

    [Fact]
    public void EmptyRequests_AreWrittenAsEmptyObjects()
    {
        Assert.Equal("{}", JsonSerializer.Serialize(new RunTaskRequest(), EcsRequestJsonContext.Default.RunTaskRequest));
        Assert.Equal("{}", JsonSerializer.Serialize(new StartTaskRequest(), EcsRequestJsonContext.Default.StartTaskRequest));
    }

    private static T Populate<T>()
        where T : new() => (T)Populate(typeof(T), 0, typeof(T).Name);

    // Sets every public settable property: strings, numbers, booleans, times, lists of two, maps of two, nested shapes.
    private static object Populate(Type type, int depth, string path)
    {
        var value = Activator.CreateInstance(type)!;
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            var member = Sample(property.PropertyType, depth + 1, path + "." + property.Name);
            if (member is not null)
            {
                property.SetValue(value, member);
            }
        }

        return value;
    }

    private static object? Sample(Type type, int depth, string path)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (underlying == typeof(string))
        {
            return path + Awkward;
        }

        if (underlying == typeof(int))
        {
            return path.Length;
        }

        if (underlying == typeof(long))
        {
            return 1_700_000_000_000L + path.Length;
        }

        if (underlying == typeof(double))
        {
            return path.Length + 0.25;
        }

        if (underlying == typeof(bool))
        {
            return path.Length % 2 == 0;
        }

        if (underlying == typeof(DateTimeOffset))
        {
            return new DateTimeOffset(2026, 12, 6, 8, 0, path.Length % 60, TimeSpan.Zero);
        }

        if (depth > 8)
        {
            return null;
        }

        if (underlying.IsGenericType && underlying.GetGenericTypeDefinition() == typeof(List<>))
        {
            var list = (IList)Activator.CreateInstance(underlying)!;
            var element = underlying.GetGenericArguments()[0];
            list.Add(Sample(element, depth, path + "[0]"));
            list.Add(Sample(element, depth, path + "[1]"));
            return list;
        }

        if (underlying.IsGenericType && underlying.GetGenericTypeDefinition() == typeof(Dictionary<,>))
        {
            var map = (IDictionary)Activator.CreateInstance(underlying)!;
            var element = underlying.GetGenericArguments()[1];
            map.Add("key<1>" + Awkward, Sample(element, depth, path + "{1}"));
            map.Add("key2", Sample(element, depth, path + "{2}"));
            return map;
        }

        if (underlying.IsClass && underlying.Namespace == typeof(RunTaskRequest).Namespace)
        {
            return Populate(underlying, depth, path);
        }

        throw new NotSupportedException($"{path}: no sample value for {type}.");
    }
}
