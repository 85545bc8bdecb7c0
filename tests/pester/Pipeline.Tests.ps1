# The output types through the Utility cmdlets a user pipes them to: Select-Object, Sort-Object, Group-Object,
# Where-Object, Measure-Object, ConvertTo-Json -Depth 5 (and back), Export-Csv (and Import-Csv).
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-EcsToolsModule
    $ecs = Start-LocalEcs
    $network = @{ Subnet = 'subnet-0a1b2c3d4e5f60718'; SecurityGroup = 'sg-0123456789abcdef0' }

    $web = @(Start-EcsTask web -Cluster demo -LaunchType EC2 -Count 3 -StartedBy pipeline-test -Tag @{ team = 'payments' })
    $fargate = @(Start-EcsTask fargate-web -Cluster demo -LaunchType FARGATE @network -Count 2 -StartedBy pipeline-test)
    $batch = Start-EcsTask batch-fail -Cluster demo -LaunchType EC2 -Wait -IgnoreTaskFailure
    $tasks = $web + $fargate + @($batch)
    $taskSet = New-EcsTaskSet -Cluster demo -Service checkout -TaskDefinition fargate-web -LaunchType FARGATE @network -Scale 25 -ExternalId pipe-1
    $csv = Join-Path $TestDrive 'tasks.csv'
}
AfterAll { Stop-TestServer $ecs }

Describe 'Select-Object' {
    It 'picks properties of tasks by name, with calculated ones' {
        $rows = $tasks | Select-Object TaskId, LastStatus, @{ n = 'Containers'; e = { $_.Containers.Count } }
        $rows.Count | Should -Be 6
        $rows[0].PSObject.Properties.Name | Should -Be @('TaskId', 'LastStatus', 'Containers')
        $rows[0].TaskId | Should -Be $web[0].TaskId
        ($rows | Where-Object TaskId -eq $web[0].TaskId).Containers | Should -Be 2
    }

    It 'expands the containers of a task' {
        $containers = $batch | Select-Object -ExpandProperty Containers
        $containers.Name | Should -Be 'job'
        $containers.ExitCode | Should -Be 2
    }

    It '-First and -Last keep the typed objects' {
        $first = $tasks | Select-Object -First 1
        $first | Should -BeOfType ([EcsTools.EcsTask])
        ($tasks | Select-Object -Last 1).TaskArn | Should -Be $batch.TaskArn
    }
}

Describe 'Sort-Object, Group-Object, Where-Object, Measure-Object' {
    It 'sorts tasks by family then id' {
        $sorted = $tasks | Sort-Object Family, TaskId
        $sorted[0].Family | Should -Be 'batch-fail'
        $sorted[1..2].Family | Should -Be @('fargate-web', 'fargate-web')
        $sorted[1].TaskId | Should -BeLessThan $sorted[2].TaskId
        ($sorted | Select-Object -Last 3).Family | Should -Be @('web', 'web', 'web')
    }

    It 'groups tasks by launch type and by status' {
        $byLaunch = $tasks | Group-Object LaunchType | Sort-Object Name
        $byLaunch.Name | Should -Be @('EC2', 'FARGATE')
        $byLaunch | ForEach-Object Count | Should -Be @(4, 2)
        ($tasks | Group-Object LastStatus -AsHashTable -AsString)['STOPPED'].TaskArn | Should -Be $batch.TaskArn
    }

    It 'filters on nested properties' {
        @($tasks | Where-Object { $_.Containers.ExitCode -contains 2 }).TaskArn | Should -Be $batch.TaskArn
        @($tasks | Where-Object { $_.Tags.Key -contains 'team' }).Count | Should -Be 3
        ($tasks | Measure-Object).Count | Should -Be 6
    }

    It 'compares runs with Compare-Object on the task id' {
        $diff = Compare-Object $web $tasks -Property TaskId
        @($diff | Where-Object SideIndicator -eq '=>').Count | Should -Be 3
    }
}

Describe 'ConvertTo-Json -Depth 5' {
    It 'writes a task with its containers and tags, and reads back the same values' {
        $json = $web[0] | ConvertTo-Json -Depth 5
        $back = $json | ConvertFrom-Json
        $back.TaskArn | Should -Be $web[0].TaskArn
        $back.ClusterName | Should -Be 'demo'
        $back.Revision | Should -Be 1
        $back.Containers.Name | Sort-Object | Should -Be ($web[0].Containers.Name | Sort-Object)
        $back.Tags | Where-Object Key -eq 'team' | ForEach-Object Value | Should -Be 'payments'
        [datetime]$back.CreatedAt | Should -Be $web[0].CreatedAt
    }

    It 'writes an exited task with its exit code and stop code' {
        $back = $batch | ConvertTo-Json -Depth 5 | ConvertFrom-Json
        $back.Containers[0].ExitCode | Should -Be 2
        $back.StopCode | Should -Be 'EssentialContainerExited'
        $back.ExitCodes | Should -Be 'job=2'
    }

    It 'writes many tasks as one array, without truncating at depth 5' {
        $json = $tasks | ConvertTo-Json -Depth 5 -WarningVariable depthWarning -WarningAction SilentlyContinue
        $depthWarning | Should -BeNullOrEmpty
        @($json | ConvertFrom-Json).Count | Should -Be 6
    }

    It 'writes a task set with its network configuration and scale' {
        $json = $taskSet | ConvertTo-Json -Depth 5 -WarningVariable depthWarning -WarningAction SilentlyContinue
        $depthWarning | Should -BeNullOrEmpty
        $back = $json | ConvertFrom-Json
        $back.TaskSetArn | Should -Be $taskSet.TaskSetArn
        $back.ExternalId | Should -Be 'pipe-1'
        $back.Scale | Should -Be 25
        $json | Should -Match 'subnet-0a1b2c3d4e5f60718'
    }
}

Describe 'Export-Csv' {
    It 'writes one row a task that Import-Csv reads back' {
        $tasks | Export-Csv -LiteralPath $csv -NoTypeInformation
        $rows = Import-Csv -LiteralPath $csv
        $rows.Count | Should -Be 6
        $rows.TaskArn | Should -Be $tasks.TaskArn
        ($rows | Where-Object TaskArn -eq $batch.TaskArn).ExitCodes | Should -Be 'job=2'
        ($rows | Where-Object TaskArn -eq $batch.TaskArn).StopCode | Should -Be 'EssentialContainerExited'
        ($rows | Where-Object TaskArn -eq $fargate[0].TaskArn).LaunchType | Should -Be 'FARGATE'
    }

    It 'writes chosen columns, and task sets' {
        $tasks | Select-Object TaskId, Family, ExitCodes | Export-Csv -LiteralPath $csv -NoTypeInformation
        (Get-Content -LiteralPath $csv)[0] | Should -Be '"TaskId","Family","ExitCodes"'
        $taskSet | Export-Csv -LiteralPath $csv -NoTypeInformation
        (Import-Csv -LiteralPath $csv).Id | Should -Be $taskSet.Id
    }
}

Describe 'Objects that come back from ConvertFrom-Json or Import-Csv' {
    It 'bind by property name to Get-EcsTask (TaskArn and ClusterArn)' {
        $tasks | Export-Csv -LiteralPath $csv -NoTypeInformation
        $again = Import-Csv -LiteralPath $csv | Get-EcsTask
        ($again.TaskArn | Sort-Object) | Should -Be ($tasks.TaskArn | Sort-Object)
        $fromJson = $web | ConvertTo-Json -Depth 5 | ConvertFrom-Json | Get-EcsTask
        $fromJson.TaskArn | Should -Be $web.TaskArn
    }
}
