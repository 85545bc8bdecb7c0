# Get-Help as the console renders it: what Markdown would have eaten, one entry per parameter that says what is true
# across its parameter sets, and the first lines of the help on -LaunchType with -CapacityProviderStrategy.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    Import-EcsToolsModule | Out-Null
    function Get-ParameterHelpText([string] $Command, [string] $Parameter) {
        (Get-Help $Command -Parameter $Parameter | Out-String -Width 200) -replace "`r", ''
    }
}

Describe 'Get-Help -Parameter in the console' {
    It 'shows the $PSDefaultParameterValues key of -PollInterval with its wildcards' {
        $text = Get-ParameterHelpText Start-EcsTask PollInterval
        $text | Should -Match ([regex]::Escape("`$PSDefaultParameterValues['*-Ecs*:PollInterval']"))
        $text | Should -Not -Match "'-Ecs:PollInterval'"
    }

    It 'shows pipeline input for Get-EcsTask -Cluster, which binds by property name in the Task set' {
        Get-ParameterHelpText Get-EcsTask Cluster | Should -Match 'Accept pipeline input\?\s+True \(ByPropertyName\)'
    }

    It 'shows Set-EcsTaskSet -Primary as not required: it is optional in the Scale set' {
        $text = Get-ParameterHelpText Set-EcsTaskSet Primary
        $text | Should -Match 'Required\?\s+false'
    }

    It 'still shows a parameter required in its only set as required' {
        Get-ParameterHelpText Start-EcsTask LaunchType | Should -Match 'Required\?\s+true'
    }

    It 'shows Get-EcsTaskSet -TaskSet as taking task set ARNs by value' {
        Get-ParameterHelpText Get-EcsTaskSet TaskSet | Should -Match 'Accept pipeline input\?\s+True \(ByPropertyName, ByValue\)'
    }
}

Describe '-LaunchType with -CapacityProviderStrategy' {
    It 'is refused by the binder with its generic message, naming neither parameter (<Command>)' -ForEach @(
        @{ Command = 'Start-EcsTask'; Line = { Start-EcsTask web -Cluster demo -LaunchType EC2 -CapacityProviderStrategy @{ CapacityProvider = 'FARGATE' } } }
        @{ Command = 'New-EcsTaskSet'; Line = { New-EcsTaskSet -Cluster demo -Service checkout -TaskDefinition web -LaunchType EC2 -CapacityProviderStrategy @{ CapacityProvider = 'FARGATE' } } }
    ) {
        $err = { & $Line } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike 'AmbiguousParameterSet,*'
        $err.Exception.Message | Should -BeLike 'Parameter set cannot be resolved using the specified named parameters*'
    }

    It 'is explained in the first lines of Get-Help <Command>' -ForEach @(@{ Command = 'Start-EcsTask' }, @{ Command = 'New-EcsTaskSet' }) {
        $lines = @((Get-Help $Command | Out-String -Width 120) -replace "`r", '' -split "`n")
        # Get-Help wraps at the width, inside words too: compare without the white space.
        $synopsis = ($lines[($lines.IndexOf('SYNOPSIS') + 1)..($lines.IndexOf('SYNOPSIS') + 2)] -join '') -replace '\s+', ''
        $synopsis | Should -BeLike '*-LaunchTypeor-CapacityProviderStrategy(notboth)*'
        $description = ($lines[$lines.IndexOf('DESCRIPTION')..($lines.IndexOf('DESCRIPTION') + 14)] -join '') -replace '\s+', ''
        $description | Should -BeLike '*Parametersetcannotberesolvedusingthespecifiednamedparameters*'
    }
}
