# Every runbook in examples/ end to end, as a user runs it: a fresh non-interactive pwsh with EcsTools imported through
# its manifest, against LocalEcs's demo scene, judged by its exit code and what it prints. Each group of runs has a
# LocalEcs of its own (the runbooks change the scene: tasks, task sets of checkout).
BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    $examples = @(Get-ChildItem -LiteralPath (Get-RepoPath 'examples') -Filter *.ps1 | ForEach-Object { @{ Name = $_.BaseName } })
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    $module = Import-EcsToolsModule
    $manifest = Join-Path $module.ModuleBase 'EcsTools.psd1'
    $covered = 'tour', 'run-migration', 'nightly-batch', 'blue-green'

    # The runs, one fresh pwsh (and one LocalEcs) per group, each line '<example> <arguments>'. The groups run at
    # once: the runbooks mostly wait for tasks, so this takes the time of the longest group rather than of all.
    $groups = [ordered]@{
        'tour'            = @('tour')
        'run-migration'   = @('run-migration', 'run-migration -TaskDefinition batch-fail', 'run-migration -TaskDefinition bad-image',
            'run-migration -TaskDefinition big', 'run-migration -Cluster no-such-cluster', 'run-migration -Command sh, -c, "exit 0"')
        'nightly-batch'   = @('nightly-batch -Shards 3 -RunId night-1', 'nightly-batch -Shards 3 -RunId night-1',
            'nightly-batch -TaskDefinition batch-fail -Shards 2 -RunId night-2')
        'blue-green'      = @('blue-green -ExternalId release-1', 'blue-green -ExternalId release-2')
        # Tasks need 1.5 s to run at this step; the second green gets 1 s.
        'blue-green-slow' = @('blue-green -ExternalId blue', 'blue-green -ExternalId green -Timeout 1')
    }
    $servers = @{}
    foreach ($group in $groups.Keys) {
        $servers[$group] = if ($group -eq 'blue-green-slow') { Start-LocalEcs -Step 500ms -NoEnvironment } else { Start-LocalEcs -NoEnvironment }
    }
    # Region, test credentials and no shared files for the children; each child sets its own endpoint.
    $environment = Set-EcsTestEnvironment -Endpoint $servers['tour'].Endpoint

    # A child script: import, poll every 0.2 s ($PSDefaultParameterValues, as a user would set it), then each run
    # between '### run <i>' and 'exit[<i>]=<exit code>', with the exit code pwsh -File would give (0 when the script
    # ends without exit, 1 when an error ends it).
    $jobs = foreach ($group in $groups.Keys) {
        $lines = @(
            "`$env:AWS_ENDPOINT_URL_ECS = '$($servers[$group].Endpoint)'"
            "`$env:AWS_ENDPOINT_URL_CLOUDWATCH_LOGS = '$($servers[$group].Endpoint)'"
            "Import-Module '$manifest'"
            "`$PSDefaultParameterValues['*-Ecs*:PollInterval'] = 0.2"
        )
        $calls = $groups[$group]
        for ($i = 0; $i -lt $calls.Count; $i++) {
            $name, $arguments = $calls[$i] -split ' ', 2
            $lines += "Write-Host '### run $i'; `$global:LASTEXITCODE = 0; try { & '$(Get-RepoPath "examples/$name.ps1")' $arguments } catch { Write-Host ""terminated: `$_""; `$global:LASTEXITCODE = 1 }; Write-Host ""exit[$i]=`$LASTEXITCODE"""
        }
        @{ Group = $group; Script = $lines -join "`n"; Count = $calls.Count }
    }
    $support = Join-Path $PSScriptRoot 'TestSupport.psm1'
    $results = @{}
    $jobs | ForEach-Object -ThrottleLimit $jobs.Count -Parallel {
        Import-Module $using:support
        @{ Group = $_.Group; Count = $_.Count; Run = Invoke-ChildPwsh $_.Script -Timeout ([timespan]::FromMinutes(5)) }
    } | ForEach-Object {
        $run = $_.Run
        # Runs: the text of each run, and its exit code.
        $run | Add-Member -NotePropertyName Runs -NotePropertyValue @(
            for ($i = 0; $i -lt $_.Count; $i++) {
                $match = [regex]::Match($run.Text, "(?s)### run $i\n(.*?)exit\[$i\]=(-?\d+)")
                [pscustomobject]@{ Text = $match.Groups[1].Value; ExitCode = if ($match.Success) { [int]$match.Groups[2].Value } else { $null } }
            })
        $results[$_.Group] = $run
    }

    # The cmdlets in the tests look at the group's LocalEcs.
    function Use-Group([string] $Group) { $env:AWS_ENDPOINT_URL_ECS = $env:AWS_ENDPOINT_URL_CLOUDWATCH_LOGS = $servers[$Group].Endpoint }
}
AfterAll {
    Stop-TestServer @($servers.Values)
    if ($environment) { Restore-EcsTestEnvironment $environment }
}

Describe 'examples/<Name>.ps1' -ForEach $examples {
    It 'is run end to end by a test in this file' {
        $covered | Should -Contain $Name -Because 'every runbook in examples/ needs an end-to-end test here'
    }

    It 'has comment-based help that Get-Help reads' {
        $help = Get-Help (Get-RepoPath "examples/$Name.ps1")
        $help.Synopsis | Should -Not -Match '^\s*\S+\.ps1'
        @($help.examples.example).Count | Should -BeGreaterThan 0
    }
}

Describe 'tour.ps1' {
    BeforeAll {
        Use-Group 'tour'
        $run = $results['tour']
        $tour = $run.Runs[0]
    }

    It 'runs every step and exits 0' {
        $tour.ExitCode | Should -Be 0 -Because ($run.Text + $run.Error)
        $steps = @($run.Output | Where-Object { $_ -match '^== ' })
        $steps.Count | Should -Be 13
        $steps[-1] | Should -Be '== Done'
        # Only the two failures it shows on purpose (-ErrorAction Continue: batch-fail, bad-image) reach stderr.
        @($run.Error -split "`n" | Where-Object { $_ -match '^[\w-]+: ' }) | ForEach-Object { ($_ -split ':')[0] } | Should -Be @('Start-EcsTask', 'Start-EcsTask')
    }

    It 'shows the failures it asks for, with their error ids' {
        # Notes wrap at the console's width (80 columns when redirected): compare with white space folded.
        $flat = $run.Text -replace '\s+', ' '
        $flat | Should -Match ([regex]::Escape('All 3 have the id InsufficientResources,EcsTools.Commands.StartEcsTaskCommand;'))
        @($run.Output | Where-Object { $_ -match '^[0-9a-f]{32} +RESOURCE:MEMORY$' }).Count | Should -Be 3
        $flat | Should -Match ([regex]::Escape('Error id: TaskFailed,EcsTools.Commands.StartEcsTaskCommand (category InvalidResult)'))
        $flat | Should -Match ([regex]::Escape('Error id: TaskFailedToStart,EcsTools.Commands.StartEcsTaskCommand (category ResourceUnavailable)'))
        $run.Error | Should -Match "essential container\(s\) 'job' exited with code 2"
        $run.Error | Should -Match 'CannotPullContainerError'
    }

    It 'shows the batch job''s output and the failing job''s last line (-FollowLog)' {
        $run.Text | Should -Match ('\[[0-9a-f]{8} job\] ' + [regex]::Escape('Batch complete: 2400 records'))
        $run.Text | Should -Match ('\[[0-9a-f]{8} job\] ' + [regex]::Escape("ERROR: orders.csv line 812: invalid date '2026-13-01'"))
    }

    It 'leaves green as the only primary task set of checkout, stable at 100 %' {
        $sets = @(Get-EcsTaskSet -Cluster demo -Service checkout)
        $sets.Count | Should -Be 1
        $sets[0].Status | Should -Be 'PRIMARY'
        $sets[0].ExternalId | Should -Be 'green'
        $sets[0].StabilityStatus | Should -Be 'STEADY_STATE'
        $sets[0].Scale | Should -Be 100
    }

    It 'stops every task it started itself: only green''s tasks still run' {
        $green = Get-EcsTaskSet -Cluster demo -Service checkout
        $running = @(Get-EcsTask -Cluster demo -DesiredStatus RUNNING)
        $running.Count | Should -Be 4
        $running.StartedBy | Select-Object -Unique | Should -Be $green.Id
    }
}

Describe 'run-migration.ps1' {
    BeforeAll {
        Use-Group 'run-migration'
        $run = $results['run-migration']
    }

    It 'exits 0 when the task exits 0' {
        $run.Runs[0].ExitCode | Should -Be 0 -Because ($run.Text + $run.Error)
        $run.Runs[0].Text | Should -Match "Started task [0-9a-f]{32} of batch:1 on cluster demo; waiting for it to stop\."
        $run.Runs[0].Text | Should -Match "Task [0-9a-f]{32} succeeded: container 'job' exited with code 0\."
    }

    It 'exits with the container''s exit code' {
        $run.Runs[1].ExitCode | Should -Be 2
        $run.Runs[1].Text | Should -Match "Task [0-9a-f]{32} failed: container 'job' exited with code 2\."
    }

    It 'shows the migration''s output while it runs, the last line of a failing one included' {
        foreach ($line in 'Starting nightly batch', 'Processed 1200 records', 'Batch complete: 2400 records') {
            $run.Runs[0].Text | Should -Match ('\[[0-9a-f]{8} job\] ' + [regex]::Escape($line))
        }
        $run.Runs[1].Text | Should -Match ([regex]::Escape("job] ERROR: orders.csv line 812: invalid date '2026-13-01'"))
    }

    It 'exits 1 when the task fails to start, cannot be placed, or the cluster is missing' {
        $run.Runs[2].ExitCode | Should -Be 1
        $run.Runs[2].Text | Should -Match 'failed to start: CannotPullContainerError'
        $run.Runs[3].ExitCode | Should -Be 1
        $run.Runs[3].Text | Should -Match ([regex]::Escape('No exit code to report (InsufficientResources,EcsTools.Commands.StartEcsTaskCommand): exit code 1.'))
        $run.Error | Should -Match 'RESOURCE:MEMORY'
        $run.Runs[4].ExitCode | Should -Be 1
        $run.Runs[4].Text | Should -Match ([regex]::Escape('No exit code to report (ClusterNotFound,EcsTools.Commands.StartEcsTaskCommand)'))
    }

    It 'passes a command override, and names itself in startedBy' {
        $run.Runs[5].ExitCode | Should -Be 0 -Because $run.Runs[5].Text
        $stopped = @(Get-EcsTask -Cluster demo -DesiredStatus STOPPED | Where-Object StartedBy -eq 'run-migration')
        $stopped.Count | Should -Be 4   # batch, batch-fail, bad-image, the override
    }
}

Describe 'nightly-batch.ps1' {
    BeforeAll {
        Use-Group 'nightly-batch'
        $run = $results['nightly-batch']
        $shardTasks = @(Get-EcsTask -Cluster demo -DesiredStatus STOPPED | Where-Object StartedBy -eq 'nightly-batch')
    }

    It 'fans out the shards and exits 0 when all succeed' {
        $run.Runs[0].ExitCode | Should -Be 0 -Because ($run.Text + $run.Error)
        $run.Runs[0].Text | Should -Match ([regex]::Escape('Run night-1: starting 3 shard(s) of batch on cluster demo.'))
        $run.Runs[0].Text | Should -Match ([regex]::Escape('Run night-1: 3 of 3 shard(s) succeeded.'))
        @($shardTasks | Where-Object Family -eq 'batch').ExitCodes | Should -Be @('job=0', 'job=0', 'job=0')
    }

    It 'starts nothing twice when the same night runs again' {
        $run.Runs[1].ExitCode | Should -Be 0 -Because $run.Runs[1].Text
        $run.Runs[1].Text | Should -Match ([regex]::Escape('Run night-1: 3 of 3 shard(s) succeeded.'))
        @($shardTasks | Where-Object Family -eq 'batch').Count | Should -Be 3
    }

    It 'summarises failed shards and exits 1' {
        $run.Runs[2].ExitCode | Should -Be 1
        $run.Runs[2].Text | Should -Match ([regex]::Escape('Run night-2: 0 of 2 shard(s) succeeded.'))
        $run.Runs[2].Text | Should -Match '  shard 0: task [0-9a-f]{32}: EssentialContainerExited, exit codes job=2 \[TaskFailed,EcsTools\.Commands\.WaitEcsTaskCommand\]'
        $run.Runs[2].Text | Should -Match '  shard 1: task [0-9a-f]{32}: EssentialContainerExited, exit codes job=2 \[TaskFailed,EcsTools\.Commands\.WaitEcsTaskCommand\]'
        @($shardTasks | Where-Object Family -eq 'batch-fail').Count | Should -Be 2
    }
}

Describe 'blue-green.ps1' {
    BeforeAll {
        Use-Group 'blue-green'
        $run = $results['blue-green']
        $sets = @(Get-EcsTaskSet -Cluster demo -Service checkout)
    }

    It 'makes green primary on a first deployment and exits 0' {
        $run.Runs[0].ExitCode | Should -Be 0 -Because ($run.Text + $run.Error)
        $run.Runs[0].Text | Should -Match ([regex]::Escape('Service checkout has no primary task set: this is its first deployment.'))
        $run.Runs[0].Text | Should -Match ([regex]::Escape('Deployed release-1 to checkout.'))
    }

    It 'replaces blue with green on the next deployment, and removes blue' {
        $run.Runs[1].ExitCode | Should -Be 0 -Because $run.Runs[1].Text
        $run.Runs[1].Text | Should -Match 'Blue: task set ecs-svc/\d+ \(release-1\)'
        $run.Runs[1].Text | Should -Match ([regex]::Escape('Deployed release-2 to checkout.'))
        $live = @($sets | Where-Object Status -ne 'DRAINING')
        $live.ExternalId | Should -Be 'release-2'
        $live.Status | Should -Be 'PRIMARY'
        $live.StabilityStatus | Should -Be 'STEADY_STATE'
        $sets.ExternalId | Should -Not -Contain 'release-1'
    }

    Context 'green does not become stable in time' {
        BeforeAll {
            Use-Group 'blue-green-slow'
            $rollback = $results['blue-green-slow']
            $after = @(Get-EcsTaskSet -Cluster demo -Service checkout | Where-Object Status -ne 'DRAINING')
        }

        It 'is rolled back: green removed, blue still primary, exit code 1' {
            $rollback.Runs[0].ExitCode | Should -Be 0 -Because ($rollback.Text + $rollback.Error)
            $rollback.Runs[1].ExitCode | Should -Be 1
            $rollback.Error | Should -Match 'did not reach STEADY_STATE within 1'
            $rollback.Runs[1].Text | Should -Match 'Rolling back: removing green \(ecs-svc/\d+\) and its tasks\.'
            $rollback.Runs[1].Text | Should -Match 'Blue \(ecs-svc/\d+\) is still the primary task set: nothing changed for production\.'
            $after.ExternalId | Should -Be 'blue'
            $after.Status | Should -Be 'PRIMARY'
        }
    }
}
