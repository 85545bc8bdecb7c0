# What a user sees when the endpoint misbehaves: LocalEcs started with --fault (its command-line fault layer). Nothing is
# started or created twice, what was done is written, what cannot be established is OutcomeUnknown with what to check,
# and -Timeout bounds a wait against an endpoint that never answers.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-EcsToolsModule | Out-Null
}

Describe 'StartTask answered with a 500 after ECS started the tasks' {
    BeforeAll { $ecs = Start-LocalEcs -Fault 'StartTask:server:after' }
    AfterAll { Stop-TestServer $ecs }

    It 'writes the tasks it started, found by their ecstools:start-id tag, and starts none twice' {
        $placed = Start-EcsTask web -Cluster demo -LaunchType EC2 -Count 2
        $instances = $placed.ContainerInstanceArn | Sort-Object -Unique
        $before = @(Get-EcsTask -Cluster demo).Count

        $started = Start-EcsTask web -Cluster demo -ContainerInstance $instances -ErrorVariable problems
        $problems | Should -BeNullOrEmpty
        @($started).Count | Should -Be $instances.Count
        ($started.ContainerInstanceArn | Sort-Object) | Should -Be ($instances | Sort-Object)
        @(Get-EcsTask -Cluster demo).Count | Should -Be ($before + $instances.Count)
        $tagged = Get-EcsTask -Task $started.TaskArn -Cluster demo -Include TAGS
        @($tagged | Where-Object { $_.Tags.Key -contains 'ecstools:start-id' }).Count | Should -Be $instances.Count
    }
}

Describe 'DeleteTaskSet answered with a 500 after ECS deleted the task set' {
    BeforeAll { $ecs = Start-LocalEcs -Fault 'DeleteTaskSet:server:after' }
    AfterAll { Stop-TestServer $ecs }

    It 'writes the deleted task set instead of TaskSetNotFound' {
        $set = New-EcsTaskSet -Cluster demo -Service checkout -TaskDefinition fargate-web -LaunchType FARGATE -Scale 0
        $removed = $set | Remove-EcsTaskSet -Force -ErrorVariable problems
        $problems | Should -BeNullOrEmpty
        $removed.Id | Should -Be $set.Id
        Get-EcsTaskSet -Cluster demo -Service checkout | Where-Object Id -EQ $set.Id | Should -BeNullOrEmpty
    }
}

Describe 'RunTask answered with a 500 on every attempt after ECS started the task' {
    BeforeAll { $ecs = Start-LocalEcs -Fault 'RunTask:server:after:x3' }
    AfterAll { Stop-TestServer $ecs }

    It 'is one OutcomeUnknown error that says what to check, and the same client token then returns the task' {
        Start-EcsTask batch -Cluster demo -LaunchType EC2 -ClientToken pester-outcome -ErrorVariable problems -ErrorAction SilentlyContinue |
            Should -BeNullOrEmpty
        $problems.Count | Should -Be 1
        $problems[0].FullyQualifiedErrorId | Should -Be 'OutcomeUnknown,EcsTools.Commands.StartEcsTaskCommand'
        $problems[0].CategoryInfo.Category | Should -Be 'InvalidResult'
        $problems[0].ErrorDetails.RecommendedAction | Should -BeLike "*Get-EcsTask -Cluster 'demo' -Family 'batch'*"
        $problems[0].ErrorDetails.RecommendedAction | Should -BeLike "*client token 'pester-outcome'*"
        $problems[0].ToString() | Should -Not -BeLike '*try again*'

        $again = Start-EcsTask batch -Cluster demo -LaunchType EC2 -ClientToken pester-outcome
        @($again).Count | Should -Be 1
        @(Get-EcsTask -Cluster demo -Family batch -DesiredStatus RUNNING).Count + @(Get-EcsTask -Cluster demo -Family batch -DesiredStatus STOPPED).Count |
            Should -Be 1
    }
}

Describe 'An endpoint that never answers' {
    BeforeAll { $ecs = Start-LocalEcs -Fault '*:slow=forever:x100000' }
    AfterAll { Stop-TestServer $ecs }

    It 'Wait-EcsTask -Timeout 10 ends within 11 seconds with WaitTimeout' {
        $elapsed = Measure-Command {
            Wait-EcsTask 0123456789abcdef0123456789abcdef -Cluster demo -Timeout 10 -ErrorVariable problems -ErrorAction SilentlyContinue
        }
        Write-Host "Wait-EcsTask -Timeout 10 against an endpoint that never answers: $([math]::Round($elapsed.TotalSeconds, 2)) s"
        $elapsed.TotalSeconds | Should -BeLessThan 11
        $problems[0].FullyQualifiedErrorId | Should -Be 'WaitTimeout,EcsTools.Commands.WaitEcsTaskCommand'
    }

    It 'a read ends after -RequestTimeout a try, as the session default says' {
        $PSDefaultParameterValues['*-Ecs*:RequestTimeout'] = 0.5
        try {
            Get-EcsTask -Cluster demo -ErrorVariable problems -ErrorAction SilentlyContinue -Verbose 4>&1 |
                Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -like 'ECS request timeout:*' } |
                ForEach-Object Message | Should -BeLike "ECS request timeout: 0.5 s an attempt (from `$PSDefaultParameterValues*"
            $problems[0].FullyQualifiedErrorId | Should -Be 'RequestTimeout,EcsTools.Commands.GetEcsTaskCommand'
            $problems[0].ErrorDetails.Message | Should -BeLike '*-RequestTimeout*'
        }
        finally {
            $PSDefaultParameterValues.Remove('*-Ecs*:RequestTimeout')
        }
    }
}
