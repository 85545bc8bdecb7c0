# Tab completion as the console asks for it (TabExpansion2), against LocalEcs's demo scene: parameter names, enum and
# ValidateSet values, the live completers, and what PowerShell infers from the cmdlets' output types.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-EcsToolsModule
    $ecs = Start-LocalEcs

    function Complete([string] $Line) {
        $result = TabExpansion2 -inputScript $Line -cursorColumn $Line.Length
        @($result.CompletionMatches.CompletionText)
    }

    $task = Start-EcsTask web -Cluster demo -LaunchType EC2
    $taskSet = New-EcsTaskSet -Cluster demo -Service checkout -TaskDefinition fargate-web -LaunchType FARGATE -Subnet subnet-0a1b2c3d4e5f60718 -SecurityGroup sg-0123456789abcdef0 -Scale 0 -ExternalId completion
    # An empty folder, so that no file name can complete in place of an ECS name.
    Push-Location -LiteralPath $TestDrive
}
AfterAll {
    Pop-Location
    Stop-TestServer $ecs
}

Describe 'Names PowerShell knows from the cmdlets' {
    It 'completes the cmdlet names' {
        Complete 'Start-Ecs' | Should -Be @('Start-EcsTask')
        Complete 'Get-EcsT' | Should -Be @('Get-EcsTask', 'Get-EcsTaskLog', 'Get-EcsTaskSet')
    }

    It 'completes parameter names and aliases' {
        Complete 'Start-EcsTask -La' | Should -Be @('-LaunchType')
        Complete 'Start-EcsTask -CapacityP' | Should -Be @('-CapacityProviderStrategy')
        Complete 'Wait-EcsTask -Unt' | Should -Be @('-Until')
    }

    It 'completes enum and ValidateSet values' {
        Complete 'Start-EcsTask -LaunchType ' | Should -Contain 'FARGATE'
        Complete 'Start-EcsTask -LaunchType F' | Should -Be @('FARGATE')
        Complete 'Wait-EcsTask -Until ' | Should -Be @('Running', 'Stopped')
        Complete 'Get-EcsTask -DesiredStatus ' | Should -Be @('PENDING', 'RUNNING', 'STOPPED')
    }

    It 'completes regions' {
        Complete 'Start-EcsTask -Region eu-west-' | Should -Contain 'eu-west-1'
        Complete 'Start-EcsTask -Region us-e' | Should -Be @('us-east-1', 'us-east-2')
    }

    It 'infers the output types: properties after Select-Object and on variables' {
        Complete 'Get-EcsTask -Cluster demo | Select-Object TaskI' | Should -Be @('TaskId')
        Complete 'Get-EcsTaskSet -Cluster demo -Service checkout | Sort-Object Stab' | Should -Be @('StabilityStatus', 'StabilityStatusAt')
        Complete 'Start-EcsTask web | ForEach-Object { $_.ExitC' | Should -Be @('ExitCodes')
    }
}

Describe 'Live completers (ECS calls at the prompt)' {
    It 'completes clusters' {
        Complete 'Start-EcsTask web -Cluster ' | Should -Be @('demo')
        Complete 'Get-EcsTask -Cluster de' | Should -Be @('demo')
        Complete 'Get-EcsTask -Cluster nothing-like-it' | Should -BeNullOrEmpty
    }

    It 'completes task definition families, and revisions after the colon' {
        Complete 'Start-EcsTask -TaskDefinition b' | Should -Be @('bad-image', 'batch', 'batch-fail', 'big')
        Complete 'Start-EcsTask far' | Should -Be @('fargate-web')
        Complete 'Start-EcsTask -TaskDefinition web:' | Should -Be @('web:1')
    }

    It 'completes services, capacity providers and container instances' {
        Complete 'New-EcsTaskSet -Cluster demo -Service ' | Should -Be @('checkout')
        Complete 'Start-EcsTask web -Cluster demo -CapacityProviderStrategy FARGATE_' | Should -Be @("@{CapacityProvider='FARGATE_SPOT'; Weight=1}")
        @(Complete 'Start-EcsTask web -Cluster demo -ContainerInstance ').Count | Should -Be 3
    }

    It 'completes running tasks and task sets by id' {
        Complete 'Stop-EcsTask -Cluster demo -Task ' | Should -Contain $task.TaskId
        Complete 'Remove-EcsTaskSet -Cluster demo -Service checkout -TaskSet ' | Should -Contain $taskSet.Id
    }

    It 'completes nothing, and writes no error, when the endpoint cannot be reached' {
        $Error.Clear()
        Complete 'Start-EcsTask -EndpointUrl http://127.0.0.1:9 -Cluster ' | Should -BeNullOrEmpty
        $Error.Count | Should -Be 0
    }
}
