# The module in a real pwsh against moto, a third-party ECS emulator (tests/EcsTools.Tests/moto/seed.py's scene):
# the task lifecycle, task sets, errors, and moto's output through the views and the Utility cmdlets.
# moto's differences from ECS are in tests/EcsTools.Tests/moto/README.md (tasks are RUNNING at once, no failures, empty strings).
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-EcsToolsModule
    $moto = Start-Moto
    $scene = $moto.Scene
}
AfterAll { Stop-TestServer $moto }

Describe 'Tasks' {
    BeforeAll {
        $scene = Reset-Moto $moto
        $run = @(Start-EcsTask web:1 -Cluster ec2 -LaunchType EC2 -Count 2 -StartedBy pester-moto -Tag @{ team = 'web' })
        $pinned = @(Start-EcsTask -TaskDefinition web:2 -Cluster ec2 -ContainerInstance $scene.containerInstanceArns[1], $scene.containerInstanceArns[2])
        $fargate = Start-EcsTask fargate-web:1 -Cluster fargate -LaunchType FARGATE -Subnet $scene.subnetId -SecurityGroup $scene.securityGroupId
    }

    It 'RunTask starts tasks of the task definition on the cluster, tagged' {
        $run.Count | Should -Be 2
        $run.TaskDefinitionArn | Select-Object -Unique | Should -Be $scene.web1TaskDefinitionArn
        $run.ClusterArn | Select-Object -Unique | Should -Be $scene.ec2ClusterArn
        $run[0].StartedBy | Should -Be 'pester-moto'
        ($run[0].Tags | Where-Object Key -eq 'team').Value | Should -Be 'web'
    }

    It 'StartTask places one task on each chosen instance' {
        $pinned.ContainerInstanceArn | Should -Be @($scene.containerInstanceArns[1], $scene.containerInstanceArns[2])
        $pinned.Revision | Select-Object -Unique | Should -Be 2
    }

    It 'an awsvpc task on FARGATE gets its address' {
        $fargate.LaunchType | Should -Be 'FARGATE'
        $fargate.PrivateIpAddress | Should -Match '^\d+\.\d+\.\d+\.\d+$'
    }

    It 'Get-EcsTask lists the cluster and finds tasks by id, by ARN and from the pipeline' {
        (Get-EcsTask -Cluster ec2).TaskArn | Sort-Object | Should -Be (($run + $pinned).TaskArn | Sort-Object)
        (Get-EcsTask -Cluster ec2 -Task $run[0].TaskId).TaskArn | Should -Be $run[0].TaskArn
        ($pinned | Get-EcsTask).TaskArn | Should -Be $pinned.TaskArn
        (Get-EcsTask -Cluster ec2 -StartedBy pester-moto).Count | Should -Be 2
    }

    It 'Wait-EcsTask sees them RUNNING' {
        $running = $run | Wait-EcsTask -Until Running -Timeout 30 -PollInterval 0.1
        $running.LastStatus | Select-Object -Unique | Should -Be 'RUNNING'
    }

    It 'Stop-EcsTask | Wait-EcsTask stops them, with the reason' {
        $stopped = $run | Stop-EcsTask -Reason 'pester moto' -Confirm:$false | Wait-EcsTask -Timeout 30 -PollInterval 0.1
        $stopped.LastStatus | Select-Object -Unique | Should -Be 'STOPPED'
        $stopped.StoppedReason | Select-Object -Unique | Should -Be 'pester moto'
    }

    It 'formats moto''s tasks: the table shows each with its definition, ConvertTo-Json keeps the containers' {
        # moto's task ids are UUIDs (36 characters, as in ECS's old ARN format): the TaskId cell wraps.
        $rows = @(ConvertFrom-FormattedTable ($pinned + @($fargate) | Out-String -Width 120))
        $rows.Count | Should -Be 3
        foreach ($task in $pinned + @($fargate)) {
            $row = $rows | Where-Object { ($_.TaskId -replace "`n", '') -eq $task.TaskId }
            $row.TaskDefinition | Should -Be $(if ($task -eq $fargate) { 'fargate-web:1' } else { 'web:2' })
            $row.LastStatus | Should -Be 'RUNNING'
        }
        $back = $pinned[0] | ConvertTo-Json -Depth 5 | ConvertFrom-Json
        $back.Containers[0].Name | Should -Be 'web'
        $back.ContainerInstanceArn | Should -Be $scene.containerInstanceArns[1]
    }

    It 'moto''s empty launchType of a StartTask task shows as no launch type' {
        $pinned[0].LaunchType | Should -BeNullOrEmpty
        ($pinned[0] | Format-List | Out-String -Width 120) | Should -Match '(?m)^LaunchType\s+:\s*$'
    }
}

Describe 'Task sets' {
    BeforeAll { $scene = Reset-Moto $moto }

    It 'runs a blue/green deployment of checkout' {
        $blue = New-EcsTaskSet -Cluster ec2 -Service checkout -TaskDefinition web:1 -LaunchType EC2 -Scale 100 -ExternalId blue | Set-EcsTaskSet -Primary
        $blue.Status | Should -Be 'PRIMARY'
        $blue.ServiceArn | Should -Be $scene.checkoutServiceArn

        $green = New-EcsTaskSet -Cluster ec2 -Service checkout -TaskDefinition web:2 -LaunchType EC2 -Scale 0 -ExternalId green
        $green = $green | Set-EcsTaskSet -Scale 100 -Wait -PollInterval 0.05 -Timeout 30 | Set-EcsTaskSet -Primary
        $green.Status | Should -Be 'PRIMARY'
        $green.StabilityStatus | Should -Be 'STEADY_STATE'

        $sets = Get-EcsTaskSet -Cluster ec2 -Service checkout
        ($sets | Sort-Object ExternalId | ForEach-Object { '{0}={1}' -f $_.ExternalId, $_.Status }) | Should -Be @('blue=ACTIVE', 'green=PRIMARY')
        $row = ConvertFrom-FormattedTable ($sets | Format-Table | Out-String -Width 120) | Where-Object Id -eq $green.Id
        $row.Status | Should -Be 'PRIMARY'
        $row.TaskDefinition | Should -Be 'web:2'
        $row.Scale | Should -Be '100'

        $removed = $sets | Where-Object Status -eq 'ACTIVE' | Remove-EcsTaskSet -Force
        $removed.TaskSetArn | Should -Be $blue.TaskSetArn
        (Get-EcsTaskSet -Cluster ec2 -Service checkout).TaskSetArn | Should -Be $green.TaskSetArn
    }

    It 'reports an unknown task set, service and cluster as ObjectNotFound errors' {
        { Get-EcsTaskSet ecs-svc/999 -Cluster ec2 -Service checkout -ErrorAction Stop } | Should -Throw -ErrorId 'TaskSetNotFound,EcsTools.Commands.GetEcsTaskSetCommand'
        { New-EcsTaskSet -Cluster ec2 -Service nope -TaskDefinition web:1 -LaunchType EC2 -ErrorAction Stop } | Should -Throw -ErrorId 'ServiceNotFound,EcsTools.Commands.NewEcsTaskSetCommand'
        $caught = $null
        try { Get-EcsTaskSet -Cluster nope -Service checkout -ErrorAction Stop } catch { $caught = $_ }
        $caught.FullyQualifiedErrorId | Should -Be 'ClusterNotFound,EcsTools.Commands.GetEcsTaskSetCommand'
        $caught.CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }
}

Describe 'Errors from moto in a runbook' {
    # moto places nothing, silently, after the task set scaling above: start from a fresh scene.
    BeforeAll { $scene = Reset-Moto $moto }

    It 'a missing cluster and an unknown task definition stop a runbook with their ids' {
        $ErrorActionPreference = 'Stop'
        { Start-EcsTask web:1 -Cluster nope -LaunchType EC2 } | Should -Throw -ErrorId 'ClusterNotFound,EcsTools.Commands.StartEcsTaskCommand'
        $caught = $null
        try { Start-EcsTask no-such-family:1 -Cluster ec2 -LaunchType EC2 } catch { $caught = $_ }
        $caught.FullyQualifiedErrorId | Should -Match ',EcsTools\.Commands\.StartEcsTaskCommand$'
        $caught.Exception.Message | Should -Match 'Unable to describe task definition'
    }

    It 'the same cmdlets run from parallel runspaces against moto' {
        $manifest = Join-Path (Get-Module EcsTools).ModuleBase 'EcsTools.psd1'
        $tasks = 1..4 | ForEach-Object -ThrottleLimit 4 -Parallel {
            Import-Module $using:manifest
            Start-EcsTask web:1 -Cluster ec2 -LaunchType EC2 -StartedBy "moto-parallel-$_"
        } -ErrorVariable parallelErrors
        $parallelErrors | Should -BeNullOrEmpty
        ($tasks.StartedBy | Sort-Object) | Should -Be @('moto-parallel-1', 'moto-parallel-2', 'moto-parallel-3', 'moto-parallel-4')
    }
}
