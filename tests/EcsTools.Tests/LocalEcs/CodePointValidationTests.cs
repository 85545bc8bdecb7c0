using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace EcsTools.Tests.LocalEcs;

/// <summary>LocalEcs checks patterns over the whole string (a trailing newline fails) and counts lengths by code point, as ECS does.</summary>
public sealed class CodePointValidationTests
{
    private const string Run = """ "cluster": "demo", "taskDefinition": "web", "launchType": "EC2" """;

    public static TheoryData<string, string> Refused => new()
    {
        { $$"""{ {{Run}}, "startedBy": "nightly\n"}""", "startedBy" },
        { $$"""{ {{Run}}, "tags": [{"key": "team\n", "value": "web"}]}""", "pattern" },
        { $$"""{ {{Run}}, "tags": [{"key": "team", "value": "web\n"}]}""", "pattern" },
        { $$"""{ {{Run}}, "tags": [{"key": "{{string.Concat(Enumerable.Repeat("\\ud835\\udc9c", 129))}}", "value": "v"}]}""", "128" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task Refused_as_ECS_refuses_it(string body, string messagePart)
    {
        await using LocalEcsHarness ecs = await LocalEcsHarness.StartAsync();
        await ecs.FailAsync("RunTask", body, "InvalidParameterException", messagePart);
    }

    [Fact]
    public async Task Letters_outside_the_basic_plane_are_letters_and_one_character_each()
    {
        await using LocalEcsHarness ecs = await LocalEcsHarness.StartAsync();
        var key = string.Concat(Enumerable.Repeat("\\ud835\\udc9c", 128));
        var value = string.Concat(Enumerable.Repeat("\\ud801\\udc00", 256));
        await ecs.CallAsync("RunTask", $$"""{ {{Run}}, "tags": [{"key": "{{key}}", "value": "{{value}}"}]}""");
        Assert.Single((await ecs.CallAsync("ListTasks", """{"cluster": "demo"}"""))["taskArns"]!.AsArray());
    }
}
