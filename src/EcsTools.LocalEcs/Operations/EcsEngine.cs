using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Nodes;
using EcsTools.LocalEcs.Protocol;
using EcsTools.LocalEcs.State;

namespace EcsTools.LocalEcs.Operations;

/// <summary>
/// The ECS emulation without HTTP: per-region state behind one lock, and the operations. Every operation first lets
/// the service scheduler catch up to the current time (<see cref="FleetScheduler"/>), then runs under the lock.
/// </summary>
internal sealed class EcsEngine
{
    private static readonly Dictionary<string, Func<OperationContext, JsonObject>> s_operations = BuildOperations();

    private readonly object _gate = new();
    private readonly Dictionary<string, RegionState> _regions = new(StringComparer.Ordinal);
    private readonly LocalEcsOptions _options;

    public EcsEngine(LocalEcsOptions options)
    {
        _options = options;
        Ids = new IdGenerator(options.RandomSeed);
    }

    public IdGenerator Ids { get; private set; }

    public LocalEcsOptions Options => _options;

    public TimeSpan DefaultStep => _options.StepInterval;

    public DateTimeOffset Now => _options.TimeProvider.GetUtcNow();

    public static bool IsKnownOperation(string operation) => s_operations.ContainsKey(operation);

    /// <summary>Runs one operation: validates the input against the model, then runs it. Throws <see cref="LocalEcsException"/>.</summary>
    public JsonObject Invoke(string region, string operation, string body)
    {
        if (!s_operations.TryGetValue(operation, out Func<OperationContext, JsonObject>? handler))
        {
            throw ServerErrors.UnknownOperation(operation);
        }

        JsonObject input = Parse(body);
        InputValidator.Validate(operation, input);
        lock (_gate)
        {
            RegionState state = Region(region);
            DateTimeOffset now = Now;
            FleetScheduler.Advance(this, state, now);
            return handler(new OperationContext(this, state, operation, input, now));
        }
    }

    /// <summary>Runs one CloudWatch Logs operation (see <see cref="LogsOperations"/>) over every region's tasks. Throws <see cref="LocalEcsException"/>.</summary>
    public JsonObject InvokeLogs(string region, string operation, string body)
    {
        JsonObject input = Parse(body);
        lock (_gate)
        {
            Region(region);
            return LogsOperations.Invoke(_regions.Values, region, operation, input, Now - _options.LogIngestionDelay, _options.LogLineDelay);
        }
    }

    /// <summary>Creates the region's state now (seeding it with the scene), rather than on its first request.</summary>
    public void Touch(string region)
    {
        lock (_gate)
        {
            Region(region);
        }
    }

    /// <summary>
    /// Forgets every region (the scene, if any, seeds them again on first use) and restarts the random source from
    /// <see cref="LocalEcsOptions.RandomSeed"/>, so that a reset seeded server hands out the same ids as a new one.
    /// </summary>
    public void Reset()
    {
        lock (_gate)
        {
            Ids = new IdGenerator(_options.RandomSeed);
            _regions.Clear();
            Region(_options.DefaultRegion);
        }
    }

    private RegionState Region(string name)
    {
        if (_regions.TryGetValue(name, out RegionState? region))
        {
            return region;
        }

        region = new RegionState { Name = name, AccountId = _options.AccountId };
        _regions[name] = region;
        _options.Scene?.Invoke(new LocalEcsScene(this, name));
        return region;
    }

    private static JsonObject Parse(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return [];
        }

        JsonNode? node;
        try
        {
            node = JsonNode.Parse(body, documentOptions: new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException)
        {
            throw ServerErrors.Serialization("Unable to parse the request body as JSON.");
        }

        return node as JsonObject ?? throw ServerErrors.Serialization("The request body must be a JSON object.");
    }

    private static Dictionary<string, Func<OperationContext, JsonObject>> BuildOperations()
    {
        var operations = new Dictionary<string, Func<OperationContext, JsonObject>>(StringComparer.Ordinal);
        ClusterOperations.Register(operations);
        ContainerInstanceOperations.Register(operations);
        TaskDefinitionOperations.Register(operations);
        ServiceOperations.Register(operations);
        TaskLaunchOperations.Register(operations);
        TaskOperations.Register(operations);
        TaskSetOperations.Register(operations);
        return operations;
    }
}
