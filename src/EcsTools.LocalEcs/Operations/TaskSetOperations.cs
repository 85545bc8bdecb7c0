using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using EcsTools.LocalEcs.Protocol;
using EcsTools.LocalEcs.Serialization;
using EcsTools.LocalEcs.State;

namespace EcsTools.LocalEcs.Operations;

/// <summary>CreateTaskSet, DescribeTaskSets, UpdateTaskSet, UpdateServicePrimaryTaskSet and DeleteTaskSet (EXTERNAL services only).</summary>
internal static class TaskSetOperations
{
    public const int MaxClientTokenLength = 36;

    public static void Register(IDictionary<string, Func<OperationContext, JsonObject>> operations)
    {
        operations["CreateTaskSet"] = CreateTaskSet;
        operations["DescribeTaskSets"] = DescribeTaskSets;
        operations["UpdateTaskSet"] = UpdateTaskSet;
        operations["UpdateServicePrimaryTaskSet"] = UpdateServicePrimaryTaskSet;
        operations["DeleteTaskSet"] = DeleteTaskSet;
    }

    private static JsonObject CreateTaskSet(OperationContext context)
    {
        ServiceState service = ExternalService(context);
        TaskDefinitionState definition = context.TaskDefinition(context.String("taskDefinition")!, activeOnly: true);
        string? clientToken = RequestValidation.ClientToken(context.String("clientToken"), MaxClientTokenLength);
        string fingerprint = JsonCanonical.Fingerprint(context.Input, "clientToken");
        if (clientToken is not null && service.TaskSets.Values.FirstOrDefault(s => s.ClientToken == clientToken) is { } retried)
        {
            // The same token with the same parameters is a retry: it gets the task set the first call created.
            // With other parameters it is refused with InvalidParameterException, not ConflictException: the model
            // lists ConflictException for RunTask only (an SDK would not know it here), and ECS's CreateService
            // answers a non-idempotent reuse the same way ("Creation of service was not idempotent.").
            return retried.RequestFingerprint == fingerprint
                ? new JsonObject { ["taskSet"] = ServiceWriter.TaskSet(retried, context.Now, includeTags: true) }
                : throw ServerErrors.InvalidParameter("Creation of task set was not idempotent.");
        }

        (double scaleValue, string scaleUnit) = Scale(context) ?? (100, "PERCENT");
        ClusterState cluster = service.Cluster;
        LaunchChoice choice = LaunchPlanner.Resolve(cluster, context.String("launchType"), context.Array("capacityProviderStrategy"));
        bool fargate = choice.LaunchType == "FARGATE" || (choice.Strategy?.Any(s => RegionState.IsFargateProvider(s.CapacityProvider)) ?? false);
        JsonObject? network = context.Object("networkConfiguration") ?? service.NetworkConfiguration;
        TaskFactory.Validate(definition, network, fargate, !fargate, context.String("platformVersion"));
        List<Tag> tags = RequestValidation.Tags(context.Array("tags"));
        string id = context.Ids.EcsServiceId();
        TaskSetState? set = null;
        var fleet = new Fleet
        {
            Cluster = cluster,
            Service = service,
            TaskDefinition = definition,
            LaunchType = choice.LaunchType,
            Strategy = choice.Strategy,
            PlatformVersion = fargate ? context.String("platformVersion") ?? "LATEST" : null,
            NetworkConfiguration = network?.DeepClone() as JsonObject,
            StartedBy = id,
            Step = ServiceOperations.FleetStep(context, definition),
            Target = () => set!.Status == "DRAINING" ? 0 : set.ComputedDesiredCount,
            LastTick = context.Now,
            DisturbedAt = context.Now,
        };
        set = new TaskSetState
        {
            Id = id,
            Arn = ArnFormat.TaskSet(context.Region, cluster.Name, service.Name, id),
            Service = service,
            Fleet = fleet,
            ExternalId = context.String("externalId"),
            Status = service.TaskSets.Values.Any(s => s.Status == "PRIMARY") ? "ACTIVE" : "PRIMARY",
            ScaleValue = scaleValue,
            ScaleUnit = scaleUnit,
            LoadBalancers = context.Array("loadBalancers")?.DeepClone() as JsonArray,
            ServiceRegistries = context.Array("serviceRegistries")?.DeepClone() as JsonArray,
            Tags = tags,
            CreatedAt = context.Now,
            UpdatedAt = context.Now,
            ClientToken = clientToken,
            RequestFingerprint = fingerprint,
        };
        service.TaskSets[id] = set;
        if (set.Status == "PRIMARY")
        {
            Promote(service, set);
        }

        return new JsonObject { ["taskSet"] = ServiceWriter.TaskSet(set, context.Now, includeTags: true) };
    }

    private static JsonObject DescribeTaskSets(OperationContext context)
    {
        ServiceState service = ExternalService(context);
        List<string> requested = context.Strings("taskSets");
        bool includeTags = context.Includes("TAGS");
        var sets = new JsonArray();
        var failures = new JsonArray();
        if (requested.Count == 0)
        {
            foreach (TaskSetState set in service.TaskSets.Values)
            {
                sets.Add(ServiceWriter.TaskSet(set, context.Now, includeTags));
            }
        }

        foreach (string value in requested)
        {
            if (Find(service, value) is { } set)
            {
                sets.Add(ServiceWriter.TaskSet(set, context.Now, includeTags));
            }
            else
            {
                string arn = value.StartsWith("arn:", StringComparison.Ordinal)
                    ? value
                    : ArnFormat.TaskSet(context.Region, service.Cluster.Name, service.Name, value);
                failures.Add(new Failure(arn, Failure.Missing).ToJson());
            }
        }

        return new JsonObject { ["taskSets"] = sets, ["failures"] = failures };
    }

    private static JsonObject UpdateTaskSet(OperationContext context)
    {
        ServiceState service = ExternalService(context);
        TaskSetState set = Find(service, context.String("taskSet")!) ?? throw ServerErrors.TaskSetNotFound();
        (set.ScaleValue, set.ScaleUnit) = Scale(context)!.Value;
        set.UpdatedAt = context.Now;
        set.Fleet.DisturbedAt = context.Now;
        return new JsonObject { ["taskSet"] = ServiceWriter.TaskSet(set, context.Now, includeTags: false) };
    }

    private static JsonObject UpdateServicePrimaryTaskSet(OperationContext context)
    {
        ServiceState service = ExternalService(context);
        TaskSetState set = Find(service, context.String("primaryTaskSet")!) ?? throw ServerErrors.TaskSetNotFound();
        foreach (TaskSetState other in service.TaskSets.Values.Where(s => s.Status == "PRIMARY" && !ReferenceEquals(s, set)))
        {
            other.Status = "ACTIVE";
            other.UpdatedAt = context.Now;
        }

        if (set.Status != "PRIMARY")
        {
            set.Status = "PRIMARY";
            set.UpdatedAt = context.Now;
        }

        Promote(service, set);
        return new JsonObject { ["taskSet"] = ServiceWriter.TaskSet(set, context.Now, includeTags: false) };
    }

    private static JsonObject DeleteTaskSet(OperationContext context)
    {
        ServiceState service = ExternalService(context);
        TaskSetState set = Find(service, context.String("taskSet")!) ?? throw ServerErrors.TaskSetNotFound();
        bool hasTasks = set.Fleet.ActiveAt(context.Now).Count > 0;
        if (!context.Bool("force") && (set.ScaleValue != 0 || hasTasks))
        {
            throw ServerErrors.InvalidParameter(
                "The task set cannot be deleted until it is scaled down to 0 and runs no tasks. Use force to delete it anyway.");
        }

        set.Status = "DRAINING";
        set.UpdatedAt = context.Now;
        FleetScheduler.StopAll(set.Fleet, context.Now, $"Scaling activity initiated by (deployment {set.Id})");
        service.TaskSets.Remove(set.Id);
        return new JsonObject { ["taskSet"] = ServiceWriter.TaskSet(set, context.Now, includeTags: false) };
    }

    // The service must exist (ServiceNotFoundException), be ACTIVE (ServiceNotActiveException) and use the EXTERNAL controller.
    private static ServiceState ExternalService(OperationContext context)
    {
        ClusterState cluster = context.Cluster();
        ServiceState service = ServiceOperations.ActiveService(context, cluster, context.String("service")!);
        return service.IsExternal
            ? service
            : throw ServerErrors.InvalidParameter(
                "Amazon ECS only supports task set management on services configured to use the EXTERNAL deployment controller " +
                $"(this service's deployment controller is {service.ControllerType}).");
    }

    private static TaskSetState? Find(ServiceState service, string value) =>
        service.TaskSets.Values.FirstOrDefault(s => s.Id == value || s.Arn == value);

    private static (double Value, string Unit)? Scale(OperationContext context)
    {
        if (context.Object("scale") is not { } scale)
        {
            return null;
        }

        double value = (double?)scale["value"] ?? 0;
        if (value is < 0 or > 100 || double.IsNaN(value))
        {
            throw ServerErrors.InvalidParameter("The scale value must be between 0 and 100 (percent).");
        }

        return (value, (string?)scale["unit"] ?? "PERCENT");
    }

    // "Any parameters that are updated on the primary task set in a service will transition to the service."
    private static void Promote(ServiceState service, TaskSetState set)
    {
        service.TaskDefinition = set.Fleet.TaskDefinition;
        service.LaunchType = set.Fleet.LaunchType;
        service.Strategy = set.Fleet.Strategy?.ToList();
        service.PlatformVersion = set.Fleet.PlatformVersion;
        service.NetworkConfiguration = set.Fleet.NetworkConfiguration;
        service.LoadBalancers = set.LoadBalancers;
        service.ServiceRegistries = set.ServiceRegistries;
    }
}
