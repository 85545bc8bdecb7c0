using System;
using System.Collections.Generic;
using System.Linq;
using EcsTools.Engine.Model;
using EcsTools.Engine.Tasks;
using Xunit;

namespace EcsTools.Engine.Tests.Tasks;

/// <summary>The launch rules that need no ECS: client tokens, the limits, StartTask grouping, override composition and its 8,192-character limit.</summary>
public sealed class TaskLaunchRulesTests
{
    private const string LongToken = "nightly-reconcile-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"; // 64 characters

    // Runbooks re-run a command with the same -ClientToken and rely on ECS returning the tasks of the first run: these
    // tokens must never change for the same input.
    [Theory]
    [InlineData("runbook-42", 0, 1, new[] { "runbook-42" })]
    [InlineData("runbook-42", 0, 3, new[] { "runbook-42-1", "runbook-42-2", "runbook-42-3" })]
    [InlineData("runbook-42", 1, 1, new[] { "runbook-42-p2" })]
    [InlineData("runbook-42", 2, 2, new[] { "runbook-42-p3-1", "runbook-42-p3-2" })]
    [InlineData(LongToken, 0, 1, new[] { LongToken })]
    [InlineData(LongToken, 0, 2, new[] { "cbbbd50a73d18ca0a07cd3823d2dae1f879bdb1779c6fa950180cab585eb8f-1", "cbbbd50a73d18ca0a07cd3823d2dae1f879bdb1779c6fa950180cab585eb8f-2" })]
    [InlineData(LongToken, 1, 1, new[] { "cbbbd50a73d18ca0a07cd3823d2dae1f879bdb1779c6fa950180cab585eb8-p2" })]
    [InlineData(LongToken, 1, 2, new[] { "09e7633a782f7ffca4ba3bcc228d29b47a26002b2be8f2ddb41bfd43891537-1", "09e7633a782f7ffca4ba3bcc228d29b47a26002b2be8f2ddb41bfd43891537-2" })]
    public void Client_tokens_derived_from_a_given_token_are_the_same_as_in_every_earlier_release(string token, int inputIndex, int calls, string[] expected)
    {
        var tokens = TaskLauncher.RunTaskTokens(token, inputIndex, calls);
        Assert.Equal(expected, tokens);
        Assert.All(tokens, t => Assert.InRange(t.Length, 1, TaskLaunchLimits.MaxClientTokenLength));
    }

    [Fact]
    public void Without_a_token_every_call_gets_a_new_one()
    {
        var first = TaskLauncher.RunTaskTokens(null, 0, 3);
        var again = TaskLauncher.RunTaskTokens(null, 0, 3);
        Assert.Equal(6, first.Concat(again).Distinct().Count());
    }

    [Theory]
    [InlineData(0, "InvalidCount")]
    [InlineData(-5, "InvalidCount")]
    [InlineData(1001, "CountTooLarge")]
    [InlineData(int.MaxValue, "CountTooLarge")]
    public void A_count_outside_1_to_1000_is_refused(int count, string errorId) =>
        Assert.Equal(errorId, Refused(new TaskLaunchRequest { Count = count }).ErrorId);

    [Fact]
    public void The_ECS_limits_are_checked_before_anything_is_sent()
    {
        Assert.Equal("InvalidReferenceId", Refused(new TaskLaunchRequest { ReferenceId = new string('r', 1025) }).ErrorId);
        Assert.Equal("InvalidClientToken", Refused(new TaskLaunchRequest { ClientToken = new string('t', 65) }).ErrorId);
        Assert.Equal("InvalidClientToken", Refused(new TaskLaunchRequest { ClientToken = "has space" }).ErrorId);
        Assert.Equal("TooManyPlacementConstraints",
            Refused(new TaskLaunchRequest { PlacementConstraints = Enumerable.Repeat("""{"type":"distinctInstance"}""", 11).ToList() }).ErrorId);
        Assert.Equal("TooManyPlacementStrategies",
            Refused(new TaskLaunchRequest { PlacementStrategy = Enumerable.Repeat("""{"type":"spread","field":"instanceId"}""", 6).ToList() }).ErrorId);
        var exception = Assert.Throws<EcsInputException>(() => TaskLauncher.CheckContainerInstanceCount(1001));
        Assert.Equal("TooManyContainerInstances", exception.ErrorId);

        // At the limits: accepted.
        TaskLauncher.Create(new TaskLaunchRequest
        {
            Count = 1000,
            ReferenceId = new string('r', 1024),
            ClientToken = new string('t', 64),
            PlacementConstraints = Enumerable.Repeat("""{"type":"distinctInstance"}""", 10).ToList(),
            PlacementStrategy = Enumerable.Repeat("""{"type":"spread","field":"instanceId"}""", 5).ToList(),
        });
        TaskLauncher.CheckContainerInstanceCount(1000);
    }

    [Fact]
    public void A_structure_with_an_unknown_key_names_the_item_and_the_valid_keys()
    {
        var exception = Refused(new TaskLaunchRequest
        {
            PlacementConstraints = ["""{"type":"distinctInstance"}""", """{"Type":"memberOf","Expresion":"x"}"""],
        });
        Assert.Equal("InvalidPlacementConstraint", exception.ErrorId);
        Assert.Equal(1, exception.ItemIndex);
        Assert.Contains("unknown key 'Expresion'", exception.Message, StringComparison.Ordinal);
        Assert.Contains("expression", exception.Message, StringComparison.Ordinal);

        Assert.Equal("InvalidOverride", Refused(new TaskLaunchRequest { Overrides = new() { Template = """{"cpu":"256","containerOverides":[]}""" } }).ErrorId);
        Assert.Equal("InvalidVolumeConfiguration", Refused(new TaskLaunchRequest { VolumeConfigurations = ["""{"nam":"data"}"""] }).ErrorId);
    }

    [Fact]
    public void StartTask_instances_are_grouped_per_task_definition_and_cluster_100_at_a_time()
    {
        var queue = new StartTaskQueue();
        Assert.Empty(queue.Add("web", "demo", ["i1", " ", "i2"]));
        var ready = queue.Add("web", "demo", Enumerable.Range(3, 99).Select(i => $"i{i}"));
        var full = Assert.Single(ready);
        Assert.Equal(100, full.ContainerInstances.Count);
        Assert.Equal(["i1", "i2", "i3"], full.ContainerInstances.Take(3));

        // The rest (one) waits; another task definition sends it on its own.
        var changed = Assert.Single(queue.Add("batch", "demo", ["j1"]));
        Assert.Equal(("web", "demo"), (changed.TaskDefinition, changed.Cluster));
        Assert.Equal(["i101"], changed.ContainerInstances);
        var cluster = Assert.Single(queue.Add("batch", "other", ["k1"]));
        Assert.Equal(["j1"], cluster.ContainerInstances);
        Assert.Equal(["k1"], queue.Flush()!.ContainerInstances);
        Assert.Null(queue.Flush());
    }

    [Fact]
    public void Overrides_put_the_parameters_on_top_of_the_template_and_never_change_it()
    {
        var overrides = Overrides(new TaskOverrideRequest
        {
            Template = """{"cpu":"256","memory":"512","containerOverrides":[{"name":"web","command":["old"],"environment":[{"name":"A","value":"1"},{"name":"B","value":"2"}]},{"name":"sidecar","cpu":64}]}""",
            Memory = "1024",
            Command = ["run", "--now"],
            Environment = [new("B", "two"), new("C", "3"), new("C", "three")],
        });

        var web = overrides.Compose("web")!;
        Assert.Equal(("256", "1024"), (web.Cpu, web.Memory));
        var entry = web.ContainerOverrides!.Single(c => c.Name == "web");
        Assert.Equal(["run", "--now"], entry.Command!);
        Assert.Equal(["A=1", "B=two", "C=three"], entry.Environment!.Select(e => $"{e.Name}={e.Value}"));
        Assert.Equal(64, web.ContainerOverrides!.Single(c => c.Name == "sidecar").Cpu);

        // Another container: a new entry; the first composition and the template are untouched.
        var app = overrides.Compose("app")!;
        Assert.Equal(["web", "sidecar", "app"], app.ContainerOverrides!.Select(c => c.Name));
        Assert.Equal(["old"], app.ContainerOverrides![0].Command!);
        Assert.Equal(["A=1", "B=2"], app.ContainerOverrides![0].Environment!.Select(e => $"{e.Name}={e.Value}"));
        Assert.Equal(["run", "--now"], entry.Command!);
        Assert.Equal(
            """{"containerOverrides":[{"name":"web","command":["run","--now"],"environment":[{"name":"A","value":"1"},{"name":"B","value":"two"},{"name":"C","value":"three"}]},{"name":"sidecar","cpu":64}],"cpu":"256","memory":"1024"}""",
            EcsInput.ToJson(overrides.Compose("web")));
    }

    [Fact]
    public void Nothing_to_override_sends_no_overrides()
    {
        Assert.Null(Overrides(new TaskOverrideRequest()).Compose(null));
        Assert.Null(Overrides(new TaskOverrideRequest { Template = "{}", Container = "web" }).Compose("web"));
        Assert.NotNull(Overrides(new TaskOverrideRequest { Environment = [] }).Compose("web"));
    }

    [Fact]
    public void Overrides_over_8192_characters_of_JSON_are_refused_and_8192_are_sent()
    {
        // {"containerOverrides":[{"name":"web","environment":[{"name":"V","value":"..."}]}]}: 79 characters besides the value.
        const int Frame = 79;
        var fits = new TaskOverrideRequest { Container = "web", Environment = [new("V", new string('x', TaskLaunchLimits.MaxOverrideLength - Frame))] };
        Assert.Equal(TaskLaunchLimits.MaxOverrideLength, EcsInput.ToJson(Overrides(fits).Compose("web")).Length);

        var over = fits with { Environment = [new("V", new string('x', TaskLaunchLimits.MaxOverrideLength - Frame + 1))] };
        var refused = Refused(new TaskLaunchRequest { Overrides = over });
        Assert.Equal("OverridesTooLong", refused.ErrorId);
        Assert.Contains($"{TaskLaunchLimits.MaxOverrideLength + 1} characters", refused.Message, StringComparison.Ordinal);

        // Without -Container the name comes later; a long one can push the overrides over the limit then.
        var unnamed = TaskOverrides.Create(fits with { Container = null });
        var later = Assert.Throws<EcsInputException>(() => unnamed.For("a-much-longer-container-name", "web:3"));
        Assert.Equal(("OverridesTooLong", (object?)"web:3"), (later.ErrorId, later.Target));
    }

    private static TaskOverrides Overrides(TaskOverrideRequest request) => TaskOverrides.Create(request);

    [Theory]
    [InlineData("256", null)]
    [InlineData("1024", "2048")]
    [InlineData("0.5 vCPU", "1 GB")]
    [InlineData("2vcpu", "0.5GB")]
    [InlineData(null, "30720")]
    public void Task_CPU_and_memory_in_the_forms_ECS_takes_are_accepted(string? cpu, string? memory)
    {
        TaskLauncher.Create(new TaskLaunchRequest { Overrides = new() { Cpu = cpu, Memory = memory } });
        TaskLauncher.Create(new TaskLaunchRequest { Overrides = new() { Template = EcsInput.ToJson(new TaskOverride { Cpu = cpu, Memory = memory }) } });
    }

    [Theory]
    [InlineData("abc", null, "InvalidCpu")]
    [InlineData("0", null, "InvalidCpu")]
    [InlineData("-5", null, "InvalidCpu")]
    [InlineData("1.5", null, "InvalidCpu")]
    [InlineData(" 512", null, "InvalidCpu")]
    [InlineData("512\n", null, "InvalidCpu")]
    [InlineData("0 vCPU", null, "InvalidCpu")]
    [InlineData("1 GB", null, "InvalidCpu")]
    [InlineData(null, "-5", "InvalidMemory")]
    [InlineData(null, "2 TB", "InvalidMemory")]
    [InlineData(null, "2048MiB", "InvalidMemory")]
    [InlineData(null, "", "InvalidMemory")]
    public void Task_CPU_or_memory_that_is_not_an_amount_is_refused_whether_given_or_in_the_template(string? cpu, string? memory, string errorId)
    {
        var given = Refused(new TaskLaunchRequest { Overrides = new() { Cpu = cpu, Memory = memory } });
        Assert.Equal(errorId, given.ErrorId);
        Assert.StartsWith(cpu is null ? "-Memory is '" : "-Cpu is '", given.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", given.Message, StringComparison.Ordinal);
        Assert.Equal(cpu ?? memory, given.Target);
        Assert.StartsWith(cpu is null ? "Pass MiB, such as -Memory" : "Pass CPU units, such as -Cpu", given.RecommendedAction, StringComparison.Ordinal);

        var template = Refused(new TaskLaunchRequest { Overrides = new() { Template = EcsInput.ToJson(new TaskOverride { Cpu = cpu, Memory = memory }) } });
        Assert.Equal(errorId, template.ErrorId);
        Assert.Contains("of -Override", template.Message, StringComparison.Ordinal);
        Assert.StartsWith("Give -Override a", template.RecommendedAction, StringComparison.Ordinal);

        // -Cpu and -Memory replace the template's: what would not be sent is not checked.
        TaskLauncher.Create(new TaskLaunchRequest
        {
            Overrides = new() { Cpu = "512", Memory = "2048", Template = EcsInput.ToJson(new TaskOverride { Cpu = cpu, Memory = memory }) },
        });
    }

    [Fact]
    public void Placement_types_are_matched_in_any_case_and_sent_as_ECS_spells_them()
    {
        var constraints = new List<PlacementConstraint> { new() { Type = "DISTINCTINSTANCE" }, new() { Type = "memberof", Expression = "attribute:ecs.os-type == linux" } };
        PlacementRules.Check(constraints);
        Assert.Equal(["distinctInstance", "memberOf"], constraints.Select(c => c.Type));

        var strategy = new List<PlacementStrategy> { new() { Type = "Random" }, new() { Type = "SPREAD", Field = "attribute:ecs.availability-zone" }, new() { Type = "BinPack", Field = "MEMORY" } };
        PlacementRules.Check(strategy);
        Assert.Equal(["random", "spread", "binpack"], strategy.Select(s => s.Type));
        Assert.Equal(["attribute:ecs.availability-zone", "memory"], strategy.Skip(1).Select(s => s.Field));
    }

    [Theory]
    [InlineData("""{"type":"distinctInstance"}""", """{"type":"memberof2","expression":"x"}""", "'memberof2' is not a placement constraint type")]
    [InlineData("""{"type":"distinctInstance"}""", """{"expression":"x"}""", "-PlacementConstraint item 2 has no Type")]
    [InlineData("""{"type":"distinctInstance"}""", """{"type":"memberOf"}""", "-PlacementConstraint item 2: a memberOf constraint needs an Expression")]
    [InlineData("""{"type":"memberOf","expression":"attribute:x == y"}""", """{"type":"distinctInstance","expression":"x"}""", "a distinctInstance constraint takes no Expression")]
    public void A_placement_constraint_ECS_would_refuse_is_refused_with_its_item(string first, string second, string message)
    {
        var exception = Refused(new TaskLaunchRequest { PlacementConstraints = [first, second] });
        Assert.Equal("InvalidPlacementConstraint", exception.ErrorId);
        Assert.Equal(1, exception.ItemIndex);
        Assert.Contains(message, exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"type":"pack","field":"cpu"}""", "'pack' is not a placement strategy type")]
    [InlineData("""{"type":"spread"}""", "a spread rule needs a Field")]
    [InlineData("""{"type":"binpack"}""", "a binpack rule needs a Field")]
    [InlineData("""{"type":"binpack","field":"disk"}""", "packs by cpu or memory, not 'disk'")]
    public void A_placement_strategy_ECS_would_refuse_is_refused_with_its_item(string rule, string message)
    {
        var exception = Refused(new TaskLaunchRequest { PlacementStrategy = ["""{"type":"random"}""", rule] });
        Assert.Equal("InvalidPlacementStrategy", exception.ErrorId);
        Assert.Equal(1, exception.ItemIndex);
        Assert.Contains(message, exception.Message, StringComparison.Ordinal);
    }

    private static EcsInputException Refused(TaskLaunchRequest request) => Assert.Throws<EcsInputException>(() => TaskLauncher.Create(request));
}
