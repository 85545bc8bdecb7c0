using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using EcsTools.Completion;
using EcsTools.Engine;
using EcsTools.Engine.Tasks;
using EcsTools.Errors;
using EcsTools.Input;
using EcsTools.Waiting;

namespace EcsTools.Commands;

/// <summary>
/// Starts ECS tasks: StartTask on the container instances given, RunTask otherwise (with a launch type, a capacity
/// provider strategy, or the cluster's default strategy). Writes each task as its response arrives.
/// </summary>
[Cmdlet(VerbsLifecycle.Start, "EcsTask", SupportsShouldProcess = true, DefaultParameterSetName = ClusterDefault)]
[OutputType(typeof(EcsTask))]
public sealed partial class StartEcsTaskCommand : EcsTaskWaitCmdlet
{
    private const string ClusterDefault = "ClusterDefault";
    private const string OnInstances = "ContainerInstance";
    private const string ByLaunchType = "LaunchType";
    private const string ByCapacityProvider = "CapacityProvider";

    private readonly StartTaskQueue _queue = new();
    private TaskLaunchRequest? _request;
    private TaskLauncher? _launcher;
    private int _inputIndex;

    /// <summary>The task definition: family (latest ACTIVE revision), family:revision, or ARN.</summary>
    [TextInput(typeof(StartEcsTaskCommand), nameof(TaskDefinition))]
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("TaskDefinitionArn")]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(TaskDefinitionCompleter))]
    public string TaskDefinition { get; set; } = "";

    /// <summary>The cluster name or ARN; the default cluster when omitted.</summary>
    [TextInput(typeof(StartEcsTaskCommand), nameof(Cluster))]
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("ClusterArn", "ClusterName")]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ClusterCompleter))]
    public string? Cluster { get; set; }

    /// <summary>Container instance ids or ARNs to start the task on (StartTask), at most 10 a call; more are split.</summary>
    [TextInput(typeof(StartEcsTaskCommand), nameof(ContainerInstance))]
    [Parameter(Mandatory = true, ParameterSetName = OnInstances, ValueFromPipelineByPropertyName = true)]
    [Alias("ContainerInstanceArn", "ContainerInstanceId", "ContainerInstances")]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ContainerInstanceCompleter))]
    public string[] ContainerInstance { get; set; } = [];

    /// <summary>The launch type (RunTask).</summary>
    [Parameter(Mandatory = true, ParameterSetName = ByLaunchType)]
    [ValidateSet("EC2", "FARGATE", "EXTERNAL", "MANAGED_INSTANCES", IgnoreCase = true)]
    public string LaunchType { get; set; } = "";

    /// <summary>The capacity provider strategy (RunTask): hashtables or objects with CapacityProvider, Weight and Base.</summary>
    [Parameter(Mandatory = true, ParameterSetName = ByCapacityProvider)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(CapacityProviderCompleter))]
    public object[] CapacityProviderStrategy { get; set; } = [];

    /// <summary>How many tasks to run; more than 10 are split into RunTask calls of at most 10.</summary>
    [Parameter(ParameterSetName = ClusterDefault)]
    [Parameter(ParameterSetName = ByLaunchType)]
    [Parameter(ParameterSetName = ByCapacityProvider)]
    public int Count { get; set; } = 1;

    /// <summary>Placement constraints: hashtables or objects with Type and Expression.</summary>
    [Parameter(ParameterSetName = ClusterDefault)]
    [Parameter(ParameterSetName = ByLaunchType)]
    [Parameter(ParameterSetName = ByCapacityProvider)]
    [ValidateNotNullOrEmpty]
    public object[]? PlacementConstraint { get; set; }

    /// <summary>Placement strategy rules: hashtables or objects with Type and Field.</summary>
    [Parameter(ParameterSetName = ClusterDefault)]
    [Parameter(ParameterSetName = ByLaunchType)]
    [Parameter(ParameterSetName = ByCapacityProvider)]
    [ValidateNotNullOrEmpty]
    public object[]? PlacementStrategy { get; set; }

    /// <summary>The Fargate platform version, e.g. LATEST or 1.4.0.</summary>
    [TextInput(typeof(StartEcsTaskCommand), nameof(PlatformVersion))]
    [Parameter(ParameterSetName = ClusterDefault)]
    [Parameter(ParameterSetName = ByLaunchType)]
    [Parameter(ParameterSetName = ByCapacityProvider)]
    [ValidateNotNullOrEmpty]
    public string? PlatformVersion { get; set; }

    /// <summary>An idempotency token (1-64 printable ASCII characters). One is generated when omitted.</summary>
    [TextInput(typeof(StartEcsTaskCommand), nameof(ClientToken))]
    [Parameter(ParameterSetName = ClusterDefault)]
    [Parameter(ParameterSetName = ByLaunchType)]
    [Parameter(ParameterSetName = ByCapacityProvider)]
    [ValidateNotNullOrEmpty]
    public string? ClientToken { get; set; }

    /// <summary>The task group.</summary>
    [TextInput(typeof(StartEcsTaskCommand), nameof(Group))]
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Group { get; set; }

    /// <summary>An identifier recorded as the task's startedBy.</summary>
    [TextInput(typeof(StartEcsTaskCommand), nameof(StartedBy))]
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? StartedBy { get; set; }

    /// <summary>A reference id for the task.</summary>
    [TextInput(typeof(StartEcsTaskCommand), nameof(ReferenceId))]
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? ReferenceId { get; set; }

    /// <summary>Tags: a hashtable (@{team='web'}) or objects with Key and Value.</summary>
    [Parameter]
    [ValidateNotNull]
    public object[]? Tag { get; set; }

    /// <summary>Copy tags from the task definition (TASK_DEFINITION) or not (NONE).</summary>
    [Parameter]
    [ValidateSet("TASK_DEFINITION", "SERVICE", "NONE", IgnoreCase = true)]
    public string? PropagateTags { get; set; }

    /// <summary>Turn on Amazon ECS managed tags.</summary>
    [Parameter]
    public SwitchParameter EnableEcsManagedTags { get; set; }

    /// <summary>Turn on ECS Exec for the task.</summary>
    [Parameter]
    public SwitchParameter EnableExecuteCommand { get; set; }

    /// <summary>Subnets for the awsvpc network interface.</summary>
    [TextInput(typeof(StartEcsTaskCommand), nameof(Subnet), "SubnetId")]
    [Parameter]
    [ValidateNotNullOrEmpty]
    [Alias("Subnets")]
    public string[]? Subnet { get; set; }

    /// <summary>Security groups for the awsvpc network interface.</summary>
    [TextInput(typeof(StartEcsTaskCommand), nameof(SecurityGroup), "GroupId", "SecurityGroupId")]
    [Parameter]
    [ValidateNotNullOrEmpty]
    [Alias("SecurityGroups")]
    public string[]? SecurityGroup { get; set; }

    /// <summary>Give the awsvpc network interface a public IP address.</summary>
    [Parameter]
    public SwitchParameter AssignPublicIp { get; set; }

    /// <summary>The command of the container named by -Container (or the task definition's only container).</summary>
    [TextInput(typeof(StartEcsTaskCommand), nameof(Command))]
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string[]? Command { get; set; }

    /// <summary>Environment variables for that container: a hashtable of names and values.</summary>
    [Parameter]
    [ValidateNotNull]
    public Hashtable? Environment { get; set; }

    /// <summary>The container that -Command and -Environment override.</summary>
    [TextInput(typeof(StartEcsTaskCommand), nameof(Container))]
    [Parameter]
    [ValidateNotNullOrEmpty]
    [Alias("ContainerName")]
    public string? Container { get; set; }

    /// <summary>The task-level CPU override, in CPU units (1024 = 1 vCPU).</summary>
    [TextInput(typeof(StartEcsTaskCommand), nameof(Cpu))]
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Cpu { get; set; }

    /// <summary>The task-level memory override, in MiB.</summary>
    [TextInput(typeof(StartEcsTaskCommand), nameof(Memory))]
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Memory { get; set; }

    /// <summary>The IAM role the task's containers assume.</summary>
    [TextInput(typeof(StartEcsTaskCommand), nameof(TaskRoleArn))]
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? TaskRoleArn { get; set; }

    /// <summary>The IAM role ECS uses to pull images and write logs.</summary>
    [TextInput(typeof(StartEcsTaskCommand), nameof(ExecutionRoleArn))]
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? ExecutionRoleArn { get; set; }

    /// <summary>A full task override (hashtable or object with the ECS TaskOverride members); the parameters above are applied on top.</summary>
    [Parameter]
    [ValidateNotNull]
    public object? Override { get; set; }

    /// <summary>Volume configurations (ECS-managed EBS volumes): hashtables or objects with Name and ManagedEBSVolume.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public object[]? VolumeConfiguration { get; set; }

    private bool OnContainerInstances => ParameterSetName == OnInstances;

    /// <summary>Checks the parameters once and reads them into the engine's launch request: a terminating error before anything is sent.</summary>
    protected override void ValidateInput()
    {
        try
        {
            _request = LaunchRequest();
            _launcher = TaskLauncher.Create(_request);
        }
        catch (InputValidationException e)
        {
            ThrowTerminatingError(ErrorRecords.FromInput(e));
        }
        catch (EcsInputException e)
        {
            ThrowTerminatingError(ErrorRecords.FromInput(e, InputTarget(e)));
        }
    }

    protected override void ProcessRecord()
    {
        if (RefuseInputObjects())
        {
            return;
        }

        if (!OnContainerInstances)
        {
            RunTasks(TaskDefinition, Cluster, _inputIndex++);
            return;
        }

        if (ContainerInstance.Length > TaskLaunchLimits.MaxCount)
        {
            WriteError(ErrorRecords.FromInput(new InputValidationException(ErrorIds.TooManyContainerInstances,
                InputMessages.TooManyContainerInstances(ContainerInstance.Length),
                InputMessages.TooManyContainerInstancesAction(), ContainerInstance.Length)));
            return;
        }

        foreach (var group in _queue.Add(TaskDefinition, Cluster, ContainerInstance))
        {
            StartTasks(group);
        }
    }

    protected override void EndProcessing()
    {
        if (_queue.Flush() is { } group)
        {
            StartTasks(group);
        }

        WaitForStarted();
    }
}
