using System.Text.Json;
using EcsTools.Engine.Model;
using Xunit;

namespace EcsTools.Engine.Tests.Model;

public sealed class LenientStringConverterTests
{
    [Fact]
    public void Numbers_and_booleans_read_into_string_members()
    {
        var task = JsonSerializer.Deserialize("""{"cpu":256,"memory":"512","enableExecuteCommand":true,"containers":[{"cpu":0,"name":"web"}]}""",
            EcsJsonContext.Default.TaskData)!;
        Assert.Equal("256", task.Cpu);
        Assert.Equal("512", task.Memory);
        Assert.Equal("0", task.Containers![0].Cpu);
    }

    [Fact]
    public void Map_members_keep_their_keys_both_ways()
    {
        var json = """{"name":"web","dockerLabels":{"localecs.exitCode":"2","team":"web"}}""";
        var definition = JsonSerializer.Deserialize(json, EcsJsonContext.Default.ContainerDefinition)!;
        Assert.Equal("2", definition.DockerLabels!["localecs.exitCode"]);
        Assert.Contains("\"dockerLabels\":{\"localecs.exitCode\":\"2\",\"team\":\"web\"}", JsonSerializer.Serialize(definition, EcsJsonContext.Default.ContainerDefinition));
    }
}
