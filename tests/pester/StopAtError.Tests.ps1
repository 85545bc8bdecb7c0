# A runbook's -ErrorAction Stop ends a wait at the first failed task: the other tasks the command started or followed,
# not written yet, are listed in a warning (ARN and state), so that -WarningVariable and transcripts keep them.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-EcsToolsModule | Out-Null
    $ecs = Start-LocalEcs
}
AfterAll { Stop-TestServer $ecs }

Describe '-Wait with -ErrorAction Stop' {
    It 'Start-EcsTask -Wait lists the task still running when a failed one ends the command' {
        $caught = $null
        try {
            $null = 'web', 'batch-fail' | Start-EcsTask -Cluster demo -LaunchType EC2 -Wait -ErrorAction Stop -WarningVariable warned -WarningAction SilentlyContinue
        }
        catch {
            $caught = $_
        }

        $caught.FullyQualifiedErrorId | Should -Be 'TaskFailed,EcsTools.Commands.StartEcsTaskCommand'
        $web = @(Get-EcsTask -Cluster demo -Family web -DesiredStatus RUNNING)
        $web.Count | Should -BeGreaterThan 0
        $warned.Count | Should -Be 1
        "$($warned[0])" | Should -Match 'stops at the next error \(-ErrorAction Stop\) before it wrote 1 task\(s\) it started'
        "$($warned[0])" | Should -Match ([regex]::Escape($web[-1].TaskArn))
        $web | Stop-EcsTask -Confirm:$false | Out-Null
    }

    It 'Wait-EcsTask lists the task it was still waiting for' {
        $web = Start-EcsTask web -Cluster demo -LaunchType EC2
        $fail = Start-EcsTask batch-fail -Cluster demo -LaunchType EC2
        try {
            $null = $web, $fail | Wait-EcsTask -ErrorAction Stop -WarningVariable warned -WarningAction SilentlyContinue
        }
        catch {
            $_.FullyQualifiedErrorId | Should -Be 'TaskFailed,EcsTools.Commands.WaitEcsTaskCommand'
        }

        $warned.Count | Should -Be 1
        "$($warned[0])" | Should -Match 'before it wrote 1 task\(s\) it was waiting for'
        "$($warned[0])" | Should -Match ([regex]::Escape($web.TaskArn))
        $web | Stop-EcsTask -Confirm:$false | Out-Null
    }

    It 'with -FollowLog, lists the task that settled in the same poll and was held for its last lines' {
        # Both fail together; their writes wait for their last log lines. The first one's error ends the command: the
        # second, settled but not written, is still listed.
        try {
            $null = Start-EcsTask batch-fail -Cluster demo -LaunchType EC2 -Count 2 -Wait -FollowLog -ErrorAction Stop -WarningVariable warned -WarningAction SilentlyContinue -InformationAction Ignore
        }
        catch {
            $_.FullyQualifiedErrorId | Should -Be 'TaskFailed,EcsTools.Commands.StartEcsTaskCommand'
        }

        $warned.Count | Should -Be 1
        "$($warned[0])" | Should -Match 'before it wrote 1 task\(s\) it started'
        "$($warned[0])" | Should -Match '\(STOPPED\)'
    }

    It 'warns about nothing when no other task is left' {
        try { $null = Start-EcsTask batch-fail -Cluster demo -LaunchType EC2 -Wait -ErrorAction Stop -WarningVariable warned } catch { }
        $warned.Count | Should -Be 0
    }
}

Describe 'New-EcsTaskSet -Wait with -ErrorAction Stop' {
    It 'lists the task set it created and was waiting for when a later input fails' {
        $network = @{ Subnet = 'subnet-0a1b2c3d4e5f60718'; SecurityGroup = 'sg-0123456789abcdef0' }
        $inputs = [pscustomobject]@{ ServiceName = 'checkout' }, [pscustomobject]@{ ServiceName = 'nosuch' }
        try {
            $null = $inputs | New-EcsTaskSet -Cluster demo -TaskDefinition fargate-web -LaunchType FARGATE @network -Wait -ErrorAction Stop -WarningVariable warned -WarningAction SilentlyContinue
        }
        catch {
            $_.FullyQualifiedErrorId | Should -Match '^ServiceNotFound,'
        }

        $created = @(Get-EcsTaskSet -Cluster demo -Service checkout)
        $warned.Count | Should -Be 1
        "$($warned[0])" | Should -Match 'before it wrote 1 task set\(s\) it was waiting for'
        "$($warned[0])" | Should -Match ([regex]::Escape($created[-1].TaskSetArn))
    }
}
