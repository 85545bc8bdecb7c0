# The default table views at 80 and 120 columns, where PowerShell drops the columns that do not fit from the right, and
# Export-Csv of the output types.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-EcsToolsModule | Out-Null
    $ecs = Start-LocalEcs
    $network = @{ Subnet = 'subnet-0a1b2c3d4e5f60718'; SecurityGroup = 'sg-0123456789abcdef0' }
    $spot = Start-EcsTask fargate-web -Cluster demo -CapacityProviderStrategy @{ CapacityProvider = 'FARGATE_SPOT'; Weight = 1 } @network
    $killed = Start-EcsTask web -Cluster demo -LaunchType EC2 -Container web -Environment @{ LOCALECS_RUN_FOR = '200ms'; LOCALECS_EXIT_CODE = '137' } -Wait -IgnoreTaskFailure -PollInterval 0.1
    $tasks = @($spot, $killed)
    $taskSet = New-EcsTaskSet -Cluster demo -Service checkout -TaskDefinition fargate-web -LaunchType FARGATE @network -Scale 50
    function Get-Lines([object[]] $InputObject, [int] $Width) { @(($InputObject | Out-String -Width $Width) -replace "`r", '' -split "`n" | ForEach-Object TrimEnd) }
}
AfterAll { Stop-TestServer $ecs }

Describe 'Tasks at 120 columns' {
    BeforeAll { $lines = Get-Lines $tasks 120 }

    It 'show every column' {
        $lines | Should -Contain 'TaskId                           TaskDefinition   LastStatus     ExitCodes      Desired Capacity     Cluster'
    }

    It 'show a Spot task''s capacity provider, not FARGATE' {
        $lines | Where-Object { $_ -like "$($spot.TaskId) *" } | Should -Match '\sRUNNING\s+FARGATE_SPOT\s+demo$'
    }

    It 'show every container''s exit code in full, one line each' {
        $row = [array]::FindIndex([string[]]$lines, [Predicate[string]] { param($l) $l -like "$($killed.TaskId) *" })
        $lines[$row] | Should -Match '\sweb:1\s+STOPPED\s+web=137\s+STOPPED\s+EC2\s+demo$'
        $lines[$row + 1] | Should -Be ((' ' * 65) + 'log-router=143')
    }

    It 'fit in 120 columns' {
        $lines | Where-Object { $_.Length -gt 120 } | Should -BeNullOrEmpty
    }
}

Describe 'Tasks at 80 columns' {
    BeforeAll { $lines = Get-Lines $tasks 80 }

    It 'keep TaskId, TaskDefinition, LastStatus and ExitCodes, and drop the rest' {
        $lines | Should -Contain 'TaskId                           TaskDefinition   LastStatus     ExitCodes'
        $lines | Where-Object { $_ -like "$($killed.TaskId) *" } | Should -Match '\sweb:1\s+STOPPED\s+web=137$'
        $lines | Should -Contain ((' ' * 65) + 'log-router=143')
        $lines | Where-Object { $_.Length -gt 80 } | Should -BeNullOrEmpty
    }
}

Describe 'Task sets at 80 and 120 columns' {
    It 'keep Id, Status, Stability, Scale and the counts at 80 columns' {
        $lines = Get-Lines $taskSet 80
        $lines | Should -Contain 'Id                          Status   Stability    Scale Desired Running Pending'
        $lines | Where-Object { $_ -like "$($taskSet.Id) *" } | Should -Match '\sPRIMARY\s+\S+\s+50\s+2\s+\d+\s+\d+$'
    }

    It 'add TaskDefinition and Service at 120 columns' {
        $lines = Get-Lines $taskSet 120
        $lines | Should -Contain 'Id                          Status   Stability    Scale Desired Running Pending TaskDefinition     Service'
        $lines | Where-Object { $_ -like "$($taskSet.Id) *" } | Should -Match '\sfargate-web:1\s+checkout$'
    }
}

Describe 'Export-Csv' {
    It 'writes containers and tags as readable strings, not type names' {
        $path = Join-Path $TestDrive 'tasks.csv'
        Get-EcsTask $killed.TaskArn -Include Tags | Export-Csv -LiteralPath $path
        $text = Get-Content -Raw -LiteralPath $path
        $text | Should -Not -Match 'EcsTools\.Ecs\w+\[\]'
        $row = Import-Csv -LiteralPath $path
        $row.Containers | Should -Be 'web (STOPPED, exit 137); log-router (STOPPED, exit 143)'
        $row.ExitCodes | Should -Be 'web=137, log-router=143'
    }

    It 'writes a task set''s lists as strings too' {
        $path = Join-Path $TestDrive 'sets.csv'
        $taskSet | Export-Csv -LiteralPath $path
        Get-Content -Raw -LiteralPath $path | Should -Not -Match 'EcsTools\.Ecs\w+\[\]'
    }

    It 'leaves ConvertTo-Json with arrays of objects' {
        $back = $killed | ConvertTo-Json -Depth 5 | ConvertFrom-Json
        $back.Containers.Count | Should -Be 2
        ($back.Containers | Where-Object Name -eq 'web').ExitCode | Should -Be 137
    }
}
