<#
.SYNOPSIS
    Runs a one-off task (a database migration, say), waits until it has stopped, and exits with its exit code.

.DESCRIPTION
    Starts one task of -TaskDefinition, shows what it prints while it runs (Wait-EcsTask -FollowLog, for containers that
    log with awslogs), waits until it has stopped, and exits with the exit code of its container
    (of -Container, when the task has several): a CI job or a scheduler acts on the result as on any command's.

    Exit codes:
      0    the task ran and its containers exited with 0;
      N    a container exited with N;
      1    the task was not started (no room, a missing cluster or task definition...), failed to start (its image
           could not be pulled...), or did not stop within -Timeout.

    The defaults fit the demo scene of the tour host's LocalEcs: 'batch' runs 3 s and exits 0, 'batch-fail' exits 2,
    'bad-image' fails to start, 'big' cannot be placed.

.PARAMETER TaskDefinition
    The task definition: family, family:revision or ARN.

.PARAMETER Cluster
    The cluster.

.PARAMETER LaunchType
    EC2 or FARGATE. With FARGATE (awsvpc), give -Subnet and -SecurityGroup.

.PARAMETER Subnet
    Subnets for an awsvpc task.

.PARAMETER SecurityGroup
    Security groups for an awsvpc task.

.PARAMETER Command
    A command for the task's container instead of the task definition's (e.g. ./migrate, up).

.PARAMETER Container
    The container whose exit code counts, and that -Command applies to, when the task has several (default: the
    task's first container).

.PARAMETER Timeout
    How long to wait for the task to stop, in seconds (default 1800).

.EXAMPLE
    dotnet run --project src/EcsTools.Tour -- run-migration

    Runs 'batch' on the demo cluster of LocalEcs: exit code 0.

.EXAMPLE
    dotnet run --project src/EcsTools.Tour -- run-migration -TaskDefinition batch-fail; echo $?

    The task's container exits with code 2, and so does the script.

.EXAMPLE
    ./examples/run-migration.ps1 -Cluster prod -TaskDefinition migrate:42 -LaunchType FARGATE -Subnet subnet-0a1b2c -SecurityGroup sg-0d4e5f -Command ./migrate.sh, up

    Against ECS, from pwsh with EcsTools imported.
#>
[CmdletBinding()]
param(
    [string] $TaskDefinition = 'batch',
    [string] $Cluster = 'demo',
    [ValidateSet('EC2', 'FARGATE')]
    [string] $LaunchType = 'EC2',
    [string[]] $Subnet,
    [string[]] $SecurityGroup,
    [string[]] $Command,
    [string] $Container,
    [ValidateRange(1, 86400)]
    [int] $Timeout = 1800
)

$ErrorActionPreference = 'Stop'

$start = @{ Cluster = $Cluster; LaunchType = $LaunchType; StartedBy = 'run-migration' }
if ($Subnet) { $start.Subnet = $Subnet }
if ($SecurityGroup) { $start.SecurityGroup = $SecurityGroup }
if ($Command) { $start.Command = $Command }
if ($Container) { $start.Container = $Container }

try {
    $task = Start-EcsTask $TaskDefinition @start
    Write-Host "Started task $($task.TaskId) of $($task.Family):$($task.Revision) on cluster $($task.ClusterName); waiting for it to stop."

    # -IgnoreTaskFailure: a task that failed is output like any other, and its exit code decides below. Errors that
    # remain (the task is gone, the wait timed out, ECS cannot be reached) stop the script: -ErrorAction Stop above.
    # -FollowLog: what the migration prints (awslogs) is shown as it runs, "[task-id container] line", last lines included.
    $task = $task | Wait-EcsTask -Timeout $Timeout -IgnoreTaskFailure -FollowLog
}
catch {
    Write-Error -ErrorRecord $_ -ErrorAction Continue
    Write-Host "No exit code to report ($($_.FullyQualifiedErrorId)): exit code 1."
    exit 1
}

if ($task.StopCode -eq 'TaskFailedToStart') {
    Write-Host "Task $($task.TaskId) failed to start: $($task.StoppedReason)"
    exit 1
}

# The container whose exit code counts: -Container, else the task's first (a migration task usually has one).
$main = if ($Container) { $task.Containers | Where-Object Name -eq $Container } else { $task.Containers[0] }
if ($null -eq $main -or $null -eq $main.ExitCode) {
    Write-Host "Task $($task.TaskId) stopped without an exit code$(if ($main.Reason) { ": $($main.Reason)" }) ($($task.StoppedReason))."
    exit 1
}

if ($main.ExitCode -eq 0) {
    Write-Host "Task $($task.TaskId) succeeded: container '$($main.Name)' exited with code 0."
}
else {
    Write-Host "Task $($task.TaskId) failed: container '$($main.Name)' exited with code $($main.ExitCode)."
}

exit $main.ExitCode
