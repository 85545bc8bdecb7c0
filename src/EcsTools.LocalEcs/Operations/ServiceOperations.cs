using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using EcsTools.LocalEcs.Protocol;
using EcsTools.LocalEcs.Serialization;
using EcsTools.LocalEcs.State;

namespace EcsTools.LocalEcs.Operations;

/// <summary>CreateService, DescribeServices, ListServices, UpdateService and DeleteService.</summary>
internal static class ServiceOperations
{
    public static void Register(IDictionary<string, Func<OperationContext, JsonObject>> operations)
    {
        operations["CreateService"] = CreateService;
        operations["DescribeServices"] = DescribeServices;
        operations["ListServices"] = ListServices;
        operations["UpdateService"] = UpdateService;
        operations["DeleteService"] = DeleteService;
    }

    /// <summary>The service, which must be ACTIVE (ServiceNotActiveException otherwise).</summary>
    public static ServiceState ActiveService(OperationContext context, ClusterState cluster, string value)
    {
        ServiceState service = context.Service(cluster, value);
        return ServiceWriter.Status(service, context.Now) == "ACTIVE" ? service : throw ServerErrors.ServiceNotActive();
    }

    /// <summary>The step the scheduler of a fleet running this task definition ticks with.</summary>
    public static TimeSpan FleetStep(OperationContext context, TaskDefinitionState definition) =>
        TaskScript.Create(definition.Containers, new Dictionary<string, IReadOnlyDictionary<string, string>>()).Step ?? context.Engine.DefaultStep;

    private static JsonObject CreateService(OperationContext context)
    {
        ClusterState cluster = context.Cluster();
        string name = context.String("serviceName")!;
        if (!RequestValidation.IsName(name))
        {
            throw ServerErrors.InvalidParameter("Service name can have up to 255 letters (uppercase and lowercase), numbers, hyphens, and underscores.");
        }

        string controller = (string?)context.Object("deploymentController")?["type"] ?? "ECS";
        string? clientToken = RequestValidation.ClientToken(context.String("clientToken"), 36);
        string fingerprint = JsonCanonical.Fingerprint(context.Input);
        if (cluster.Services.TryGetValue(name, out ServiceState? existing) && ServiceWriter.Status(existing, context.Now) != "INACTIVE")
        {
            return clientToken is not null && existing.ClientToken == clientToken && existing.Fingerprint == fingerprint
                ? new JsonObject { ["service"] = ServiceWriter.Service(context.Region, existing, context.Now, includeTags: true) }
                : throw ServerErrors.InvalidParameter("Creation of service was not idempotent.");
        }

        TaskDefinitionState? definition = context.String("taskDefinition") is { } reference ? context.TaskDefinition(reference, activeOnly: true) : null;
        if (definition is null && controller == "ECS")
        {
            throw ServerErrors.InvalidParameter("Task Definition can not be blank.");
        }

        int desiredCount = context.Int("desiredCount") ?? 0;
        if (desiredCount < 0)
        {
            throw ServerErrors.InvalidParameter("desiredCount can not be negative.");
        }

        LaunchChoice choice = LaunchPlanner.Resolve(cluster, context.String("launchType"), context.Array("capacityProviderStrategy"));
        JsonObject? network = context.Object("networkConfiguration");
        bool fargate = choice.LaunchType == "FARGATE" || (choice.Strategy?.Any(s => RegionState.IsFargateProvider(s.CapacityProvider)) ?? false);
        if (definition is not null)
        {
            TaskFactory.Validate(definition, network, fargate, !fargate, context.String("platformVersion"));
        }

        List<Tag> tags = RequestValidation.Tags(context.Array("tags"));
        var service = new ServiceState
        {
            Name = name,
            Arn = ArnFormat.Service(context.Region, cluster.Name, name),
            Cluster = cluster,
            DesiredCount = desiredCount,
            TaskDefinition = controller == "EXTERNAL" ? null : definition,
            ControllerType = controller,
            LaunchType = choice.LaunchType,
            Strategy = choice.Strategy?.ToList(),
            PlatformVersion = fargate ? context.String("platformVersion") ?? "LATEST" : null,
            NetworkConfiguration = network?.DeepClone() as JsonObject,
            LoadBalancers = context.Array("loadBalancers")?.DeepClone() as JsonArray,
            ServiceRegistries = context.Array("serviceRegistries")?.DeepClone() as JsonArray,
            DeploymentConfiguration = context.Object("deploymentConfiguration")?.DeepClone() as JsonObject,
            PlacementConstraints = context.Array("placementConstraints")?.DeepClone() as JsonArray,
            PlacementStrategy = context.Array("placementStrategy")?.DeepClone() as JsonArray,
            SchedulingStrategy = context.String("schedulingStrategy") ?? "REPLICA",
            RoleArn = context.String("role"),
            HealthCheckGracePeriodSeconds = context.Int("healthCheckGracePeriodSeconds"),
            EnableExecuteCommand = context.Bool("enableExecuteCommand"),
            EnableEcsManagedTags = context.Bool("enableECSManagedTags"),
            PropagateTags = context.String("propagateTags"),
            Tags = tags,
            CreatedAt = context.Now,
            ClientToken = clientToken,
            Fingerprint = fingerprint,
        };
        if (controller == "ECS")
        {
            service.Deployment = NewDeployment(context, service, definition!, choice);
        }

        cluster.Services.Remove(name);
        cluster.Services[name] = service;
        return new JsonObject { ["service"] = ServiceWriter.Service(context.Region, service, context.Now, includeTags: true) };
    }

    private static JsonObject DescribeServices(OperationContext context)
    {
        ClusterState cluster = context.Cluster();
        List<string> names = RequestValidation.NonEmpty(context, "services", "Services", 10);
        bool includeTags = context.Includes("TAGS");
        var services = new JsonArray();
        var failures = new JsonArray();
        foreach (string value in names)
        {
            try
            {
                services.Add(ServiceWriter.Service(context.Region, context.Service(cluster, value), context.Now, includeTags));
            }
            catch (LocalEcsException e) when (e.ErrorCode == "ServiceNotFoundException")
            {
                string arn = value.StartsWith("arn:", StringComparison.Ordinal) ? value : ArnFormat.Service(context.Region, cluster.Name, value);
                failures.Add(new Failure(arn, Failure.Missing).ToJson());
            }
        }

        return new JsonObject { ["services"] = services, ["failures"] = failures };
    }

    private static JsonObject ListServices(OperationContext context)
    {
        ClusterState cluster = context.Cluster();
        string? launchType = context.String("launchType");
        string? scheduling = context.String("schedulingStrategy");
        List<string> arns = cluster.Services.Values
            .Where(s => ServiceWriter.Status(s, context.Now) != "INACTIVE")
            .Where(s => launchType is null || s.LaunchType == launchType)
            .Where(s => scheduling is null || s.SchedulingStrategy == scheduling)
            .Select(s => s.Arn)
            .ToList();
        (List<string> page, string? next) = Pagination.Page(context, arns, defaultMax: 10);
        var json = new JsonObject { ["serviceArns"] = new JsonArray(page.Select(a => (JsonNode)a).ToArray()) };
        json.Set("nextToken", next);
        return json;
    }

    private static JsonObject UpdateService(OperationContext context)
    {
        ClusterState cluster = context.Cluster();
        ServiceState service = ActiveService(context, cluster, context.String("service")!);
        if (context.Int("desiredCount") is { } desired)
        {
            service.DesiredCount = desired >= 0 ? desired : throw ServerErrors.InvalidParameter("desiredCount can not be negative.");
            if (service.Deployment is { } deployment)
            {
                deployment.Fleet.DisturbedAt = context.Now;
            }

            foreach (TaskSetState set in service.TaskSets.Values)
            {
                set.Fleet.DisturbedAt = context.Now;
            }
        }

        if (context.String("taskDefinition") is { } reference)
        {
            if (service.ControllerType != "ECS")
            {
                throw ServerErrors.InvalidParameter(
                    $"Updating the task definition is not supported for services using the {service.ControllerType} deployment controller.");
            }

            TaskDefinitionState definition = context.TaskDefinition(reference, activeOnly: true);
            Fleet old = service.Deployment!.Fleet;
            FleetScheduler.StopAll(old, context.Now, $"Scaling activity initiated by (deployment {service.Deployment.Id})");
            service.TaskDefinition = definition;
            var choice = new LaunchChoice(old.LaunchType, old.Strategy, old.Strategy is not null);
            service.Deployment = NewDeployment(context, service, definition, choice);
        }

        return new JsonObject { ["service"] = ServiceWriter.Service(context.Region, service, context.Now, includeTags: false) };
    }

    private static JsonObject DeleteService(OperationContext context)
    {
        ClusterState cluster = context.Cluster();
        ServiceState service = context.Service(cluster, context.String("service")!);
        if (ServiceWriter.Status(service, context.Now) == "INACTIVE")
        {
            throw ServerErrors.ServiceNotActive();
        }

        if (service.DeletedAt is null)
        {
            if (!context.Bool("force") && service.DesiredCount > 0 && !service.IsExternal)
            {
                throw ServerErrors.InvalidParameter("The service cannot be stopped while it is scaled above 0.");
            }

            service.DeletedAt = context.Now;
            service.InactiveAt = context.Now + context.Engine.DefaultStep;
            service.DesiredCount = 0;
            if (service.Deployment is { } deployment)
            {
                FleetScheduler.StopAll(deployment.Fleet, context.Now, $"Scaling activity initiated by (deployment {deployment.Id})");
            }

            foreach (TaskSetState set in service.TaskSets.Values)
            {
                FleetScheduler.StopAll(set.Fleet, context.Now, $"Scaling activity initiated by (deployment {set.Id})");
                set.Status = "DRAINING";
            }

            service.TaskSets.Clear();
        }

        return new JsonObject { ["service"] = ServiceWriter.Service(context.Region, service, context.Now, includeTags: false) };
    }

    private static DeploymentState NewDeployment(OperationContext context, ServiceState service, TaskDefinitionState definition, LaunchChoice choice)
    {
        string id = context.Ids.EcsServiceId();
        var fleet = new Fleet
        {
            Cluster = service.Cluster,
            Service = service,
            TaskDefinition = definition,
            LaunchType = choice.LaunchType,
            Strategy = choice.Strategy,
            PlatformVersion = service.PlatformVersion,
            NetworkConfiguration = service.NetworkConfiguration,
            StartedBy = id,
            Step = FleetStep(context, definition),
            Target = () => service.DeletedAt is null ? service.DesiredCount : 0,
            LastTick = context.Now,
            DisturbedAt = context.Now,
        };
        return new DeploymentState(id, fleet, context.Now);
    }
}
