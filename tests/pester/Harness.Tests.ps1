# The harness itself: the module imports through its manifest, and both servers answer the cmdlets.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    $module = Import-EcsToolsModule
}

Describe 'Import through the manifest' {
    It 'loads EcsTools from the module folder with its nine cmdlets' {
        $module.Name | Should -Be 'EcsTools'
        $module.ModuleType | Should -Be 'Binary'
        $module.Version | Should -Be (Import-PowerShellDataFile (Get-RepoPath 'EcsTools.psd1')).ModuleVersion
        (Get-Command -Module EcsTools).Name | Sort-Object | Should -Be @(
            'Get-EcsTask', 'Get-EcsTaskLog', 'Get-EcsTaskSet', 'New-EcsTaskSet', 'Remove-EcsTaskSet', 'Set-EcsTaskSet', 'Start-EcsTask', 'Stop-EcsTask', 'Wait-EcsTask')
    }
}

Describe 'LocalEcs' {
    BeforeAll { $ecs = Start-LocalEcs }
    AfterAll { Stop-TestServer $ecs }

    It 'listens on 127.0.0.1 and the environment points at it' {
        $ecs.Endpoint | Should -Match '^http://127\.0\.0\.1:\d+$'
        $env:AWS_ENDPOINT_URL_ECS | Should -Be $ecs.Endpoint
        $env:AWS_REGION | Should -Be 'us-east-1'
    }

    It 'starts a task of the demo scene and stops it' {
        $task = Start-EcsTask -Cluster demo -TaskDefinition web -LaunchType EC2
        $task.ClusterName | Should -Be 'demo'
        $task.TaskArn | Should -Match '^arn:aws:ecs:us-east-1:123456789012:task/demo/[0-9a-f]{32}$'
        $stopped = $task | Stop-EcsTask -Reason 'harness test' -Confirm:$false
        $stopped.DesiredStatus | Should -Be 'STOPPED'
    }
}

Describe 'moto' {
    BeforeAll { $moto = Start-Moto }
    AfterAll { Stop-TestServer $moto }

    It 'is seeded with the test scene' {
        $moto.Scene.ec2ClusterName | Should -Be 'ec2'
        @($moto.Scene.containerInstanceArns).Count | Should -Be 3
    }

    It 'starts a task on a container instance' {
        $task = Start-EcsTask -Cluster ec2 -TaskDefinition $moto.Scene.web1TaskDefinitionArn -ContainerInstance $moto.Scene.containerInstanceArns[0]
        $task.TaskDefinitionArn | Should -Be $moto.Scene.web1TaskDefinitionArn
        $task.ContainerInstanceArn | Should -Be $moto.Scene.containerInstanceArns[0]
    }

    It 'starts over after Reset-Moto' {
        $before = $moto.Scene.ec2ClusterArn
        $scene = Reset-Moto $moto
        $scene.ec2ClusterArn | Should -Be $before
        @(Get-EcsTask -Cluster ec2).Count | Should -Be 0
    }
}

Describe 'Invoke-ChildPwsh' {
    It 'runs a non-interactive pwsh and returns its exit code and output' {
        $r = Invoke-ChildPwsh '"{0}" -f $PSVersionTable.PSVersion; [Console]::Error.WriteLine("to stderr"); exit 3'
        $r.ExitCode | Should -Be 3
        $r.Output | Should -Be '7.6.10'
        $r.Error | Should -Match 'to stderr'
    }
}
