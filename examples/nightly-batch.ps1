<#
.SYNOPSIS
    Fans a nightly job out over N shards, idempotently (re-running the same night starts nothing twice), and summarises the failures.

.DESCRIPTION
    Starts -Shards tasks of -TaskDefinition, one a shard, each told its shard in its environment (SHARD and SHARDS),
    waits until they have all stopped, outputs them, and summarises: which shards succeeded, which could not be
    started, which failed and why.

    Each shard is started with a client token made of -RunId and the shard number. Re-running the script for the
    same -RunId (after the scheduler timed out, the machine running it rebooted, or the network failed halfway)
    gets the tasks of the first run back from ECS instead of starting them again; the re-run waits for them and
    summarises as the first run would. The re-run may come from another process or machine: EcsTools sends -Environment
    sorted by name, so the request is the same byte for byte. A re-run with other parameters for the same run id (another -Shards, say)
    is refused by ECS with a conflict, shard by shard.

    Errors are collected with -ErrorVariable rather than shown as they come: one shard that cannot be started or
    fails does not stop the others, and each appears once in the summary. Errors that concern every shard (no
    credentials, for instance) still stop the script.

    Exit code: 0 when every shard succeeded, 1 otherwise.

.PARAMETER TaskDefinition
    The task definition of the job: family, family:revision or ARN.

.PARAMETER Cluster
    The cluster.

.PARAMETER Shards
    How many tasks to fan out (1 to 100).

.PARAMETER RunId
    Identifies the run: one a night by default (the UTC date). The client tokens are made from it.

.PARAMETER LaunchType
    EC2 or FARGATE. With FARGATE (awsvpc), give -Subnet and -SecurityGroup.

.PARAMETER Subnet
    Subnets for awsvpc tasks.

.PARAMETER SecurityGroup
    Security groups for awsvpc tasks.

.PARAMETER Timeout
    How long to wait for the tasks to stop, in seconds (default 3600).

.EXAMPLE
    dotnet run --project src/EcsTools.Tour -- nightly-batch

    Six shards of 'batch' (3 s each, exit code 0) on the demo cluster of LocalEcs.

.EXAMPLE
    dotnet run --project src/EcsTools.Tour -- nightly-batch -TaskDefinition batch-fail -Shards 3

    Every shard exits with code 2: the summary lists them, and the exit code is 1.

.EXAMPLE
    ./examples/nightly-batch.ps1 -Cluster prod -TaskDefinition report:12 -Shards 20 -LaunchType FARGATE -Subnet subnet-0a1b2c -SecurityGroup sg-0d4e5f

    Against ECS, from pwsh with EcsTools imported; run it again the same day and nothing new is started.
#>
[CmdletBinding()]
param(
    [string] $TaskDefinition = 'batch',
    [string] $Cluster = 'demo',
    [ValidateRange(1, 100)]
    [int] $Shards = 6,
    [ValidatePattern('^[\x21-\x7e]{1,40}\z')]
    [string] $RunId = [datetime]::UtcNow.ToString('yyyy-MM-dd'),
    [ValidateSet('EC2', 'FARGATE')]
    [string] $LaunchType = 'EC2',
    [string[]] $Subnet,
    [string[]] $SecurityGroup,
    [ValidateRange(1, 86400)]
    [int] $Timeout = 3600
)

$ErrorActionPreference = 'Stop'

$start = @{ Cluster = $Cluster; LaunchType = $LaunchType; StartedBy = 'nightly-batch' }
if ($Subnet) { $start.Subnet = $Subnet }
if ($SecurityGroup) { $start.SecurityGroup = $SecurityGroup }

$tasks = @()
$shardOf = @{}      # task ARN -> shard
$problems = @{}     # shard -> what went wrong

Write-Host "Run $RunId`: starting $Shards shard(s) of $TaskDefinition on cluster $Cluster."
for ($shard = 0; $shard -lt $Shards; $shard++) {
    $task = Start-EcsTask $TaskDefinition @start -Environment @{ SHARD = "$shard"; SHARDS = "$Shards" } `
        -ClientToken "nightly-$RunId-shard-$shard" -ErrorAction SilentlyContinue -ErrorVariable startErrors
    if ($startErrors) {
        $problems[$shard] = 'not started: ' + (($startErrors | ForEach-Object { "$_ [$($_.FullyQualifiedErrorId)]" }) -join '; ')
    }
    if ($startErrors | Where-Object FullyQualifiedErrorId -Like 'OutcomeUnknown,*') {
        # ECS may have started the shard: the same run id (so the same client token) returns its task, or starts it once.
        $problems[$shard] += " (run again with -RunId $($RunId): the shard's client token returns its task if it started, and starts it once if not)"
    }

    foreach ($t in $task) {
        $shardOf[$t.TaskArn] = $shard
        $tasks += $t
    }
}

if ($tasks.Count -gt 0) {
    Write-Host "Waiting for $($tasks.Count) task(s) to stop."
    $finished = $tasks | Wait-EcsTask -Timeout $Timeout -ErrorAction SilentlyContinue -ErrorVariable waitErrors
    foreach ($e in $waitErrors) {
        # A task that failed is the target of its error; a timeout names every task still running.
        foreach ($target in @($e.TargetObject)) {
            $arn = if ($target -is [EcsTools.EcsTask]) { $target.TaskArn } else { "$target" }
            if (-not $shardOf.ContainsKey($arn)) {
                continue
            }

            $problems[$shardOf[$arn]] = if ($e.FullyQualifiedErrorId -like 'TaskFailed*') {
                "task $($target.TaskId): $($target.StopCode), exit codes $($target.ExitCodes) [$($e.FullyQualifiedErrorId)]"
            }
            else {
                "$e [$($e.FullyQualifiedErrorId)]"
            }
        }
    }

    $finished
}

$succeeded = $Shards - $problems.Count
Write-Host ''
Write-Host "Run $RunId`: $succeeded of $Shards shard(s) succeeded."
for ($shard = 0; $shard -lt $Shards; $shard++) {
    if ($problems.ContainsKey($shard)) {
        Write-Host "  shard $shard`: $($problems[$shard])"
    }
}

exit $(if ($problems.Count -eq 0) { 0 } else { 1 })
