# What users pipe in at the console: Select-Object rows, objects with only a TaskSetArn, task set ARNs as strings; and
# the recommendation of an InvalidParameter error from the task set cmdlets.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-EcsToolsModule | Out-Null
    $ecs = Start-LocalEcs
    $network = @{ Subnet = 'subnet-0a1b2c3d4e5f60718'; SecurityGroup = 'sg-0123456789abcdef0' }
}
AfterAll { Stop-TestServer $ecs }

Describe 'Select-Object rows' {
    It 'Select-Object TaskId, ClusterName | Stop-EcsTask stops the tasks' {
        $tasks = Start-EcsTask web -Cluster demo -LaunchType EC2 -Count 2
        $stopped = $tasks | Select-Object TaskId, ClusterName | Stop-EcsTask -Confirm:$false
        $stopped.TaskArn | Sort-Object | Should -Be ($tasks.TaskArn | Sort-Object)
        $stopped.DesiredStatus | Select-Object -Unique | Should -Be 'STOPPED'
    }

    It 'Select-Object TaskId, ClusterName | Get-EcsTask gets them' {
        $task = Start-EcsTask web -Cluster demo -LaunchType EC2
        ($task | Select-Object TaskId, ClusterName | Get-EcsTask).TaskArn | Should -Be $task.TaskArn
    }
}

Describe 'Objects without task properties' {
    It 'are an InvalidInputObject error for <Command>, not a task named after their text' -ForEach @(
        @{ Command = 'Stop-EcsTask' }, @{ Command = 'Get-EcsTask' }, @{ Command = 'Wait-EcsTask' }
    ) {
        $null = [pscustomobject]@{ Name = 'nightly' } | & $Command -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed.FullyQualifiedErrorId | Should -Be "InvalidInputObject,EcsTools.Commands.$($Command -replace '-', '')Command"
        $failed.TargetObject | Should -Match 'without a property Task'
    }
}

Describe 'Task set ARNs' {
    BeforeAll { $set = New-EcsTaskSet -Cluster demo -Service checkout -TaskDefinition fargate-web -LaunchType FARGATE @network -Scale 0 }

    It 'as strings, need no -Cluster or -Service' {
        ($set.TaskSetArn | Get-EcsTaskSet).TaskSetArn | Should -Be $set.TaskSetArn
    }

    It 'as objects with only a TaskSetArn, need no -Cluster or -Service' {
        ([pscustomobject]@{ TaskSetArn = $set.TaskSetArn } | Get-EcsTaskSet).Id | Should -Be $set.Id
        ([pscustomobject]@{ TaskSetArn = $set.TaskSetArn } | Set-EcsTaskSet -Scale 0 -Confirm:$false).Id | Should -Be $set.Id
    }

    It 'as Select-Object TaskSetArn rows, need no -Cluster or -Service' {
        ($set | Select-Object TaskSetArn | Get-EcsTaskSet).Id | Should -Be $set.Id
    }

    It 'an id alone is a ClusterAndServiceRequired error that sends nothing' {
        $err = { $set.Id | Get-EcsTaskSet -ErrorAction Stop } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -Be 'ClusterAndServiceRequired,EcsTools.Commands.GetEcsTaskSetCommand'
    }
}

Describe 'Remove-EcsTaskSet -Force on a task set that is not scaled down' {
    It 'names -IgnoreScale, not the deployment controller' {
        $set = New-EcsTaskSet -Cluster demo -Service checkout -TaskDefinition fargate-web -LaunchType FARGATE @network -Scale 50
        $err = { $set | Remove-EcsTaskSet -Force -ErrorAction Stop } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -Be 'InvalidParameter,EcsTools.Commands.RemoveEcsTaskSetCommand'
        $err.ErrorDetails.Message | Should -Match 'the API''s force is -IgnoreScale'
        $err.ErrorDetails.RecommendedAction | Should -Match '-IgnoreScale'
        $err.ErrorDetails.RecommendedAction | Should -Not -Match 'EXTERNAL'
        ($set | Remove-EcsTaskSet -Force -IgnoreScale).Status | Should -Be 'DRAINING'
    }
}
