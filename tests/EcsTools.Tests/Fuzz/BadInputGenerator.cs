using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;

namespace EcsTools.Tests.Fuzz;

/// <summary>
/// Generates invalid inputs for the EcsTools cmdlets from a seed: each one a script (whose $args[0] is the generated
/// value) that binds, but that a client-side check must refuse before any request. The same seed gives the same inputs.
/// </summary>
public sealed class BadInputGenerator
{
    private const string Run = "Start-EcsTask batch -Cluster demo -LaunchType EC2";
    private const string NewSet = "New-EcsTaskSet -Cluster demo -Service checkout -TaskDefinition web -LaunchType EC2";
    private const string SetSet = "Set-EcsTaskSet ecs-svc/1 -Cluster demo -Service checkout";
    private const string TagChars = "abcXYZ019 _.:/=+-@éßЖ中";
    private const string StartedByChars = "abcXYZ019-_/";

    // Characters outside the ECS tag pattern: controls, punctuation, symbols (an emoji is a symbol, not a letter), a lone surrogate.
    private static readonly string[] s_badTagChars = ["\n", "\r", "\t", "\0", "#", "!", "*", "?", "\"", "'", "<", ">", ",", ";", "😀", "\ud800", "\u00a9", "$", "%", "&", "(", "|"];
    private static readonly string[] s_badStartedByChars = ["\n", " ", "!", ".", ":", "é", "😀", "\t", "#", "=", "+", "@", "\\"];

    private readonly Random _random;
    private readonly List<Func<(string Script, object? Value, string Kind)>> _generators;

    public BadInputGenerator(int seed)
    {
        _random = new Random(seed);
        _generators =
        [
            () => ($"{Run} -Count $args[0]{MaybeWhatIf()}", BadCount(), "Count"),
            () => ($"{Run} -StartedBy $args[0]{MaybeWhatIf()}", BadStartedBy(128), "StartedBy (RunTask)"),
            () => ("Start-EcsTask batch -Cluster demo -ContainerInstance i-1 -StartedBy $args[0]", BadStartedBy(36), "StartedBy (StartTask)"),
            () => ($"{Run} -Tag $args[0]{MaybeWhatIf()}", BadTags(), "Tag"),
            () => ($"{NewSet} -Tag $args[0]", BadTags(), "Tag (task set)"),
            () => ($"{Run} -ClientToken $args[0]", BadToken(64), "ClientToken"),
            () => ($"{NewSet} -ClientToken $args[0]", BadToken(36), "ClientToken (task set)"),
            () => ($"{Run} -Container web -Environment $args[0]", BadEnvironment(), "Environment"),
            () => ($"{Run} -Region $args[0]", BadRegion(), "Region"),
            () => ($"{Run} -ProfileName $args[0]", BadProfileName(), "ProfileName"),
            () => ($"{Run} -ProfileLocation $args[0]", Pick("/dev/zero", "/dev/urandom", "/dev/null", "/proc/self/status", "/tmp", "/", "/sys/kernel"), "ProfileLocation"),
            () => ("Start-EcsTask batch -Cluster demo -CapacityProviderStrategy $args[0]", BadStrategy(), "CapacityProviderStrategy"),
            () => ($"{Run} -PlacementConstraint $args[0]", BadPlacementConstraints(), "PlacementConstraint"),
            () => ($"{Run} -PlacementStrategy $args[0]", BadPlacementStrategies(), "PlacementStrategy"),
            () => BadNetwork(),
            () => ($"{Run} -Cpu $args[0]{MaybeWhatIf()}", Pick<object>("abc", 0, -1024, "1.5", "2 GB", "1 vCPUs", "½", "1e3"), "Cpu"),
            () => ($"{Run} -Memory $args[0]{MaybeWhatIf()}", Pick<object>("lots", 0, -5, "2 TB", "512MiB", "0 GB", "0x800"), "Memory"),
            () => ($"{Run} -ReferenceId $args[0]", new string('r', _random.Next(1025, 4000)), "ReferenceId"),
            () => ($"{Run} -Override $args[0]", BadOverride(), "Override"),
            () => ($"{Run} -Container web -Command $args[0]", new object[] { "echo", Nested() }, "Command"),
            () => ($"{Run} -Environment @{{ BIG = $args[0] }}", new string('x', _random.Next(8200, 20000)), "Overrides length"),
            () => ($"$args[0] | {Run.Replace(" batch", "", StringComparison.Ordinal)}", NonText(), "pipeline (Start-EcsTask)"),
            () => ("$args[0] | Stop-EcsTask -Cluster demo", NonText(), "pipeline (Stop-EcsTask)"),
            () => ($"Start-EcsTask batch -LaunchType EC2 -{Pick("Cluster", "Group", "PlatformVersion", "Cpu", "Memory", "TaskRoleArn")} $args[0]", Nested(), "nested text parameter"),
            () => ($"{NewSet} -Scale $args[0]", BadScale(), "Scale (New-EcsTaskSet)"),
            () => ($"{SetSet} -Scale $args[0]", BadScale(), "Scale (Set-EcsTaskSet)"),
            () => ($"{SetSet} -Primary:$args[0]", false, "Primary:$false"),
            () => ($"{NewSet} -LoadBalancer $args[0]", BadLoadBalancer(), "LoadBalancer"),
            () => ($"{NewSet} -ServiceRegistry $args[0]", BadServiceRegistry(), "ServiceRegistry"),
            () => ("Stop-EcsTask t-1 -Cluster demo -Reason $args[0]", new string('z', _random.Next(256, 2000)), "Reason"),
            () => ("Wait-EcsTask t-1 -Cluster demo -Timeout $args[0]", Pick<object>(0, -2, -0.5, -3600, "-00:00:02"), "Timeout"),
            () => ("Wait-EcsTask t-1 -Cluster demo -PollInterval $args[0]", Pick<object>(0, 0.001, 100000, -1), "PollInterval"),
            () => ($"{Run} -Timeout $args[0]", _random.Next(1, 1000), "wait parameter without -Wait"),
            () => ("Get-EcsTask -Cluster demo -StartedBy x -Family $args[0]", "web", "StartedBy with another filter"),
            () => ("Start-EcsTask batch -Cluster demo -ContainerInstance $args[0]", Enumerable.Range(0, _random.Next(1001, 3000)).Select(i => $"i-{i}").ToArray(), "ContainerInstance count"),
            () => ($"{Run} -Tag $args[0]", BadTagObjects(), "Tag objects"),
        ];
    }

    public int Kinds => _generators.Count;

    public (string Script, object? Value, string Kind) Next() => _generators[_random.Next(_generators.Count)]();

    /// <summary>Every kind once, then random kinds: so each check is tried at least once.</summary>
    public IEnumerable<(string Script, object? Value, string Kind)> Take(int count)
    {
        for (var i = 0; i < count; i++)
        {
            yield return i < _generators.Count ? _generators[i]() : Next();
        }
    }

    private string MaybeWhatIf() => _random.Next(3) == 0 ? " -WhatIf" : "";

    private T Pick<T>(params T[] items) => items[_random.Next(items.Length)];

    private string Text(string alphabet, int min, int max)
    {
        var length = _random.Next(min, max + 1);
        return string.Concat(Enumerable.Range(0, length).Select(_ => alphabet[_random.Next(alphabet.Length)]));
    }

    private string Inject(string text, string bad)
    {
        var at = _random.Next(3) switch { 0 => text.Length, 1 => 0, _ => _random.Next(text.Length + 1) };
        return text.Insert(at, bad);
    }

    private int BadCount() => _random.Next(6) switch
    {
        0 => 0,
        1 => int.MinValue,
        2 => int.MaxValue,
        3 => _random.Next(1001, int.MaxValue),
        4 => -_random.Next(1, int.MaxValue),
        _ => 2147483638,
    };

    private string BadStartedBy(int max) => _random.Next(3) == 0
        ? Text(StartedByChars, max + 1, max + 200)
        : Inject(Text(StartedByChars, 0, 20), Pick(s_badStartedByChars));

    private string BadToken(int max) => _random.Next(2) == 0
        ? Text("abcXYZ019-_!~", max + 1, max + 100)
        : Inject(Text("abcXYZ019-_", 1, 20), Pick(" ", "\n", "é", "\u007f", "\t", "😀"));

    private Hashtable BadTags()
    {
        var tags = new Hashtable(StringComparer.Ordinal);
        for (var i = _random.Next(0, 4); i > 0; i--)
        {
            tags[$"ok{i}"] = Text(TagChars, 0, 10);
        }

        switch (_random.Next(8))
        {
            case 0:
                tags[Inject(Text(TagChars, 0, 20), Pick(s_badTagChars))] = "v";
                break;
            case 1:
                tags["k"] = Inject(Text(TagChars, 0, 20), Pick(s_badTagChars));
                break;
            case 2:
                tags[Text("abc", 129, 300)] = "v";
                break;
            case 3:
                tags["k"] = Text("abc", 257, 600);
                break;
            case 4:
                tags[Pick("aws:", "AWS:", "Aws:") + Text("abc", 0, 10)] = "v";
                break;
            case 5:
                tags["k"] = Nested();
                break;
            case 6:
                for (var i = 0; i < 51; i++)
                {
                    tags[$"t{i}"] = "v";
                }

                break;
            default:
                tags[""] = "v";
                break;
        }

        return tags;
    }

    private object[] BadTagObjects() => _random.Next(3) switch
    {
        0 => [new Hashtable { ["Key"] = "team", ["Value"] = "a" }, CustomObject(("Key", "team"), ("Value", "b"))],
        1 => [new Hashtable { [Nested()] = "x" }],
        _ => [_random.Next(), CustomObject(("Name", "team"))],
    };

    private Hashtable BadEnvironment()
    {
        var environment = new Hashtable { ["OK"] = "1" };
        if (_random.Next(3) == 0)
        {
            environment[Pick(" ", "\t", "")] = "x";
        }
        else
        {
            environment["V" + _random.Next(100).ToString(CultureInfo.InvariantCulture)] = Nested();
        }

        return environment;
    }

    private string BadRegion() => _random.Next(6) switch
    {
        0 => Inject(Pick("us-east-1", "eu-west-1", "ap-south-2"), Pick(":", "/", " ", "é", "_", ".", "\n", "?", "#")),
        1 => Pick("us-east-1", "eu-west-1").ToUpperInvariant(),
        2 => new string('a', _random.Next(64, 1 << 20)),
        3 => Pick("-us-east-1", "us-east-1-", "Grüße", "aws:x", "東京", "us-east-1\u0000", "-"),
        4 => "http://" + Pick("us-east-1", "localhost"),
        _ => Text("abc-", 1, 10) + Pick("_", "!", "*", "Ω"),
    };

    private string BadProfileName() => _random.Next(4) switch
    {
        0 => Inject(Text("abcXYZ-_", 1, 20), Pick("\n", "\r", "\0", "[", "]", "\t", "\u001b")),
        1 => " " + Text("abc", 1, 10),
        2 => Text("abc", 1, 10) + " ",
        _ => new string('p', _random.Next(257, 5000)),
    };

    private object BadStrategy() => _random.Next(6) switch
    {
        0 => new Hashtable { ["CapacityProvider"] = "FARGATE", ["Weight"] = Pick(-1, 1001, int.MaxValue, int.MinValue) },
        1 => new Hashtable { ["CapacityProvider"] = "FARGATE", ["Base"] = Pick(-1, 100001, int.MaxValue) },
        2 => new Hashtable { ["Weight"] = 1 },
        3 => new Hashtable { ["CapacityProvider"] = "FARGATE", [Pick("Wieght", "weigth", "Provider", "base2")] = 1 },
        4 => new object[] { new Hashtable { ["CapacityProvider"] = "A" }, new Hashtable { ["CapacityProvider"] = "A" } },
        _ => Enumerable.Range(0, _random.Next(21, 40)).Select(i => (object)new Hashtable { ["CapacityProvider"] = $"cp{i}", ["Weight"] = 1 }).ToArray(),
    };

    private object BadPlacementConstraints() => _random.Next(5) switch
    {
        0 => new Hashtable { ["Type"] = "memberOf", [Pick("Expresion", "Expr", "Field")] = "x" },
        1 => new Hashtable { ["Type"] = Nested() },
        2 => new Hashtable { ["Type"] = Pick("distinct", "member-of", "spread", ""), ["Expression"] = "x" },
        3 => new Hashtable { ["Type"] = "memberOf" },
        _ => Enumerable.Range(0, _random.Next(11, 30)).Select(_ => (object)new Hashtable { ["Type"] = "distinctInstance" }).ToArray(),
    };

    private object BadPlacementStrategies() => _random.Next(4) switch
    {
        0 => new Hashtable { ["Type"] = "spread", [Pick("Feild", "Expression")] = "x" },
        1 => new Hashtable { ["Type"] = Pick("pack", "distinctInstance", "spreaded"), ["Field"] = "cpu" },
        2 => new Hashtable { ["Type"] = "binpack", ["Field"] = Pick("disk", "instanceId", "") },
        _ => Enumerable.Range(0, _random.Next(6, 20)).Select(_ => (object)new Hashtable { ["Type"] = "spread", ["Field"] = "instanceId" }).ToArray(),
    };

    private (string Script, object? Value, string Kind) BadNetwork() => _random.Next(4) switch
    {
        0 => ($"{Run} -Subnet $args[0]", Enumerable.Range(0, _random.Next(17, 40)).Select(i => $"subnet-{i}").ToArray(), "Subnet"),
        1 => ($"{Run} -Subnet s1 -SecurityGroup $args[0]", Enumerable.Range(0, _random.Next(6, 20)).Select(i => $"sg-{i}").ToArray(), "SecurityGroup"),
        2 => ($"{Run} -SecurityGroup $args[0]", new[] { "sg-1" }, "SecurityGroup without Subnet"),
        _ => ($"{NewSet} -Subnet $args[0]", Enumerable.Range(0, _random.Next(17, 40)).Select(i => $"subnet-{i}").ToArray(), "Subnet (task set)"),
    };

    private Hashtable BadOverride() => _random.Next(4) switch
    {
        0 => new Hashtable { [Pick("ContainerOverides", "cpuu", "Memroy", "Containers")] = "x" },
        1 => new Hashtable { ["ContainerOverrides"] = Pick<object>("web", 5, true) },
        2 => new Hashtable { ["Cpu"] = Nested() },
        _ => new Hashtable { ["ContainerOverrides"] = new object[] { new Hashtable { ["Name"] = "web", ["Command"] = new object[] { new string('c', _random.Next(8200, 30000)) } } } },
    };

    private object BadScale() => Pick<object>(-0.001, -1, 100.5, 101, 1e9, double.NaN, double.PositiveInfinity, double.NegativeInfinity, -1e308);

    private object BadLoadBalancer() => _random.Next(4) switch
    {
        0 => new Hashtable { ["ContainerName"] = "web", ["ContainerPort"] = 80 },
        1 => new Hashtable { ["TargetGroupArn"] = "arn:aws:elasticloadbalancing:us-east-1:1:targetgroup/x/1" },
        2 => new Hashtable { ["TargetGroupArn"] = "arn:tg", ["ContainerName"] = "web", ["ContainerPort"] = Pick(-1, 65536, int.MaxValue) },
        _ => new Hashtable { ["TargetGroupArn"] = "arn:tg", [Pick("Container", "Port", "TargetGroup")] = "web" },
    };

    private object BadServiceRegistry() => _random.Next(3) switch
    {
        0 => new Hashtable { ["Port"] = 80 },
        1 => new Hashtable { ["RegistryArn"] = "arn:sd", ["Port"] = Pick(-1, 65536, 70000) },
        _ => new Hashtable { ["RegistryArn"] = "arn:sd", [Pick("Registry", "Arn")] = "x" },
    };

    /// <summary>A value that is not text: a hashtable, an array, a list, a custom object.</summary>
    private object Nested() => _random.Next(4) switch
    {
        0 => new Hashtable { ["x"] = _random.Next() },
        1 => new object[] { 1, 2, 3 },
        2 => new List<object> { "a", new Hashtable() },
        _ => CustomObject(("x", 1)),
    };

    private object NonText() => _random.Next(4) switch
    {
        0 => new Hashtable { ["a"] = 1 },
        1 => new Hashtable { ["TaskDefinition"] = new Hashtable() },
        2 => CustomObject(("Name", "web")),
        _ => CustomObject(("Task", new Hashtable()), ("TaskDefinition", new object[] { 1 })),
    };

    private static PSObject CustomObject(params (string Name, object Value)[] properties)
    {
        var result = new PSObject();
        foreach (var (name, value) in properties)
        {
            result.Properties.Add(new PSNoteProperty(name, value));
        }

        return result;
    }
}
