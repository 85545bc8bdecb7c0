using System;
using System.CodeDom.Compiler;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.Tasks;
using EcsTools.Engine.Model;
using Xunit;

namespace EcsTools.Engine.Tests.Model;

/// <summary>
/// Checks the generated wire shapes against botocore's ECS model, the authority. A newer model (new shapes, members
/// or types) makes these tests fail until src/EcsTools.Engine/Model/generate_shapes.py is run again.
/// </summary>
public sealed class ModelCoverageTests
{
    // Keep in step with OPERATIONS in src/EcsTools.Engine/Model/generate_shapes.py.
    internal static readonly string[] Operations =
    [
        "StartTask", "RunTask", "DescribeTasks", "StopTask", "ListTasks", "DescribeTaskDefinition",
        "ListTaskDefinitions", "ListTaskDefinitionFamilies", "CreateTaskSet",
        "DescribeTaskSets", "UpdateTaskSet", "DeleteTaskSet", "UpdateServicePrimaryTaskSet",
        "ListServices", "ListClusters", "DescribeClusters",
        "ListContainerInstances", "DescribeCapacityProviders",
    ];

    // Keep in step with RENAMES in generate_shapes.py: shapes whose names clash with System types.
    private static readonly Dictionary<string, string> s_renames = new(StringComparer.Ordinal)
    {
        ["Attribute"] = "AttributeData",
        ["KeyValuePair"] = "KeyValuePairData",
        ["Task"] = "TaskData",
    };

    private const string GeneratorTool = "generate_shapes.py";
    private const string ModelNamespace = "EcsTools.Engine.Model";

    private static readonly Lazy<JsonDocument> s_model = new(LoadModel);

    private static readonly Dictionary<string, Type> s_generatedClasses = typeof(EcsJsonContext).Assembly
        .GetTypes()
        .Where(t => t.Namespace == ModelNamespace
                    && t.GetCustomAttribute<GeneratedCodeAttribute>()?.Tool == GeneratorTool)
        .ToDictionary(t => t.Name, StringComparer.Ordinal);

    private static JsonElement Shapes => s_model.Value.RootElement.GetProperty("shapes");

    [Fact]
    public void EveryShapeInTheClosureHasAClassWithEveryMember()
    {
        var problems = new List<string>();
        var nullability = new NullabilityInfoContext();
        int structures = 0;
        foreach (string shapeName in Closure())
        {
            JsonElement shape = Shapes.GetProperty(shapeName);
            if (Kind(shape) != "structure" || IsDocument(shape))
            {
                continue;
            }

            structures++;
            string className = ClassName(shapeName);
            if (!s_generatedClasses.TryGetValue(className, out Type? type))
            {
                problems.Add($"{shapeName}: no generated class {ModelNamespace}.{className}");
                continue;
            }

            Dictionary<string, PropertyInfo> byWireName = type
                .GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.GetCustomAttribute<JsonPropertyNameAttribute>() is not null)
                .ToDictionary(p => p.GetCustomAttribute<JsonPropertyNameAttribute>()!.Name, StringComparer.Ordinal);

            var members = shape.GetProperty("members").EnumerateObject().ToList();
            foreach (JsonProperty member in members)
            {
                string where = $"{shapeName}.{member.Name}";
                if (!byWireName.TryGetValue(member.Name, out PropertyInfo? property))
                {
                    problems.Add($"{where}: {className} has no property with [JsonPropertyName(\"{member.Name}\")]");
                    continue;
                }

                string expectedName = char.ToUpperInvariant(member.Name[0]) + member.Name[1..];
                if (expectedName == className)
                {
                    expectedName += "Value";
                }

                if (property.Name != expectedName)
                {
                    problems.Add($"{where}: property is {property.Name}, expected {expectedName}");
                }

                string targetShape = member.Value.GetProperty("shape").GetString()!;
                string expected = Describe(targetShape);
                string actual = Describe(property.PropertyType, out bool nullable);
                if (expected != actual)
                {
                    problems.Add($"{where}: {className}.{property.Name} is {actual}, the model says {expected}");
                }

                if (property.PropertyType.IsValueType ? !nullable
                    : nullability.Create(property).WriteState != NullabilityState.Nullable)
                {
                    problems.Add($"{where}: {className}.{property.Name} is not nullable");
                }

                if (property.GetSetMethod() is null)
                {
                    problems.Add($"{where}: {className}.{property.Name} has no public setter");
                }

                bool hasEpochConverter =
                    property.GetCustomAttribute<JsonConverterAttribute>()?.ConverterType == typeof(EpochSecondsConverter);
                if (Kind(Shapes.GetProperty(targetShape)) == "timestamp" && !hasEpochConverter)
                {
                    problems.Add($"{where}: timestamp without [JsonConverter(typeof(EpochSecondsConverter))]");
                }
            }

            var known = members.Select(m => m.Name).ToHashSet(StringComparer.Ordinal);
            string[] stale = byWireName.Keys.Where(k => !known.Contains(k)).Order(StringComparer.Ordinal).ToArray();
            if (stale.Length > 0)
            {
                problems.Add($"{shapeName}: {className} has members the model does not have: {string.Join(", ", stale)}");
            }
        }

        Assert.True(structures > 100, $"only {structures} structure shapes found in the closure: is the model complete?");
        Assert.True(problems.Count == 0,
            $"{problems.Count} difference(s) between the generated shapes and botocore's ECS model; run "
            + "`python3 src/EcsTools.Engine/Model/generate_shapes.py` from the repository root:\n  "
            + string.Join("\n  ", problems));
    }

    [Fact]
    public void NoGeneratedClassIsOutsideTheClosure()
    {
        var expected = Closure()
            .Where(s => Kind(Shapes.GetProperty(s)) == "structure" && !IsDocument(Shapes.GetProperty(s)))
            .Select(ClassName)
            .ToHashSet(StringComparer.Ordinal);
        string[] stale = s_generatedClasses.Keys.Where(k => !expected.Contains(k)).Order(StringComparer.Ordinal).ToArray();
        Assert.True(stale.Length == 0,
            "generated classes that are not in the model's closure (regenerate to delete them): " + string.Join(", ", stale));
    }

    [Fact]
    public void TheContextCoversEveryOperationsRequestAndResponse()
    {
        JsonElement operations = s_model.Value.RootElement.GetProperty("operations");
        var declared = typeof(EcsJsonContext).GetCustomAttributesData()
            .Where(a => a.AttributeType == typeof(JsonSerializableAttribute))
            .Select(a => ((Type)a.ConstructorArguments[0].Value!).Name)
            .ToHashSet(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (string operation in Operations)
        {
            if (!operations.TryGetProperty(operation, out JsonElement op))
            {
                problems.Add($"{operation}: not in the model");
                continue;
            }

            foreach (string direction in new[] { "input", "output" })
            {
                if (!op.TryGetProperty(direction, out JsonElement io))
                {
                    continue;
                }

                string className = ClassName(io.GetProperty("shape").GetString()!);
                if (!s_generatedClasses.TryGetValue(className, out Type? type))
                {
                    problems.Add($"{operation} {direction}: no class {className}");
                    continue;
                }

                if (EcsJsonContext.Default.GetTypeInfo(type) is null)
                {
                    problems.Add($"{operation} {direction}: EcsJsonContext has no metadata for {className}");
                }

                if (!declared.Contains(className))
                {
                    problems.Add($"{operation} {direction}: EcsJsonContext lacks [JsonSerializable(typeof({className}))]");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void RenamedShapesDoNotKeepTheirSystemNames()
    {
        foreach ((string shape, string renamed) in s_renames)
        {
            Assert.False(s_generatedClasses.ContainsKey(shape), $"{shape} must be generated as {renamed}");
        }

        Assert.Contains("TaskData", s_generatedClasses.Keys);
        Assert.Contains("AttributeData", s_generatedClasses.Keys);
    }

    private static string ClassName(string shapeName) =>
        s_renames.TryGetValue(shapeName, out string? renamed) ? renamed : shapeName;

    private static string Kind(JsonElement shape) => shape.GetProperty("type").GetString()!;

    private static bool IsDocument(JsonElement shape) =>
        shape.TryGetProperty("document", out JsonElement document) && document.ValueKind == JsonValueKind.True;

    /// <summary>The expected CLR type category of a model shape, e.g. <c>List&lt;class TaskData&gt;</c>.</summary>
    private static string Describe(string shapeName)
    {
        JsonElement shape = Shapes.GetProperty(shapeName);
        return Kind(shape) switch
        {
            "string" or "blob" => "string",
            "integer" => "int",
            "long" => "long",
            "boolean" => "bool",
            "double" or "float" => "double",
            "timestamp" => "DateTimeOffset",
            "list" => $"List<{Describe(shape.GetProperty("member").GetProperty("shape").GetString()!)}>",
            "map" => $"Dictionary<{Describe(shape.GetProperty("key").GetProperty("shape").GetString()!)}, "
                     + $"{Describe(shape.GetProperty("value").GetProperty("shape").GetString()!)}>",
            // A document is free-form JSON: it passes through as a JsonElement.
            "structure" when IsDocument(shape) => "JsonElement",
            "structure" => "class " + ClassName(shapeName),
            string other => "unsupported model type " + other,
        };
    }

    /// <summary>The CLR type category of a property or element type, in the same notation.</summary>
    private static string Describe(Type type, out bool nullableValueType)
    {
        Type? underlying = Nullable.GetUnderlyingType(type);
        nullableValueType = underlying is not null;
        type = underlying ?? type;
        if (type == typeof(string))
        {
            return "string";
        }

        if (type == typeof(int))
        {
            return "int";
        }

        if (type == typeof(long))
        {
            return "long";
        }

        if (type == typeof(bool))
        {
            return "bool";
        }

        if (type == typeof(double))
        {
            return "double";
        }

        if (type == typeof(DateTimeOffset))
        {
            return "DateTimeOffset";
        }

        if (type == typeof(JsonElement))
        {
            return "JsonElement";
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>))
        {
            return $"List<{Describe(type.GetGenericArguments()[0], out _)}>";
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Dictionary<,>))
        {
            Type[] args = type.GetGenericArguments();
            return $"Dictionary<{Describe(args[0], out _)}, {Describe(args[1], out _)}>";
        }

        if (type.IsClass && type.Namespace == ModelNamespace)
        {
            return "class " + type.Name;
        }

        return "unexpected CLR type " + type.FullName;
    }

    private static IEnumerable<string> Closure()
    {
        JsonElement root = s_model.Value.RootElement;
        JsonElement operations = root.GetProperty("operations");
        var stack = new Stack<string>();
        foreach (string operation in Operations)
        {
            Assert.True(operations.TryGetProperty(operation, out JsonElement op), $"operation {operation} is not in the model");
            foreach (string direction in new[] { "input", "output" })
            {
                if (op.TryGetProperty(direction, out JsonElement io))
                {
                    stack.Push(io.GetProperty("shape").GetString()!);
                }
            }
        }

        var seen = new SortedSet<string>(StringComparer.Ordinal);
        while (stack.Count > 0)
        {
            string name = stack.Pop();
            if (!seen.Add(name))
            {
                continue;
            }

            JsonElement shape = Shapes.GetProperty(name);
            switch (Kind(shape))
            {
                case "structure":
                    foreach (JsonProperty member in shape.GetProperty("members").EnumerateObject())
                    {
                        stack.Push(member.Value.GetProperty("shape").GetString()!);
                    }

                    break;
                case "list":
                    stack.Push(shape.GetProperty("member").GetProperty("shape").GetString()!);
                    break;
                case "map":
                    stack.Push(shape.GetProperty("key").GetProperty("shape").GetString()!);
                    stack.Push(shape.GetProperty("value").GetProperty("shape").GetString()!);
                    break;
            }
        }

        return seen;
    }

    private static JsonDocument LoadModel()
    {
        string botocore = LocateBotocore();
        string path = Path.Combine(botocore, "data", "ecs", "2014-11-13", "service-2.json.gz");
        Assert.True(File.Exists(path), $"botocore at {botocore} has no ECS model at {path}");
        using FileStream file = File.OpenRead(path);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        return JsonDocument.Parse(gzip);
    }

    private static string LocateBotocore()
    {
        var start = new ProcessStartInfo("python3")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("import botocore, os; print(os.path.dirname(botocore.__file__))");
        Process process;
        try
        {
            process = Process.Start(start)
                ?? throw new InvalidOperationException("Process.Start returned null");
        }
        catch (Exception e) when (e is Win32Exception or InvalidOperationException)
        {
            Assert.Fail("python3 is required to check the generated ECS shapes against botocore's model, "
                        + $"but it could not be started: {e.Message}");
            throw;
        }

        using (process)
        {
            // Read stderr concurrently so neither pipe can fill up and block the child.
            Task<string> stderr = process.StandardError.ReadToEndAsync();
            string stdout = process.StandardOutput.ReadToEnd();
            if (!process.WaitForExit(60_000))
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail("python3 did not answer within 60 s while locating botocore");
            }

            string error = stderr.GetAwaiter().GetResult();
            Assert.True(process.ExitCode == 0,
                "botocore is required to check the generated ECS shapes (pip install botocore); "
                + $"`python3 -c \"import botocore\"` failed with exit code {process.ExitCode}: {error.Trim()}");
            string directory = stdout.Trim();
            Assert.True(Directory.Exists(directory), $"python3 reported botocore at '{directory}', which does not exist");
            return directory;
        }
    }
}
