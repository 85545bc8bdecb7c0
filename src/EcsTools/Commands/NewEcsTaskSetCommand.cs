using System.Collections.Generic;
using System.Management.Automation;
using EcsTools.Completion;
using EcsTools.Engine;
using EcsTools.Engine.TaskSets;
using EcsTools.Engine.Tasks;
using EcsTools.Errors;
using EcsTools.Input;
using EcsTools.Waiting;

namespace EcsTools.Commands;

/// <summary>
/// Creates a task set in a service with the EXTERNAL deployment controller (CreateTaskSet), with a launch type, a
/// capacity provider strategy, or the cluster's default strategy. Every call carries a client token, so the SDK's
/// retries of one call can never create two task sets. With -Wait, outputs each task set once it reaches STEADY_STATE.
/// </summary>
[Cmdlet(VerbsCommon.New, "EcsTaskSet", SupportsShouldProcess = true, DefaultParameterSetName = ClusterDefault)]
[OutputType(typeof(EcsTaskSet))]
public sealed class NewEcsTaskSetCommand : TaskSetWaitingCmdlet
{
    private const string ClusterDefault = "ClusterDefault";
    private const string ByLaunchType = "LaunchType";
    private const string ByCapacityProvider = "CapacityProvider";

    private List<ResourceTag>? _tags;
    private List<CapacityProviderShare>? _strategy;
    private List<TaskSetLoadBalancer>? _loadBalancers;
    private List<TaskSetServiceRegistry>? _serviceRegistries;
    private AwsVpcNetwork? _network;
    private double? _scale;
    private int _inputIndex;

    /// <summary>The cluster of the service: name or ARN.</summary>
    [TextInput(typeof(NewEcsTaskSetCommand), nameof(Cluster))]
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Alias("ClusterArn", "ClusterName")]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ClusterCompleter))]
    public string Cluster { get; set; } = "";

    /// <summary>The service (EXTERNAL deployment controller): name or ARN.</summary>
    [TextInput(typeof(NewEcsTaskSetCommand), nameof(Service))]
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Alias("ServiceArn", "ServiceName")]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ServiceCompleter))]
    public string Service { get; set; } = "";

    /// <summary>The task definition of the task set's tasks: family (latest ACTIVE revision), family:revision, or ARN.</summary>
    [TextInput(typeof(NewEcsTaskSetCommand), nameof(TaskDefinition))]
    [Parameter(Mandatory = true)]
    [Alias("TaskDefinitionArn")]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(TaskDefinitionCompleter))]
    public string TaskDefinition { get; set; } = "";

    /// <summary>The launch type of the task set's tasks.</summary>
    [Parameter(Mandatory = true, ParameterSetName = ByLaunchType)]
    [ValidateSet("EC2", "FARGATE", "EXTERNAL", "MANAGED_INSTANCES", IgnoreCase = true)]
    public string LaunchType { get; set; } = "";

    /// <summary>The capacity provider strategy: hashtables or objects with CapacityProvider, Weight and Base.</summary>
    [Parameter(Mandatory = true, ParameterSetName = ByCapacityProvider)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(CapacityProviderCompleter))]
    public object[] CapacityProviderStrategy { get; set; } = [];

    /// <summary>The percentage of the service's desired count to run in the task set, from 0 to 100 (50, or '50%').</summary>
    [Parameter]
    [PercentArgument]
    public double? Scale { get; set; }

    /// <summary>An identifier of the task set in an external system, e.g. a deployment id.</summary>
    [TextInput(typeof(NewEcsTaskSetCommand), nameof(ExternalId))]
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? ExternalId { get; set; }

    /// <summary>Load balancer targets: hashtables or objects with TargetGroupArn (or LoadBalancerName), ContainerName and ContainerPort.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [Alias("LoadBalancers")]
    public object[]? LoadBalancer { get; set; }

    /// <summary>Service discovery registries: hashtables or objects with RegistryArn, Port, ContainerName and ContainerPort.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [Alias("ServiceRegistries")]
    public object[]? ServiceRegistry { get; set; }

    /// <summary>Subnets for the awsvpc network interfaces of the tasks.</summary>
    [TextInput(typeof(NewEcsTaskSetCommand), nameof(Subnet), "SubnetId")]
    [Parameter]
    [ValidateNotNullOrEmpty]
    [Alias("Subnets")]
    public string[]? Subnet { get; set; }

    /// <summary>Security groups for the awsvpc network interfaces of the tasks.</summary>
    [TextInput(typeof(NewEcsTaskSetCommand), nameof(SecurityGroup), "GroupId", "SecurityGroupId")]
    [Parameter]
    [ValidateNotNullOrEmpty]
    [Alias("SecurityGroups")]
    public string[]? SecurityGroup { get; set; }

    /// <summary>Give the tasks' awsvpc network interfaces public IP addresses.</summary>
    [Parameter]
    public SwitchParameter AssignPublicIp { get; set; }

    /// <summary>The Fargate platform version, e.g. LATEST or 1.4.0.</summary>
    [TextInput(typeof(NewEcsTaskSetCommand), nameof(PlatformVersion))]
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? PlatformVersion { get; set; }

    /// <summary>Tags: a hashtable (@{team='web'}) or objects with Key and Value.</summary>
    [Parameter]
    [ValidateNotNull]
    public object[]? Tag { get; set; }

    /// <summary>An idempotency token (1-36 printable ASCII characters). One is generated for each call when omitted.</summary>
    [TextInput(typeof(NewEcsTaskSetCommand), nameof(ClientToken))]
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? ClientToken { get; set; }

    private protected override void ValidateTaskSetInput()
    {
        Input.ClientTokens.Validate(ClientToken, TaskSetRules.MaxClientTokenLength);
        _scale = Scale is { } percent ? TaskSetInput.ToScale(percent) : null;
        _tags = Tag is null ? null : TagInput.ReadTags(Tag);
        _strategy = ParameterSetName == ByCapacityProvider ? CapacityProviderInput.ReadShares(CapacityProviderStrategy) : null;
        _loadBalancers = LoadBalancer is null ? null : TaskSetInput.ReadLoadBalancers(LoadBalancer);
        _serviceRegistries = ServiceRegistry is null ? null : TaskSetInput.ReadServiceRegistries(ServiceRegistry);
        _network = NetworkInput.Read(Subnet, SecurityGroup, AssignPublicIp);
    }

    protected override void ProcessRecord()
    {
        if (RefuseInputObjects())
        {
            return;
        }

        var inputIndex = _inputIndex++;
        var placement = ParameterSetName switch
        {
            ByLaunchType => $"launch type {LaunchType.ToUpperInvariant()}",
            ByCapacityProvider => $"capacity provider strategy {CapacityProviderInput.Describe(_strategy!)}",
            _ => "the cluster's default capacity provider strategy",
        };
        var scale = Scale is { } percent ? $" at {TaskSetInput.Describe(percent)}" : "";
        if (!ShouldProcess($"service '{Service}' of cluster '{Cluster}'", $"Create a task set of task definition '{TaskDefinition}'{scale} with {placement}"))
        {
            return;
        }

        var creation = new TaskSetCreation
        {
            Cluster = Cluster,
            Service = Service,
            TaskDefinition = TaskDefinition,
            ExternalId = ExternalId,
            LaunchType = ParameterSetName == ByLaunchType ? LaunchType.ToUpperInvariant() : null,
            CapacityProviderStrategy = _strategy,
            PlatformVersion = PlatformVersion,
            Scale = _scale,
            LoadBalancers = _loadBalancers,
            ServiceRegistries = _serviceRegistries,
            Network = _network,
            Tags = _tags,
            ClientToken = TaskSetRules.ClientTokenFor(ClientToken, inputIndex),
        };
        WriteVerbose($"CreateTaskSet in service {Service} of cluster {Cluster}: task definition {TaskDefinition}, client token {creation.ClientToken}.");
        if (!TryAwait(ct => Connection.CreateTaskSetAsync(creation, ct), Service, Cluster, TaskDefinition, out var created))
        {
            return;
        }

        if (created is null)
        {
            WriteError(ErrorRecords.Create(new System.InvalidOperationException($"CreateTaskSet in service '{Service}' answered without a task set."),
                ErrorIds.EmptyResponse, ErrorCategory.InvalidResult, Service, $"Run Get-EcsTaskSet -Cluster {Cluster} -Service {Service} to see whether it was created."));
            return;
        }

        WriteOrWait(created, Cluster, Service);
    }
}
