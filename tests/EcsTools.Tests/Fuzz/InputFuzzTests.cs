using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using EcsTools.Tests.Host;
using Xunit;
using Xunit.Abstractions;

namespace EcsTools.Tests.Fuzz;

/// <summary>
/// Issue 11: generated bad inputs (seeded, so a failure is reproducible), all in one runspace against LocalEcs. Every
/// input must end in an error of ours (a stable id of the module, never a bare .NET exception), and not one request may
/// reach the endpoint: the checks run before anything is sent.
/// </summary>
public sealed class InputFuzzTests
{
    private const int Seed = 20261206;
    private const int Inputs = 1500;

    /// <summary>The error ids a client-side check may give. An id outside this list fails the test: add it here and to the docs.</summary>
    private static readonly HashSet<string> s_ours = new(StringComparer.Ordinal)
    {
        "InvalidCount", "CountTooLarge", "TooManyContainerInstances", "InvalidStartedBy", "InvalidClientToken",
        "InvalidTag", "InvalidTagKey", "InvalidTagValue", "InvalidTagKeyType", "InvalidTagValueType", "ReservedTagKey", "TooManyTags", "DuplicateTagKey",
        "InvalidEnvironment", "InvalidEnvironmentValue", "OverridesTooLong", "InvalidOverride", "InvalidCpu", "InvalidMemory",
        "InvalidRegion", "InvalidProfileName", "InvalidProfileFile", "ProfileFileTooLarge", "ProfileNotFound",
        "InvalidCapacityProviderStrategy", "InvalidCapacityProviderWeight", "InvalidCapacityProviderBase", "MissingCapacityProviderName",
        "TooManyCapacityProviders", "DuplicateCapacityProvider",
        "InvalidPlacementConstraint", "InvalidPlacementStrategy", "TooManyPlacementConstraints", "TooManyPlacementStrategies",
        "SubnetRequired", "TooManySubnets", "TooManySecurityGroups", "InvalidReferenceId",
        "InvalidInputObject", "InvalidScale", "NoChangeRequested", "InvalidLoadBalancer", "InvalidServiceRegistry",
        "ReasonTooLong", "InvalidTimeout", "InvalidPollInterval", "WaitParameterWithoutWait", "StartedByNotAlone", "InvalidFamily",
    };

    private static readonly string[] s_mutating = ["RunTask", "StartTask", "StopTask", "CreateTaskSet", "UpdateTaskSet", "DeleteTaskSet", "UpdateServicePrimaryTaskSet"];

    private readonly ITestOutputHelper _output;

    public InputFuzzTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task Generated_bad_inputs_get_our_error_ids_and_send_nothing()
    {
        await using var host = await LocalEcsHost.StartAsync();
        var generator = new BadInputGenerator(Seed);
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var problems = new List<string>();
        var tried = 0;
        foreach (var (script, value, kind) in generator.Take(Inputs))
        {
            tried++;
            var result = host.Run(script, value);
            var errors = result.Errors.ToList();
            if (result.Terminating is { } terminating)
            {
                if (terminating is IContainsErrorRecord { ErrorRecord: { } record })
                {
                    errors.Add(record);
                }
                else
                {
                    problems.Add($"#{tried} {kind}: unhandled {terminating.GetType().FullName}: {terminating.Message}");
                    continue;
                }
            }

            if (errors.Count == 0)
            {
                problems.Add($"#{tried} {kind}: no error for {Describe(value)} (output: {result.Output.Count})");
            }

            foreach (var error in errors)
            {
                var parts = error.FullyQualifiedErrorId.Split(',', 2);
                if (!s_ours.Contains(parts[0]) || parts.Length != 2 || !parts[1].StartsWith("EcsTools.Commands.", StringComparison.Ordinal))
                {
                    problems.Add($"#{tried} {kind}: not one of our error ids: {error.FullyQualifiedErrorId} ({error.Exception.GetType().FullName}: {error.Exception.Message})");
                    continue;
                }

                ids[parts[0]] = ids.GetValueOrDefault(parts[0]) + 1;
            }
        }

        var requests = host.Server.Requests;
        var mutating = requests.Count(r => s_mutating.Contains(r.Operation));
        _output.WriteLine($"Fuzz (seed {Seed}): {tried} inputs of {generator.Kinds} kinds; {ids.Count} distinct error ids; "
            + $"{problems.Count} problems; {requests.Count} requests, {mutating} mutating.");
        foreach (var (id, count) in ids.OrderByDescending(p => p.Value))
        {
            _output.WriteLine($"  {id}: {count}");
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems.Take(30)));
        Assert.Equal(0, mutating);
        Assert.Empty(requests);
        Assert.True(tried >= 1000);
        Assert.True(ids.Count >= 30, $"Only {ids.Count} distinct error ids: the generator no longer reaches most checks.");
    }

    [Fact]
    public void The_same_seed_gives_the_same_inputs()
    {
        static string Run(int seed) => string.Join("\n", new BadInputGenerator(seed).Take(200).Select(i => i.Script + "|" + Describe(i.Value)));
        Assert.Equal(Run(Seed), Run(Seed));
        Assert.NotEqual(Run(Seed), Run(Seed + 1));
    }

    private static string Describe(object? value)
    {
        var text = value switch
        {
            null => "null",
            string s => "'" + s + "'",
            System.Collections.IDictionary d => "@{" + string.Join("; ", d.Keys.Cast<object>().Select(k => $"{k}={Describe(d[k])}")) + "}",
            System.Collections.IEnumerable e => "@(" + string.Join(", ", e.Cast<object?>().Select(Describe)) + ")",
            _ => value.ToString() ?? "",
        };
        return text.Length <= 200 ? text : text[..200] + $"... ({text.Length} characters)";
    }
}
