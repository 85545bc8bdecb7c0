# README lines a new user copies into a console, run as written (cluster prod becomes the demo scene's cluster demo).
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-EcsToolsModule
    $ecs = Start-LocalEcs -Step 50ms

    function Get-ReadmeLine([string] $Pattern) {
        Get-Content (Get-RepoPath 'README.md') |
            Where-Object { $_ -like $Pattern } |
            ForEach-Object { $_ -replace '-Cluster prod\b', '-Cluster demo' }
    }
}
AfterAll { Stop-TestServer $ecs }

Describe 'README: finding the tasks of a -StartedBy' {
    BeforeAll {
        $lines = @(Get-ReadmeLine 'Get-EcsTask *nightly-import*')
        $running = Start-EcsTask web -Cluster demo -LaunchType EC2 -StartedBy nightly-import -WaitUntil Running -PollInterval 0.02
        $stopped = Start-EcsTask batch -Cluster demo -LaunchType EC2 -StartedBy nightly-import -Wait -PollInterval 0.02
        $other = Start-EcsTask web -Cluster demo -LaunchType EC2
    }

    It 'has two lines, on cluster prod' {
        $lines.Count | Should -Be 2
        $lines | Should -Match '-Cluster demo'
    }

    It 'lists by -StartedBy alone: the tasks it started, no other' {
        $lines[0] | Should -Not -Match '-DesiredStatus|-Family|-ServiceName|-LaunchType|-ContainerInstance'
        $found = @(& ([scriptblock]::Create($lines[0])) -ErrorAction Stop)
        $found.TaskId | Should -Contain $running.TaskId
        $found.TaskId | Should -Not -Contain $other.TaskId
        $found.StartedBy | Should -Be (@('nightly-import') * $found.Count)
    }

    It 'finds the stopped ones with -DesiredStatus STOPPED and Where-Object' {
        $found = @(& ([scriptblock]::Create($lines[1])) -ErrorAction Stop)
        $found.TaskId | Should -Be @($stopped.TaskId)
        $found.LastStatus | Should -Be 'STOPPED'
    }

    It 'is what the module refuses when -StartedBy comes with another filter' {
        { Get-EcsTask -Cluster demo -DesiredStatus STOPPED -StartedBy nightly-import -ErrorAction Stop } |
            Should -Throw -ErrorId 'StartedByNotAlone,*'
    }
}
