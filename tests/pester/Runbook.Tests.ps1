# The idioms of runbooks and CI scripts: -WhatIf and -Confirm, $ErrorActionPreference = 'Stop' with try/catch on error
# ids, -ErrorVariable, $PSDefaultParameterValues, ForEach-Object -Parallel, and a transcript of a failing run.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    $module = Import-EcsToolsModule
    $ecs = Start-LocalEcs
    $manifest = Join-Path $module.ModuleBase 'EcsTools.psd1'
    $network = @{ Subnet = 'subnet-0a1b2c3d4e5f60718'; SecurityGroup = 'sg-0123456789abcdef0' }

    # What a fresh non-interactive pwsh (a CI job, a scheduled runbook) prints and returns for a script.
    function Invoke-Runbook([string] $Script) {
        Invoke-ChildPwsh ("`$ErrorView = 'NormalView'; Import-Module '$manifest'`n" + $Script)
    }
}
AfterAll { Stop-TestServer $ecs }

Describe '-WhatIf and -Confirm' {
    It 'Start-EcsTask -WhatIf starts nothing and outputs nothing' {
        $out = Start-EcsTask web -Cluster demo -LaunchType EC2 -StartedBy whatif-start -WhatIf
        $out | Should -BeNullOrEmpty
        Get-EcsTask -Cluster demo -StartedBy whatif-start | Should -BeNullOrEmpty
    }

    It 'says what it would do, in the words of the operation' {
        $run = Invoke-Runbook 'Start-EcsTask web -Cluster demo -LaunchType EC2 -Count 2 -WhatIf; New-EcsTaskSet -Cluster demo -Service checkout -TaskDefinition fargate-web -LaunchType FARGATE -Subnet subnet-0a1b2c3d4e5f60718 -SecurityGroup sg-0123456789abcdef0 -WhatIf'
        $run.ExitCode | Should -Be 0
        $run.Text | Should -Match ([regex]::Escape('What if: Performing the operation "Start 2 task(s) with launch type EC2" on target "task definition ''web'' on cluster ''demo''".'))
        $run.Text | Should -Match ([regex]::Escape("What if: Performing the operation `"Create a task set of task definition 'fargate-web'"))
        Get-EcsTaskSet -Cluster demo -Service checkout | Should -BeNullOrEmpty
    }

    It 'Stop-EcsTask -WhatIf leaves the task running; -Confirm:$false stops it without asking' {
        $task = Start-EcsTask web -Cluster demo -LaunchType EC2 -Wait -WaitUntil Running
        $task | Stop-EcsTask -WhatIf | Should -BeNullOrEmpty
        ($task | Get-EcsTask).DesiredStatus | Should -Be 'RUNNING'
        ($task | Stop-EcsTask -Confirm:$false).DesiredStatus | Should -Be 'STOPPED'
    }

    It 'Remove-EcsTaskSet asks first: a non-interactive run without -Confirm:$false fails and removes nothing' {
        $set = New-EcsTaskSet -Cluster demo -Service checkout -TaskDefinition fargate-web -LaunchType FARGATE @network -Scale 0 -ExternalId confirm-1
        try {
            $run = Invoke-Runbook "Remove-EcsTaskSet -Cluster demo -Service checkout -TaskSet '$($set.Id)' -IgnoreScale"
            $run.ExitCode | Should -Not -Be 0 -Because $run.Text
            $run.Text + $run.Error | Should -Match 'NonInteractive'
            (Get-EcsTaskSet -Cluster demo -Service checkout).Id | Should -Contain $set.Id

            $removed = $set | Remove-EcsTaskSet -IgnoreScale -Confirm:$false
            $removed.Id | Should -Be $set.Id
            (Get-EcsTaskSet -Cluster demo -Service checkout).Id | Should -Not -Contain $set.Id
        }
        finally {
            $null = Get-EcsTaskSet -Cluster demo -Service checkout | Remove-EcsTaskSet -IgnoreScale -Force -ErrorAction SilentlyContinue
        }
    }
}

Describe '$ErrorActionPreference = ''Stop'' and try/catch, as a runbook writes it' {
    BeforeAll { $ErrorActionPreference = 'Stop' }

    It 'catches a missing cluster by its error id and category, before any task starts' {
        $caught = $null
        try { Start-EcsTask web -Cluster no-such-cluster -LaunchType EC2 } catch { $caught = $_ }
        $caught.FullyQualifiedErrorId | Should -Be 'ClusterNotFound,EcsTools.Commands.StartEcsTaskCommand'
        $caught.CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $caught.Exception.Message | Should -Match 'Cluster not found'
    }

    It 'catches a placement failure (an ECS failure) as a terminating error naming the reason' {
        $caught = $null
        try { Start-EcsTask big -Cluster demo -LaunchType EC2 } catch { $caught = $_ }
        $caught.FullyQualifiedErrorId | Should -Be 'InsufficientResources,EcsTools.Commands.StartEcsTaskCommand'
        $caught.CategoryInfo.Category | Should -Be 'ResourceUnavailable'
        $caught.TargetObject.Reason | Should -Be 'RESOURCE:MEMORY'
    }

    It 'catches a task whose container exits non-zero, with the task as target' {
        $caught = $null
        try { $null = Start-EcsTask batch-fail -Cluster demo -LaunchType EC2 -Wait } catch { $caught = $_ }
        $caught.FullyQualifiedErrorId | Should -Be 'TaskFailed,EcsTools.Commands.StartEcsTaskCommand'
        $caught.TargetObject.Containers.ExitCode | Should -Be 2
        $caught.Exception.Message | Should -Match "exited with code 2"
    }

    It 'catches a task that cannot start (TaskFailedToStart)' {
        $caught = $null
        try { $null = Start-EcsTask bad-image -Cluster demo -LaunchType EC2 -Wait } catch { $caught = $_ }
        $caught.FullyQualifiedErrorId | Should -Be 'TaskFailedToStart,EcsTools.Commands.StartEcsTaskCommand'
        $caught.TargetObject.StopCode | Should -Be 'TaskFailedToStart'
    }

    It 'catches a task that does not exist, and a missing service' {
        { Get-EcsTask -Cluster demo -Task 0123456789abcdef0123456789abcdef } | Should -Throw -ErrorId 'TaskNotFound,EcsTools.Commands.GetEcsTaskCommand'
        { Get-EcsTaskSet -Cluster demo -Service no-such-service } | Should -Throw -ErrorId 'ServiceNotFound,EcsTools.Commands.GetEcsTaskSetCommand'
    }

    It 'refuses a wait setting without -Wait before sending anything' {
        { Start-EcsTask web -Cluster demo -LaunchType EC2 -StartedBy refused -PollInterval 1 } |
            Should -Throw -ErrorId 'WaitParameterWithoutWait,EcsTools.Commands.StartEcsTaskCommand'
        Get-EcsTask -Cluster demo -StartedBy refused | Should -BeNullOrEmpty
    }

    It 'stops a whole runbook with exit code 1 and the error on stderr when nothing catches it' {
        $run = Invoke-Runbook "`$ErrorActionPreference = 'Stop'; Start-EcsTask web -Cluster no-such-cluster -LaunchType EC2; 'not reached'"
        $run.ExitCode | Should -Be 1
        $run.Text | Should -Not -Match 'not reached'
        $run.Error | Should -Match 'Cluster not found'
    }
}

Describe '-ErrorVariable' {
    It 'collects one error record per ECS failure, and the pipeline goes on' {
        $out = Start-EcsTask big -Cluster demo -LaunchType EC2 -ErrorAction SilentlyContinue -ErrorVariable placement
        $out | Should -BeNullOrEmpty
        $placement.Count | Should -Be 3
        $placement.FullyQualifiedErrorId | Select-Object -Unique | Should -Be 'InsufficientResources,EcsTools.Commands.StartEcsTaskCommand'
        ($placement.TargetObject.Arn | Select-Object -Unique).Count | Should -Be 3
    }

    It 'appends with +name across calls, and outputs the tasks that did start' {
        $ok = Start-EcsTask web -Cluster demo -LaunchType EC2 -ErrorAction SilentlyContinue -ErrorVariable +acc
        $null = Start-EcsTask web -Cluster no-such-cluster -LaunchType EC2 -ErrorAction SilentlyContinue -ErrorVariable +acc
        $null = Get-EcsTask -Cluster demo -Task ffffffffffffffffffffffffffffffff -ErrorAction SilentlyContinue -ErrorVariable +acc
        $ok.LastStatus | Should -Not -BeNullOrEmpty
        $acc.FullyQualifiedErrorId | Should -Be @('ClusterNotFound,EcsTools.Commands.StartEcsTaskCommand', 'TaskNotFound,EcsTools.Commands.GetEcsTaskCommand')
    }

    It 'keeps the failed task in the output and the TaskFailed error apart' {
        $task = Start-EcsTask batch-fail -Cluster demo -LaunchType EC2 -Wait -ErrorAction SilentlyContinue -ErrorVariable failed
        $task.ExitCodes | Should -Be 'job=2'
        $failed.FullyQualifiedErrorId | Should -Be 'TaskFailed,EcsTools.Commands.StartEcsTaskCommand'
        $failed.TargetObject.TaskArn | Should -Be $task.TaskArn
    }
}

Describe '$PSDefaultParameterValues' {
    BeforeEach { $PSDefaultParameterValues.Clear() }
    AfterAll { $PSDefaultParameterValues.Clear() }

    It 'supplies the cluster and launch type to every cmdlet that has them' {
        $PSDefaultParameterValues['*-Ecs*:Cluster'] = 'demo'
        $PSDefaultParameterValues['Start-EcsTask:LaunchType'] = 'EC2'
        $task = Start-EcsTask web -StartedBy defaults
        $task.ClusterName | Should -Be 'demo'
        $task.LaunchType | Should -Be 'EC2'
        (Get-EcsTask -StartedBy defaults).TaskArn | Should -Be $task.TaskArn
    }

    It 'wait settings set for every cmdlet do not break a start without a wait, and apply to one with a wait' {
        $PSDefaultParameterValues['*-Ecs*:PollInterval'] = [timespan]::FromMilliseconds(50)
        $PSDefaultParameterValues['*-Ecs*:Timeout'] = [timespan]::FromSeconds(1)
        $started = Start-EcsTask web -Cluster demo -LaunchType EC2
        $started.LastStatus | Should -Be 'PROVISIONING'
        { $started | Wait-EcsTask -Until Stopped -ErrorAction Stop } | Should -Throw -ErrorId 'WaitTimeout,EcsTools.Commands.WaitEcsTaskCommand'
    }

    It 'an explicit parameter wins over the default' {
        $PSDefaultParameterValues['*-Ecs*:Cluster'] = 'no-such-cluster'
        (Start-EcsTask web -Cluster demo -LaunchType EC2).ClusterName | Should -Be 'demo'
    }
}

Describe 'ForEach-Object -Parallel' {
    It 'calls the cmdlets from eight runspaces at once, importing the module in each' {
        $path = $manifest
        $tasks = 1..8 | ForEach-Object -ThrottleLimit 8 -Parallel {
            Import-Module $using:path
            Start-EcsTask web -Cluster demo -LaunchType EC2 -StartedBy "parallel-$_"
        }
        $tasks.Count | Should -Be 8
        ($tasks.StartedBy | Sort-Object) | Should -Be (1..8 | ForEach-Object { "parallel-$_" } | Sort-Object)
        ($tasks.TaskArn | Select-Object -Unique).Count | Should -Be 8
        $tasks[0].GetType() | Should -Be ([EcsTools.EcsTask])
    }

    It 'loads the module by name in runspaces that find it on PSModulePath, and waits in each' {
        $saved = $env:PSModulePath
        try {
            $env:PSModulePath = (Split-Path (Split-Path $manifest)) + [IO.Path]::PathSeparator + $env:PSModulePath
            $done = 1..4 | ForEach-Object -ThrottleLimit 4 -Parallel {
                Start-EcsTask batch -Cluster demo -LaunchType EC2 -StartedBy "parallel-wait-$_" -Wait -PollInterval 0.1
            }
        }
        finally { $env:PSModulePath = $saved }
        $done.Count | Should -Be 4
        $done.LastStatus | Select-Object -Unique | Should -Be 'STOPPED'
        $done.Containers.ExitCode | Select-Object -Unique | Should -Be 0
    }

    It 'reports errors from each runspace with their ids' {
        $ErrorActionPreference = 'Continue'
        $errors = $null
        $null = 1..3 | ForEach-Object -ThrottleLimit 3 -Parallel {
            Import-Module $using:manifest
            Start-EcsTask web -Cluster "missing-$_" -LaunchType EC2
        } -ErrorVariable errors 2>$null   # -Parallel takes no -ErrorAction
        $errors.Count | Should -Be 3
        $errors.FullyQualifiedErrorId | Select-Object -Unique | Should -Be 'ClusterNotFound,EcsTools.Commands.StartEcsTaskCommand'
    }
}

Describe 'A transcript of a failing run' {
    It 'records the command, the task that failed, and the error with its id and recommendation' {
        $transcript = Join-Path $TestDrive 'failing-run.txt'
        # A secret key of its own, passed in the environment (the transcript header shows the command line).
        $secret = 'Tr4nscr1ptS3cr3t' + [guid]::NewGuid().ToString('n')
        $script = @"
`$ErrorActionPreference = 'Stop'
Start-Transcript -LiteralPath '$transcript' | Out-Null
try {
    Start-EcsTask batch-fail -Cluster demo -LaunchType EC2 -Wait -Verbose
}
catch {
    Write-Host "Failed: `$(`$_.FullyQualifiedErrorId)"
    Write-Error -ErrorRecord `$_ -ErrorAction Continue
    exit 3
}
finally {
    Stop-Transcript | Out-Null
}
"@
        $env:AWS_SECRET_ACCESS_KEY = $secret
        try { $run = Invoke-Runbook $script }
        finally { $env:AWS_SECRET_ACCESS_KEY = 'test' }
        $run.ExitCode | Should -Be 3
        $text = Get-Content -Raw -LiteralPath $transcript
        $text | Should -Match 'PowerShell transcript start'
        $text | Should -Match 'VERBOSE: ECS endpoint: http://127\.0\.0\.1:\d+'
        $text | Should -Match 'batch-fail:1\s+STOPPED'
        $text | Should -Match 'Failed: TaskFailed,EcsTools\.Commands\.StartEcsTaskCommand'
        $text | Should -Match "exited with code 2"
        $text | Should -Match 'IgnoreTaskFailure'
        $text | Should -Match 'Recommend'
        $text | Should -Not -Match $secret
    }
}
