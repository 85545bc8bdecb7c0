<#
.SYNOPSIS
    Deploys a new version of a service with the EXTERNAL deployment controller: blue/green with task sets, rolled back if green does not become stable.

.DESCRIPTION
    1. Blue is the service's PRIMARY task set, if it has one (none on a first deployment).
    2. Green, a task set of -TaskDefinition, is created at 0 %, scaled to 100 % of the service's desired count, and
       waited for until it reaches STEADY_STATE, for up to -Timeout seconds.
    3. If green cannot be created or does not become stable in time, it is rolled back: green is removed (ECS stops
       its tasks), blue stays the primary task set at its scale, and the script exits with 1. Production traffic
       never left blue.
    4. Otherwise green becomes the primary task set (production traffic goes to it), blue is scaled to 0 %, waited
       for, and removed. The script outputs green and exits with 0.

    With a load balancer, give -TargetGroupArn, -ContainerName and -ContainerPort: green registers its tasks in that
    target group, and the listener rules decide which task set serves production and test traffic.

    The defaults fit the demo scene of the tour host's LocalEcs: service checkout in cluster demo, task definition
    fargate-web on FARGATE.

.PARAMETER Cluster
    The cluster of the service.

.PARAMETER Service
    The service; its deployment controller must be EXTERNAL.

.PARAMETER TaskDefinition
    The new version: family, family:revision or ARN.

.PARAMETER LaunchType
    EC2 or FARGATE.

.PARAMETER Subnet
    Subnets for awsvpc tasks (empty for bridge or host networking).

.PARAMETER SecurityGroup
    Security groups for awsvpc tasks.

.PARAMETER ExternalId
    An id for green in your own systems (a release number, a pipeline run); the default is made from the time.

.PARAMETER TargetGroupArn
    The target group green's tasks register in.

.PARAMETER ContainerName
    With -TargetGroupArn: the container that receives the traffic.

.PARAMETER ContainerPort
    With -TargetGroupArn: the port of that container.

.PARAMETER Timeout
    How long green (and then blue) may take to reach STEADY_STATE, in seconds (default 600).

.EXAMPLE
    dotnet run --project src/EcsTools.Tour -- blue-green

    Deploys fargate-web to checkout on the demo cluster of LocalEcs: the first deployment has no blue.

.EXAMPLE
    ./examples/blue-green.ps1 -Cluster prod -Service checkout -TaskDefinition checkout:43 -Subnet subnet-0a1b2c -SecurityGroup sg-0d4e5f -ExternalId release-43 -TargetGroupArn $tg -ContainerName web -ContainerPort 8080

    Against ECS, from pwsh with EcsTools imported.
#>
[CmdletBinding()]
param(
    [string] $Cluster = 'demo',
    [string] $Service = 'checkout',
    [string] $TaskDefinition = 'fargate-web',
    [ValidateSet('EC2', 'FARGATE')]
    [string] $LaunchType = 'FARGATE',
    [string[]] $Subnet = 'subnet-0a1b2c3d4e5f60718',
    [string[]] $SecurityGroup = 'sg-0123456789abcdef0',
    [string] $ExternalId = 'deploy-' + [datetime]::UtcNow.ToString('yyyyMMdd-HHmmss'),
    [string] $TargetGroupArn,
    [string] $ContainerName,
    [int] $ContainerPort,
    [ValidateRange(1, 86400)]
    [int] $Timeout = 600
)

$ErrorActionPreference = 'Stop'
$target = @{ Cluster = $Cluster; Service = $Service }

$blue = @(Get-EcsTaskSet @target | Where-Object Status -eq 'PRIMARY')[0]
if ($blue) {
    Write-Host "Blue: task set $($blue.Id) ($($blue.ExternalId)), $($blue.TaskDefinitionArn), at $($blue.Scale) %."
}
else {
    Write-Host "Service $Service has no primary task set: this is its first deployment."
}

$create = @{ TaskDefinition = $TaskDefinition; LaunchType = $LaunchType; ExternalId = $ExternalId; Scale = 0 }
if ($Subnet) { $create.Subnet = $Subnet }
if ($SecurityGroup) { $create.SecurityGroup = $SecurityGroup }
if ($TargetGroupArn) {
    $create.LoadBalancer = @{ TargetGroupArn = $TargetGroupArn; ContainerName = $ContainerName; ContainerPort = $ContainerPort }
}

$green = $null
try {
    $green = New-EcsTaskSet @target @create
    Write-Host "Green: task set $($green.Id) ($ExternalId) created at 0 %; scaling it to 100 % and waiting up to $Timeout s for STEADY_STATE."
    $green = $green | Set-EcsTaskSet -Scale 100 -Wait -Timeout $Timeout
}
catch {
    Write-Error -ErrorRecord $_ -ErrorAction Continue
    if ($green) {
        Write-Host "Rolling back: removing green ($($green.Id)) and its tasks."
        $null = $green | Remove-EcsTaskSet -IgnoreScale -Force
    }

    Write-Host $(if ($blue) { "Blue ($($blue.Id)) is still the primary task set: nothing changed for production." } else { 'Nothing was deployed.' })
    exit 1
}

Write-Host "Green is stable: making it the primary task set."
$green = $green | Set-EcsTaskSet -Primary
if ($blue) {
    Write-Host "Blue ($($blue.Id)): scaling it to 0 %, then removing it."
    $null = $blue | Set-EcsTaskSet -Scale 0 -Wait -Timeout $Timeout
    $null = $blue | Remove-EcsTaskSet -Force
}

Write-Host "Deployed $ExternalId to $Service."
$green
exit 0
