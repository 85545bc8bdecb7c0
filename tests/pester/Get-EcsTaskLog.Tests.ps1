# Get-EcsTaskLog in a real pwsh: against LocalEcs's scripted containers (the demo's batch jobs print to /ecs/demo) and
# against moto, whose Logs API gets the awslogs streams written with boto3 (moto-logs.py).
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-EcsToolsModule
    $batchLines = 'Starting nightly batch', 'Processed 1200 records', 'Processed 2400 records', 'Batch complete: 2400 records'
    $motoLogs = Join-Path $PSScriptRoot 'moto-logs.py'
    $python = if ($env:ECSTOOLS_TEST_PYTHON) { $env:ECSTOOLS_TEST_PYTHON } else { 'python3' }
}

Describe 'Get-EcsTaskLog against LocalEcs' {
    BeforeAll { $ecs = Start-LocalEcs }
    AfterAll { Stop-TestServer $ecs }

    It '-Follow writes every line once, in order, up to the one written in the last second before the task stopped' {
        $task = Start-EcsTask -Cluster demo -TaskDefinition batch -LaunchType EC2
        $events = @($task | Get-EcsTaskLog -Follow -PollInterval 0.2)
        $events.Message | Should -Be $batchLines
        $events[0] | Should -BeOfType ([EcsTools.EcsLogEvent])
        $events.TaskId | Select-Object -Unique | Should -Be $task.TaskId
        $events.Container | Select-Object -Unique | Should -Be 'job'
        $events[0].LogStream | Should -Be "batch/job/$($task.TaskId)"
        $events[0].LogGroup | Should -Be '/ecs/demo'
        (Get-EcsTask -Cluster demo -Task $task.TaskId).LastStatus | Should -Be 'STOPPED'
    }

    It 'shows a failing container''s last lines with -Tail, after the task failed' {
        $task = Start-EcsTask -Cluster demo -TaskDefinition batch-fail -LaunchType EC2 -Wait -IgnoreTaskFailure
        $last = @($task | Get-EcsTaskLog -Tail 2)
        $last.Message | Should -Be @('Reading s3://demo-imports/orders.csv', "ERROR: orders.csv line 812: invalid date '2026-13-01'")
    }

    It 'reads a 10,000-line log (three pages of 1 MB) without loss, and -Since keeps the later lines' {
        $task = Start-EcsTask -Cluster demo -TaskDefinition batch -LaunchType EC2 -Container job `
            -Environment @{ LOCALECS_OUTPUT_LINES = '10000'; LOCALECS_OUTPUT = ''; LOCALECS_RUN_FOR = '2s' } -Wait
        $all = @($task | Get-EcsTaskLog)
        $all.Count | Should -Be 10000
        $all[0].Message | Should -BeLike 'line 0000001 of 10000 *'
        $all[-1].Message | Should -BeLike 'line 0010000 of 10000 *'
        for ($i = 0; $i -lt $all.Count; $i++) { if (-not $all[$i].Message.StartsWith(('line {0:D7} ' -f ($i + 1)))) { throw "line $($i + 1) is '$($all[$i].Message)'" } }
        $later = @($task | Get-EcsTaskLog -Since $all[5000].Timestamp)
        $later[0].Timestamp | Should -Be $all[5000].Timestamp
        $later[-1].Message | Should -Be $all[-1].Message
    }

    It '-Since keeps only the lines at or after it: none after the last line, the last two from the third line''s time' {
        $task = Start-EcsTask -Cluster demo -TaskDefinition batch -LaunchType EC2 -Wait
        @($task | Get-EcsTaskLog -Since ([datetime]'2099-01-01')).Count | Should -Be 0
        $all = @($task | Get-EcsTaskLog)
        $later = @($task | Get-EcsTaskLog -Since $all[2].Timestamp)
        $later.Message | Should -Be $batchLines[2..3]
    }

    It 'reads like a log in a table: time, task, container, message' {
        $task = Start-EcsTask -Cluster demo -TaskDefinition batch -LaunchType EC2 -Wait
        $lines = @(($task | Get-EcsTaskLog | Out-String -Width 80) -split '\r?\n' | Where-Object { $_.Trim() })
        $lines[0] | Should -Match '^Time +Task +Container +Message$'
        $lines.Count | Should -Be 6
        for ($i = 0; $i -lt 4; $i++) {
            $lines[$i + 2] | Should -Match ('^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} ' + $task.TaskId.Substring(0, 8) + ' job +' + [regex]::Escape($batchLines[$i]) + '$')
        }
    }

    It 'says once per container why a log cannot be read (no log configuration), and writes nothing else' {
        $tasks = @(Start-EcsTask -Cluster demo -TaskDefinition web -LaunchType EC2 -Count 2)
        $output = @($tasks | Get-EcsTaskLog -WarningVariable warnings -WarningAction SilentlyContinue)
        $output.Count | Should -Be 0
        $warnings.Count | Should -Be 2
        $warnings[0].Message | Should -BeLike "*container 'web' has no log configuration*"
        $warnings[1].Message | Should -BeLike "*container 'log-router' has no log configuration*"
        $tasks | Stop-EcsTask -Confirm:$false | Out-Null
    }

    It 'a container the task does not have is ContainerNotFound, naming the containers it has' {
        $task = Start-EcsTask -Cluster demo -TaskDefinition batch -LaunchType EC2
        $output = @($task | Get-EcsTaskLog -Container nope -ErrorVariable failed -ErrorAction SilentlyContinue)
        $output.Count | Should -Be 0
        $failed[0].FullyQualifiedErrorId | Should -Be 'ContainerNotFound,EcsTools.Commands.GetEcsTaskLogCommand'
        $failed[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $failed[0].Exception.Message | Should -BeLike "*'nope'*its containers are 'job'*"
    }

    It 'a task that does not exist is TaskNotFound' {
        $null = Get-EcsTaskLog -Cluster demo -Task 0123456789abcdef0123456789abcdef -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'TaskNotFound,*'
    }

    It 'a task whose log stream does not exist yet has no lines and no error' {
        $task = Start-EcsTask -Cluster demo -TaskDefinition batch -LaunchType EC2
        $output = @($task | Get-EcsTaskLog -ErrorVariable failed)
        $output.Count | Should -Be 0
        $failed.Count | Should -Be 0
    }

    It 'completes the container names of the task on the line' {
        $task = Start-EcsTask -Cluster demo -TaskDefinition web -LaunchType EC2
        $line = "Get-EcsTaskLog -Cluster demo -Task $($task.TaskId) -Container "
        $result = TabExpansion2 -inputScript $line -cursorColumn $line.Length
        $result.CompletionMatches.CompletionText | Should -Be @('log-router', 'web')  # sorted, as the other completers
        $task | Stop-EcsTask -Confirm:$false | Out-Null
    }
}

Describe 'Get-EcsTaskLog -Follow under throttling' {
    BeforeAll { $ecs = Start-LocalEcs -Fault 'GetLogEvents:throttle:x6' }
    AfterAll { Stop-TestServer $ecs }

    It 'loses nothing and repeats nothing when CloudWatch Logs throttles the reads' {
        $task = Start-EcsTask -Cluster demo -TaskDefinition batch -LaunchType EC2
        $events = @($task | Get-EcsTaskLog -Follow -PollInterval 0.2)
        $events.Message | Should -Be $batchLines
    }
}

Describe 'Get-EcsTaskLog -Follow when CloudWatch Logs keeps throttling' {
    BeforeAll { $ecs = Start-LocalEcs -Fault 'GetLogEvents:throttle:x10000' }
    AfterAll { Stop-TestServer $ecs }

    It 'gives up after the waits'' transient-error budget (5 failed polls in a row) with a RequestThrottled error' {
        $manifest = Get-RepoPath 'out/EcsTools/EcsTools.psd1'
        $script = @"
Import-Module '$manifest'
`$task = Start-EcsTask -Cluster demo -TaskDefinition batch -LaunchType EC2 -ErrorAction Stop
`$events = @(`$task | Get-EcsTaskLog -Follow -PollInterval 0.05 -ErrorVariable failed -ErrorAction SilentlyContinue)
"events=`$(`$events.Count)"
"errors=`$((`$failed | ForEach-Object FullyQualifiedErrorId) -join ';')"
"@
        # Before the follow ran on the poll loop it read forever: the child pwsh would time out.
        $run = Invoke-ChildPwsh $script -Timeout ([timespan]::FromMinutes(2))
        $run.ExitCode | Should -Be 0 -Because $run.Error
        $run.Output | Should -Contain 'events=0'
        $run.Output | Should -Contain 'errors=RequestThrottled,EcsTools.Commands.GetEcsTaskLogCommand'
    }
}

Describe 'Get-EcsTaskLog against moto' {
    BeforeAll {
        $moto = Start-Moto
        $definition = & $python $motoLogs $moto.Endpoint register logged /ecs/moto app app sidecar
        if ($LASTEXITCODE -ne 0) { throw 'moto-logs.py register failed' }
    }
    AfterAll { Stop-TestServer $moto }

    It 'reads what the awslogs streams hold, each container in time order, 10,000 lines paged without loss' {
        $task = Start-EcsTask -Cluster ec2 -TaskDefinition $definition -LaunchType EC2
        & $python $motoLogs $moto.Endpoint put /ecs/moto "app/app/$($task.TaskId)" 10000 120
        & $python $motoLogs $moto.Endpoint put /ecs/moto "app/sidecar/$($task.TaskId)" 3
        $all = @($task | Get-EcsTaskLog)
        $app = @($all | Where-Object Container -eq 'app')
        $app.Count | Should -Be 10000
        for ($i = 0; $i -lt $app.Count; $i++) { if (-not $app[$i].Message.StartsWith(('line {0:D7} ' -f ($i + 1)))) { throw "line $($i + 1) is '$($app[$i].Message)'" } }
        ($all | Where-Object Container -eq 'sidecar').Message | Should -Be @('line 0000001 of 3 ', 'line 0000002 of 3 ', 'line 0000003 of 3 ')
        @($task | Get-EcsTaskLog -Container sidecar -Tail 1).Message | Should -Be 'line 0000003 of 3 '
        $task | Stop-EcsTask -Confirm:$false | Out-Null
    }

    It '-Follow writes the lines as they come and the last one written just before StopTask' {
        $task = Start-EcsTask -Cluster ec2 -TaskDefinition $definition -LaunchType EC2
        $writer = Start-Process $python -ArgumentList @($motoLogs, $moto.Endpoint, 'script', '/ecs/moto', "app/app/$($task.TaskId)", 'ec2', $task.TaskArn, 'one', 'two', 'three', '"last words"') -PassThru
        try {
            $events = @($task | Get-EcsTaskLog -Container app -Follow -PollInterval 0.2)
        }
        finally { $writer.WaitForExit(30000) | Out-Null }
        $events.Message | Should -Be @('one', 'two', 'three', 'last words')
    }
}

Describe 'Following logs during a wait (-FollowLog)' {
    BeforeAll { $ecs = Start-LocalEcs }
    AfterAll { Stop-TestServer $ecs }

    It 'Start-EcsTask -Wait -FollowLog writes every line once to the Information stream, tagged, and the task to the output' {
        $task = Start-EcsTask -Cluster demo -TaskDefinition batch -LaunchType EC2 -Wait -FollowLog -PollInterval 0.2 -InformationVariable lines -InformationAction Ignore
        $task | Should -BeOfType ([EcsTools.EcsTask])
        $task.LastStatus | Should -Be 'STOPPED'
        $lines.MessageData.Message | Should -Be ($batchLines | ForEach-Object { "[$($task.TaskId.Substring(0, 8)) job] $_" })
        $lines[0].Tags | Should -Be @('PSHOST', 'EcsTools.TaskLog', "Task:$($task.TaskId)", 'Container:job')
    }

    It 'Wait-EcsTask -FollowLog shows the lines of a task that had already stopped when the wait began' {
        $task = Start-EcsTask -Cluster demo -TaskDefinition batch -LaunchType EC2 -Wait
        $waited = $task | Wait-EcsTask -FollowLog -PollInterval 0.2 -InformationVariable lines -InformationAction Ignore
        $waited.LastStatus | Should -Be 'STOPPED'
        $lines.MessageData.Message | Should -Be ($batchLines | ForEach-Object { "[$($task.TaskId.Substring(0, 8)) job] $_" })
    }

    It 'Wait-EcsTask -FollowLog with 6>&1: the lines of a failing job, then the task, and the TaskFailed error' {
        $task = Start-EcsTask -Cluster demo -TaskDefinition batch-fail -LaunchType EC2
        $all = @($task | Wait-EcsTask -FollowLog -PollInterval 0.2 -ErrorVariable failed -ErrorAction SilentlyContinue 6>&1)
        $records = @($all | Where-Object { $_ -is [System.Management.Automation.InformationRecord] })
        $records[-1].MessageData.Message | Should -BeLike "*ERROR: orders.csv line 812: invalid date '2026-13-01'"
        $records.Count | Should -Be 3
        @($all | Where-Object { $_ -is [EcsTools.EcsTask] }).Count | Should -Be 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'TaskFailed,*'
    }

    It 'a task that stops is written after its last lines, and its error too (read as the console shows them)' {
        $task = Start-EcsTask -Cluster demo -TaskDefinition batch-fail -LaunchType EC2
        $all = @($task | Wait-EcsTask -FollowLog -ErrorAction Continue 2>&1 6>&1)
        $kinds = @($all | ForEach-Object {
                if ($_ -is [System.Management.Automation.InformationRecord]) { 'line' }
                elseif ($_ -is [System.Management.Automation.ErrorRecord]) { 'error' }
                elseif ($_ -is [EcsTools.EcsTask]) { 'task' }
            })
        $kinds -join ',' | Should -Be 'line,line,line,task,error'
    }

    It 'a transcript keeps the lines as the console shows them' {
        $path = Join-Path ([IO.Path]::GetTempPath()) "ecstools-followlog-$PID.txt"
        Start-Transcript -LiteralPath $path | Out-Null
        try { $task = Start-EcsTask -Cluster demo -TaskDefinition batch -LaunchType EC2 -Wait -FollowLog -PollInterval 0.2 }
        finally { Stop-Transcript | Out-Null }
        $text = Get-Content -Raw -LiteralPath $path
        Remove-Item -LiteralPath $path
        foreach ($line in $batchLines) { $text | Should -Match ([regex]::Escape("[$($task.TaskId.Substring(0, 8)) job] $line")) }
    }

    It '-FollowLog without a wait is refused before anything is sent' {
        { Start-EcsTask -Cluster demo -TaskDefinition batch -LaunchType EC2 -FollowLog -ErrorAction Stop } |
            Should -Throw -ErrorId 'WaitParameterWithoutWait,EcsTools.Commands.StartEcsTaskCommand'
    }
}
