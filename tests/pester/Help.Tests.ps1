# Get-Help of every cmdlet as a user reads it in the console: the MAML built from docs/*.md, rendered by pwsh.
BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    $null = Import-EcsToolsModule
    $cmdlets = foreach ($command in Get-Command -Module EcsTools -CommandType Cmdlet) {
        @{
            Name       = $command.Name
            Parameters = @($command.Parameters.Keys | Where-Object {
                    $_ -notin [System.Management.Automation.PSCmdlet]::CommonParameters -and $_ -notin [System.Management.Automation.PSCmdlet]::OptionalCommonParameters
                })
            SetCount   = $command.ParameterSets.Count
        }
    }
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    $module = Import-EcsToolsModule
}

Describe 'The module' {
    It 'exports the nine cmdlets, each with a help file' {
        @(Get-Command -Module EcsTools -CommandType Cmdlet).Count | Should -Be 9
        (Get-Command -Module EcsTools).HelpFile | Select-Object -Unique | Should -Be 'EcsTools.dll-Help.xml'
        Join-Path $module.ModuleBase 'en-US/EcsTools.dll-Help.xml' | Should -Exist
    }

    It 'has an about topic that Get-Help finds by name and by wildcard' {
        $about = Get-Help about_EcsTools
        $text = $about | Out-String -Width 120
        $text | Should -Match 'SHORT DESCRIPTION'
        $text | Should -Match 'EcsTools is a binary module'
        (Get-Help about_Ecs* | Select-Object -ExpandProperty Name) | Should -Contain 'about_EcsTools'
    }

    It 'finds the cmdlets by a help search' {
        (Get-Help *-EcsTask* -Category Cmdlet).Name | Sort-Object | Should -Be @('Get-EcsTask', 'Get-EcsTaskLog', 'Get-EcsTaskSet', 'New-EcsTaskSet', 'Remove-EcsTaskSet', 'Set-EcsTaskSet', 'Start-EcsTask', 'Stop-EcsTask', 'Wait-EcsTask')
    }
}

Describe 'Get-Help <Name>' -ForEach $cmdlets {
    BeforeAll {
        $help = Get-Help $Name -Full
        $text = Get-Help $Name | Out-String -Width 120
        $full = Get-Help $Name -Full | Out-String -Width 120
        $docPage = Get-RepoPath "docs/$Name.md"
    }

    It 'comes from the MAML, not from the syntax PowerShell makes up' {
        $help.Synopsis | Should -Not -BeNullOrEmpty
        $help.Synopsis | Should -Not -Match "^\s*$([regex]::Escape($Name))\s+\["
        $help.Description.Text -join "`n" | Should -Not -BeNullOrEmpty
    }

    It 'renders NAME, SYNOPSIS, SYNTAX, DESCRIPTION and the related sections in the console' {
        foreach ($section in 'NAME', 'SYNOPSIS', 'SYNTAX', 'DESCRIPTION', 'RELATED LINKS', 'REMARKS') {
            $text | Should -Match "(?m)^$section\s*$" -Because "the $section section"
        }
        $text | Should -Match "(?m)^\s+$([regex]::Escape($Name))\s*$"
    }

    It 'shows one syntax block for each parameter set' {
        @($help.syntax.syntaxItem).Count | Should -Be $SetCount
        $syntax = [regex]::Match($full, '(?ms)^SYNTAX\s*$(.*?)^DESCRIPTION\s*$').Groups[1].Value
        ([regex]::Matches($syntax, "(?m)^    $([regex]::Escape($Name)) ")).Count | Should -Be $SetCount
    }

    It 'describes every parameter of the cmdlet' {
        $documented = @($help.parameters.parameter.name)
        foreach ($parameter in $Parameters) {
            $documented | Should -Contain $parameter -Because "-$parameter is a parameter of $Name"
            $one = Get-Help $Name -Parameter $parameter
            ($one.description.Text -join ' ') | Should -Not -BeNullOrEmpty -Because "-$parameter needs a description"
        }
    }

    It 'has examples with code, the same number as its docs page' {
        $examples = @($help.examples.example)
        $examples.Count | Should -BeGreaterThan 0
        foreach ($example in $examples) { $example.code | Should -Not -BeNullOrEmpty }
        $pageExamples = ([regex]::Matches((Get-Content -Raw -LiteralPath $docPage), '(?m)^### Example \d+')).Count
        $examples.Count | Should -Be $pageExamples
        (Get-Help $Name -Examples | Out-String -Width 120) | Should -Match '-------------------------- EXAMPLE 1 --------------------------|Example 1'
    }

    It 'fits -Full in <_> columns' -ForEach 80, 120 {
        $width = $_
        $lines = (Get-Help $Name -Full | Out-String -Width $width) -split "`r?`n"
        $lines | Where-Object { $_.TrimEnd().Length -gt $width } | Should -BeNullOrEmpty
        ($lines -join "`n") | Should -Match '(?m)^PARAMETERS\s*$'
    }

    It 'lists the outputs and inputs sections in -Full' {
        $full | Should -Match '(?m)^INPUTS\s*$'
        $full | Should -Match '(?m)^OUTPUTS\s*$'
    }
}
