using System.Management.Automation;

namespace EcsTools.Tests.Help;

/// <summary>
/// A do-nothing cmdlet shaped like Fixtures/Valid/Start-EcsTask.md, so that Get-Help can be pointed at the MAML the
/// help builder writes for that page without the real module. Never imported into the module's runspaces.
/// </summary>
[Cmdlet(VerbsLifecycle.Start, "EcsTask", DefaultParameterSetName = "ClusterDefault")]
public sealed class StartEcsTaskFixtureCommand : PSCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Family")]
    public string TaskDefinition { get; set; } = string.Empty;

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("ClusterArn", "ClusterName")]
    public string Cluster { get; set; } = "default";

    [Parameter]
    public int Count { get; set; } = 1;

    [Parameter(Mandatory = true, ParameterSetName = "LaunchType")]
    [ValidateSet("EC2", "FARGATE", "EXTERNAL")]
    public string LaunchType { get; set; } = string.Empty;

    [Parameter(Mandatory = true, ParameterSetName = "LaunchType")]
    public string[] Subnet { get; set; } = [];

    [Parameter(ParameterSetName = "LaunchType")]
    public string[] SecurityGroup { get; set; } = [];

    [Parameter]
    public SwitchParameter Wait { get; set; }
}
