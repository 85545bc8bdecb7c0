<#
.SYNOPSIS
    A guided tour of EcsTools: tasks started four ways, waited for and stopped; failures as errors; a blue/green deployment.

.DESCRIPTION
    Made for the demo scene of LocalEcs, which `dotnet run --project src/EcsTools.Tour` starts before it runs this
    script (cluster demo with three container instances and the FARGATE and FARGATE_SPOT capacity providers, the
    EXTERNAL service checkout). It shows:

      1. Start-EcsTask in each of its parameter sets: a launch type, a capacity provider strategy, the cluster's
         default strategy, and chosen container instances (StartTask);
      2. Wait-EcsTask until the tasks are RUNNING, and a batch job waited for until it has stopped, its output shown
         as it runs (-FollowLog);
      3. failures as error records with stable ids: a task that cannot be placed (RESOURCE:MEMORY), one whose
         container exits with code 2, one that fails to start (its image cannot be pulled);
      4. Start | Wait | Stop | Wait as one pipeline;
      5. the output as objects for the rest of PowerShell: Sort-Object, Select-Object, Group-Object, ConvertTo-Json;
      6. a blue/green deployment of checkout with task sets: green created at 0 %, scaled to 100 % and waited for
         until STEADY_STATE, made primary; blue scaled to 0 % and removed.

    Unexpected errors stop the tour ($ErrorActionPreference = 'Stop'); the failures it shows on purpose are asked for
    with -ErrorAction Continue.

.PARAMETER Cluster
    The cluster (demo in the demo scene).

.PARAMETER Service
    The service with the EXTERNAL deployment controller for the blue/green deployment (checkout).

.PARAMETER Subnet
    The subnet for the awsvpc tasks and task sets.

.PARAMETER SecurityGroup
    The security group for the awsvpc tasks and task sets.

.EXAMPLE
    dotnet run --project src/EcsTools.Tour

    Builds the module, starts LocalEcs with the demo scene, and runs this tour.

.EXAMPLE
    dotnet run --project src/EcsTools.Tour -- --step 1s tour

    The same, with LocalEcs's clock slowed down to a lifecycle step a second, to watch the progress.
#>
[CmdletBinding()]
param(
    [string] $Cluster = 'demo',
    [string] $Service = 'checkout',
    [string[]] $Subnet = 'subnet-0a1b2c3d4e5f60718',
    [string[]] $SecurityGroup = 'sg-0123456789abcdef0'
)

$ErrorActionPreference = 'Stop'

# Titles and notes wrap at the console's width, as the tables and errors do.
function Write-Wrapped([string] $Text, [string] $Prefix, [hashtable] $Style = @{}) {
    $width = [Math]::Max(40, $Host.UI.RawUI.BufferSize.Width - 1)
    $line = ''
    foreach ($word in $Text -split ' ') {
        if ($line -and $Prefix.Length + $line.Length + 1 + $word.Length -gt $width) {
            Write-Host ($Prefix + $line) @Style
            $Prefix = ' ' * $Prefix.Length
            $line = $word
        }
        elseif ($line) { $line += ' ' + $word }
        else { $line = $word }
    }
    Write-Host ($Prefix + $line) @Style
}

function Show-Step([string] $Title) {
    Write-Host ''
    Write-Wrapped $Title '== ' @{ ForegroundColor = 'Cyan' }
}

function Show-Note([string] $Text) {
    Write-Wrapped $Text '   '
}

function Show-ErrorId([System.Management.Automation.ErrorRecord[]] $ErrorRecord) {
    foreach ($record in $ErrorRecord) {
        Show-Note ("Error id: {0}  (category {1})" -f $record.FullyQualifiedErrorId, $record.CategoryInfo.Category)
    }
}

$network = @{ Subnet = $Subnet; SecurityGroup = $SecurityGroup }
$providerColumns = 'TaskId', 'Family', @{ Label = 'CapacityProvider'; Expression = 'CapacityProviderName' }, 'LaunchType'

Show-Step "1. Start-EcsTask with a launch type: RunTask, launchType EC2, two tasks of 'web'"
Show-Note 'Each task is written as soon as ECS answers, PROVISIONING at first.'
Start-EcsTask web -Cluster $Cluster -LaunchType EC2 -Count 2 -OutVariable web | Out-Host

Show-Step '2. With a capacity provider strategy: FARGATE_SPOT, written as a hashtable'
Show-Note 'ECS gives a Spot task the launch type FARGATE; its capacity provider is the one that says FARGATE_SPOT.'
Show-Note 'Format-Table with the columns to see, here both:'
Start-EcsTask fargate-web -Cluster $Cluster -CapacityProviderStrategy @{ CapacityProvider = 'FARGATE_SPOT'; Weight = 1 } @network -OutVariable spot |
    Format-Table $providerColumns

Show-Step "3. With the cluster's default capacity provider strategy: neither a launch type nor a strategy"
Show-Note "The demo cluster's default is FARGATE (base 1) and FARGATE_SPOT (weight 3): the first task goes to FARGATE."
Start-EcsTask fargate-web -Cluster $Cluster @network -OutVariable default | Format-Table $providerColumns

Show-Step '4. On a chosen container instance: StartTask, on the instance of the first web task'
Show-Note "The instance: $($web[0].ContainerInstanceArn)"
Start-EcsTask web -Cluster $Cluster -ContainerInstance $web[0].ContainerInstanceArn -OutVariable pinned | Out-Host

Show-Step '5. Wait-EcsTask -WaitUntil Running: each task is written when it gets there (and kept with -OutVariable)'
$web + $spot + $default + $pinned | Wait-EcsTask -WaitUntil Running -OutVariable running | Out-Host

Show-Step "6. Start-EcsTask -Wait -FollowLog: a batch job ('batch' runs 3 s and exits 0), its output as it runs, the task once it has stopped"
Start-EcsTask batch -Cluster $Cluster -LaunchType EC2 -Wait -FollowLog -OutVariable batch | Out-Host

Show-Step "7. Failures are errors. A task that does not fit: 'big' asks for 16 GiB, the instances have 8"
Show-Note ('ECS answers with a failure for each container instance it tried; each becomes an error record, and the ' +
    'pipeline goes on. Collected here with -ErrorVariable; the first one as PowerShell shows it:')
Start-EcsTask big -Cluster $Cluster -LaunchType EC2 -ErrorAction SilentlyContinue -ErrorVariable placement | Out-Host
$placement[0] | Out-Host
Write-Host ''
Show-Note ('All {0} have the id {1}; what each failure says is its TargetObject:' -f $placement.Count, (($placement.FullyQualifiedErrorId | Sort-Object -Unique) -join ', '))
$placement.TargetObject | Select-Object @{ Name = 'ContainerInstance'; Expression = { $_.Arn -replace '^.*/' } }, Reason | Format-Table

Show-Step "8. A task whose essential container exits with code 2 ('batch-fail'): its last lines, the task as output, and a TaskFailed error"
Start-EcsTask batch-fail -Cluster $Cluster -LaunchType EC2 -Wait -FollowLog -ErrorAction Continue -ErrorVariable exited | Out-Host
Show-ErrorId $exited
Show-Note 'In a runbook: -ErrorAction Stop and try/catch, or -IgnoreTaskFailure to take the exit code from the task (examples/run-migration.ps1).'

Show-Step "9. A task that fails to start ('bad-image': its image cannot be pulled): a TaskFailedToStart error"
Start-EcsTask bad-image -Cluster $Cluster -LaunchType EC2 -Wait -ErrorAction Continue -ErrorVariable notStarted | Out-Host
Show-ErrorId $notStarted

Show-Step '10. One pipeline: the running tasks | Stop-EcsTask | Wait-EcsTask (until STOPPED)'
$running | Stop-EcsTask -Reason 'The tour is done with them' | Wait-EcsTask | Out-Host

Show-Step '11. The output is objects, for the rest of PowerShell: Sort-Object, Select-Object, Group-Object, ConvertTo-Json'
Show-Note 'The stopped tasks of the cluster (ECS keeps them about an hour), the last one stopped first:'
$stopped = Get-EcsTask -Cluster $Cluster -DesiredStatus STOPPED
$stopped | Sort-Object StoppedAt -Descending |
    Select-Object @{ Name = 'Stopped'; Expression = { $_.StoppedAt.ToString('HH:mm:ss') } }, Family, StopCode, ExitCodes | Format-Table
Show-Note 'How they ended, by task definition:'
$stopped | Group-Object Family, StopCode | Sort-Object Count -Descending | Format-Table Count, Name -AutoSize
Show-Note 'The batch job of step 6 as JSON, for a log or another tool:'
$batch | Select-Object TaskArn, TaskDefinitionArn, LastStatus, StopCode, StartedAt, StoppedAt,
    @{ Name = 'Containers'; Expression = { , @($_.Containers | Select-Object Name, ExitCode) } } |
    ConvertTo-Json -Depth 3 | Out-Host

Show-Step "12. Blue/green deployment of the EXTERNAL service '$Service' with task sets"
Show-Note 'Blue: the version in production, 100 % of the desired count, on FARGATE; waited for until STEADY_STATE.'
$blue = New-EcsTaskSet -Cluster $Cluster -Service $Service -TaskDefinition fargate-web -LaunchType FARGATE @network -Scale 100 -ExternalId blue -Wait
$blue = $blue | Set-EcsTaskSet -Primary
$blue | Out-Host

Show-Note ('Green: the new version (here the same task definition, moved to FARGATE_SPOT), created at 0 %, ' +
    'scaled to 100 % and waited for, then made primary: production traffic goes to green.')
$green = New-EcsTaskSet -Cluster $Cluster -Service $Service -TaskDefinition fargate-web @network -ExternalId green -Scale 0 `
    -CapacityProviderStrategy @{ CapacityProvider = 'FARGATE_SPOT'; Weight = 1 }
$green = $green | Set-EcsTaskSet -Scale 100 -Wait
$green = $green | Set-EcsTaskSet -Primary
$green | Out-Host
Show-Note ("Blue is $($blue.Id) with the launch type $($blue.LaunchType), green $($green.Id) with the capacity provider " +
    "strategy $($green.CapacityProviderStrategy -join ', ').")

Show-Note 'Blue is scaled to 0 %, waited for, and removed (ECS drains it).'
$null = $blue | Set-EcsTaskSet -Scale 0 -Wait
$blue | Remove-EcsTaskSet -Force | Out-Host

Show-Note "What is left of '$Service':"
Get-EcsTaskSet -Cluster $Cluster -Service $Service | Out-Host

Show-Step 'Done'
Show-Note 'The examples are runbooks to read and run: dotnet run --project src/EcsTools.Tour -- --list'
Show-Note 'The reference: Get-Help Start-EcsTask -Full (and the other cmdlets), or docs/ in the repository.'
