# -Debug in a real console: PowerShell gives a compiled cmdlet called with -Debug (and not -Verbose) a verbose preference
# of Inquire, so each verbose line used to ask "Continue with this operation?" and, in -NonInteractive CI, to fail
# ("PowerShell is in NonInteractive mode"; a NullReferenceException with stdin from /dev/null). EcsTools writes those
# lines to the debug stream under -Debug instead.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-EcsToolsModule | Out-Null
    $ecs = Start-LocalEcs
    $manifest = Get-RepoPath 'out/EcsTools/EcsTools.psd1'
    $region = 'ECS region: us-east-1 (from environment variable AWS_REGION).'
    # As a script file: with -EncodedCommand, pwsh writes the other streams to stderr as CLIXML, not as console text.
    function Invoke-ChildScript([string] $Script) {
        $file = Join-Path $TestDrive "child-$([guid]::NewGuid().ToString('n')).ps1"
        Set-Content -LiteralPath $file -Value "Import-Module '$manifest'`n$Script"
        Invoke-ChildPwsh -File $file
    }
}
AfterAll { Stop-TestServer $ecs }

Describe '-Debug in pwsh -NonInteractive with stdin closed' {
    It 'writes the debug lines of <Command> without a prompt, and the command succeeds' -ForEach @(
        @{ Command = 'Get-EcsTask'; Script = 'Get-EcsTask -Cluster demo -Debug | Out-Null' }
        @{ Command = 'Start-EcsTask'; Script = 'Start-EcsTask web -Cluster demo -LaunchType EC2 -Debug | Stop-EcsTask -Debug | Out-Null' }
        @{ Command = 'Get-EcsTaskSet'; Script = 'Get-EcsTaskSet -Cluster demo -Service checkout -Debug | Out-Null' }
    ) {
        $run = Invoke-ChildScript "$Script; 'finished'"

        $all = $run.Text + $run.Error
        $run.ExitCode | Should -Be 0 -Because $all
        $all | Should -Not -Match 'NonInteractive mode'
        $all | Should -Not -Match 'Continue with this operation'
        $all | Should -Not -Match 'Object reference not set'
        $run.Output | Should -Contain 'finished'
        $all -split "`n" | Should -Contain "DEBUG: $region"
        $all | Should -Not -Match 'VERBOSE:'
    }

    It 'keeps verbose lines verbose with -Debug -Verbose' {
        $run = Invoke-ChildScript 'Get-EcsTask -Cluster demo -Debug -Verbose | Out-Null'

        $all = ($run.Text + $run.Error) -split "`n"
        $run.ExitCode | Should -Be 0 -Because ($all -join "`n")
        $all | Should -Contain "VERBOSE: $region"
        $all | Should -Not -Contain "DEBUG: $region"
    }

    It 'sends the lines to stream 5, where 5>&1 collects them' {
        $records = Get-EcsTask -Cluster demo -Debug 5>&1 | Where-Object { $_ -is [System.Management.Automation.DebugRecord] }
        $records.Message | Should -Contain $region
    }
}

Describe '-Debug and warnings in pwsh -NonInteractive' {
    # PowerShell makes the warning preference Inquire under -Debug as well: a wait whose poll fails warns, and that
    # warning used to fail the wait in -NonInteractive. Three failed DescribeTasks attempts make the first poll fail.
    # A server each: the three faults are used up by the first wait.
    BeforeEach { $faulty = Start-LocalEcs -Fault 'DescribeTasks:server:x3' }
    AfterEach { Stop-TestServer $faulty }

    It 'writes the warning as a debug line, and the wait goes on to its end' {
        $run = Invoke-ChildScript @'
$task = Start-EcsTask web -Cluster demo -LaunchType EC2
$done = $task | Wait-EcsTask -Until Running -PollInterval 0.2 -Timeout 60 -Debug
"status: $($done.LastStatus)"
'@
        $all = $run.Text + $run.Error
        $run.ExitCode | Should -Be 0 -Because $all
        $all | Should -Not -Match 'NonInteractive mode'
        $all | Should -Match 'DEBUG: WARNING: DescribeTasks failed'
        $run.Output | Should -Contain 'status: RUNNING'
    }

    It 'keeps warnings on the warning stream with -Debug -WarningAction Continue' {
        $run = Invoke-ChildScript @'
$task = Start-EcsTask web -Cluster demo -LaunchType EC2
$done = $task | Wait-EcsTask -Until Running -PollInterval 0.2 -Timeout 60 -Debug -WarningAction Continue -WarningVariable warned
"warnings: $($warned.Count)"
'@
        $all = $run.Text + $run.Error
        $run.ExitCode | Should -Be 0 -Because $all
        $run.Output | Should -Contain 'warnings: 1'
    }
}

Describe 'Verbose lines without -Verbose' {
    It 'are written when $VerbosePreference is Continue, and not at all (not even to a redirection) when it is SilentlyContinue' {
        $VerbosePreference = 'Continue'
        $wanted = @(Start-EcsTask web -Cluster demo -LaunchType EC2 4>&1 | Where-Object { $_ -is [Management.Automation.VerboseRecord] })
        $VerbosePreference = 'SilentlyContinue'
        $unwanted = @(Start-EcsTask web -Cluster demo -LaunchType EC2 4>&1 | Where-Object { $_ -is [Management.Automation.VerboseRecord] })

        @($wanted.Message) | Should -Contain $region
        @($wanted | Where-Object Message -Like 'RunTask web: call 1 of 1, 1 task(s).').Count | Should -Be 1
        $unwanted.Count | Should -Be 0
    }
}
