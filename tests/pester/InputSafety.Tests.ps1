# Issue 11: the same -ClientToken from separate pwsh processes gets the same task; bad input is refused with our own
# error ids before anything is sent.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-EcsToolsModule | Out-Null
    $ecs = Start-LocalEcs -Step 50ms
    $manifest = Get-RepoPath 'out/EcsTools/EcsTools.psd1'

    function Get-TaskCount {
        @(Get-EcsTask -Cluster demo -DesiredStatus RUNNING).Count + @(Get-EcsTask -Cluster demo -DesiredStatus STOPPED).Count
    }
}
AfterAll { Stop-TestServer $ecs }

Describe 'A re-run with the same -ClientToken from another pwsh process' {
    It 'gets the same task in three separate processes, with a multi-key -Environment and -Tag' {
        $token = 'pester-' + [guid]::NewGuid().ToString('N')
        $script = @"
Import-Module '$manifest'
`$environment = @{ SHARD = '1'; SHARDS = '4'; REGION = 'eu'; MODE = 'full'; LOG_LEVEL = 'debug'; RETRIES = '3'; BATCH = '500'; OWNER = 'ops'; A = 'a'; Z = 'z' }
`$tags = @{ team = 'data'; env = 'prod'; job = 'nightly'; shard = '1'; cost = 'batch' }
(Start-EcsTask batch -Cluster demo -LaunchType EC2 -ClientToken '$token' -Environment `$environment -Tag `$tags -ErrorAction Stop).TaskArn
"@
        $arns = foreach ($i in 1..3) {
            $run = Invoke-ChildPwsh $script
            $run.ExitCode | Should -Be 0 -Because $run.Error
            $run.Output | Select-Object -Last 1
        }

        $arns[0] | Should -Match '^arn:aws:ecs:us-east-1:\d+:task/demo/'
        @($arns | Select-Object -Unique).Count | Should -Be 1
    }

    It 'lets examples/nightly-batch.ps1 run twice for one -RunId and succeed both times' {
        $runId = 'x' + [guid]::NewGuid().ToString('N').Substring(0, 8)
        $example = Get-RepoPath 'examples/nightly-batch.ps1'
        foreach ($attempt in 1, 2) {
            $run = Invoke-ChildPwsh "Import-Module '$manifest'; & '$example' -RunId '$runId'"
            $run.Text | Should -Match ([regex]::Escape("Run $runId`: 6 of 6 shard(s) succeeded."))
            $run.ExitCode | Should -Be 0
        }
    }
}

Describe 'Bad input is refused before any request' {
    BeforeAll {
        $before = Get-TaskCount
    }

    It 'refuses <Name> with <Id>' -ForEach @(
        @{ Name = 'a trailing newline in -StartedBy'; Id = 'InvalidStartedBy'; Script = { Start-EcsTask batch -Cluster demo -LaunchType EC2 -StartedBy "nightly`n" } }
        @{ Name = 'a trailing newline in a tag key and value'; Id = 'InvalidTagKey'; Script = { Start-EcsTask batch -Cluster demo -LaunchType EC2 -Tag @{ "team`n" = "web`n" } } }
        @{ Name = 'a hashtable as a tag value'; Id = 'InvalidTagValueType'; Script = { Start-EcsTask batch -Cluster demo -LaunchType EC2 -Tag @{ team = @{ x = 1 } } } }
        @{ Name = 'an array as an environment value'; Id = 'InvalidEnvironmentValue'; Script = { Start-EcsTask batch -Cluster demo -LaunchType EC2 -Environment @{ A = @(1, 2, 3) } } }
        @{ Name = 'a hashtable piped as the task definition'; Id = 'InvalidInputObject'; Script = { @{ a = 1 } | Start-EcsTask -Cluster demo -LaunchType EC2 } }
        @{ Name = '-Count 2147483647'; Id = 'CountTooLarge'; Script = { Start-EcsTask batch -Cluster demo -LaunchType EC2 -Count 2147483647 } }
        @{ Name = '-Count 2147483638 -WhatIf'; Id = 'CountTooLarge'; Script = { Start-EcsTask batch -Cluster demo -LaunchType EC2 -Count 2147483638 -WhatIf } }
        @{ Name = "-Region 'aws:x'"; Id = 'InvalidRegion'; Script = { Start-EcsTask batch -Cluster demo -LaunchType EC2 -Region 'aws:x' } }
        @{ Name = "-Region 'Grüße'"; Id = 'InvalidRegion'; Script = { Start-EcsTask batch -Cluster demo -LaunchType EC2 -Region 'Grüße' } }
        @{ Name = 'a profile name with a newline'; Id = 'InvalidProfileName'; Script = { Start-EcsTask batch -Cluster demo -LaunchType EC2 -ProfileName "prod`n" } }
        @{ Name = '-ProfileLocation /dev/zero'; Id = 'InvalidProfileFile'; Script = { Start-EcsTask batch -Cluster demo -LaunchType EC2 -ProfileLocation /dev/zero } }
        @{ Name = 'Set-EcsTaskSet -Primary:$false'; Id = 'NoChangeRequested'; Script = { Set-EcsTaskSet ecs-svc/1 -Cluster demo -Service checkout -Primary:$false } }
    ) {
        $err = $null
        $ErrorActionPreference = 'Stop'   # non-terminating errors (one pipeline input refused) too
        try { & $Script | Out-Null } catch { $err = $_ }
        $err | Should -Not -BeNullOrEmpty
        $err.FullyQualifiedErrorId | Should -BeLike "$Id,EcsTools.Commands.*"
        $err.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $err.ErrorDetails.RecommendedAction | Should -Not -BeNullOrEmpty
    }

    It 'does not echo a one-megabyte region whole' {
        $err = $null
        try { Start-EcsTask batch -Cluster demo -LaunchType EC2 -Region ('a' * 1MB) -ErrorAction Stop } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -Be 'InvalidRegion,EcsTools.Commands.StartEcsTaskCommand'
        ($err | Out-String).Length | Should -BeLessThan 2000
    }

    It 'started no task for any of them' {
        Get-TaskCount | Should -Be $before
    }
}

Describe 'Errors that name what they are about' {
    It 'names a missing task definition' {
        $err = $null
        try { Start-EcsTask nightly-report:7 -Cluster demo -LaunchType EC2 -ErrorAction Stop } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -Be 'TaskDefinitionNotFound,EcsTools.Commands.StartEcsTaskCommand'
        "$err" | Should -Match "'nightly-report:7'"
    }

    It "says that the cluster 'default' was used when -Cluster was not given" {
        $err = $null
        try { Start-EcsTask batch -LaunchType EC2 -ErrorAction Stop } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -Be 'ClusterNotFound,EcsTools.Commands.StartEcsTaskCommand'
        "$err" | Should -Match "'default'.*-Cluster was not given"
    }

    It 'accepts tag letters outside the basic plane' {
        $letter = [char]::ConvertFromUtf32(0x1D49C)
        $task = Start-EcsTask batch -Cluster demo -LaunchType EC2 -Tag @{ ($letter * 128) = 'v' } -ErrorAction Stop
        $task.TaskArn | Should -Match '^arn:aws:ecs:'
    }
}
