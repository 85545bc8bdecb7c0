#!/usr/bin/env pwsh
<#
.SYNOPSIS
    Build, test and package EcsTools: thin tasks over the same dotnet commands the README shows.
.EXAMPLE
    ./build.ps1 Build
.EXAMPLE
    ./build.ps1 Test
.EXAMPLE
    ./build.ps1 Package -Configuration Release
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Docs', 'Package')]
    [string[]] $Task = 'Build',

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Debug'
)

$ErrorActionPreference = 'Stop'
Set-Location -LiteralPath $PSScriptRoot
$moduleDir = Join-Path $PSScriptRoot 'out/EcsTools'

function Invoke-Dotnet {
    & dotnet @args
    if ($LASTEXITCODE -ne 0) { throw "dotnet $($args -join ' ') failed with exit code $LASTEXITCODE." }
}

foreach ($name in $Task) {
    switch ($name) {
        'Build' {
            # Builds the engine, the module and its help (docs/*.md converted to MAML) into out/EcsTools.
            Invoke-Dotnet build src/EcsTools/EcsTools.csproj -c $Configuration
        }
        'Docs' {
            # The help is built with the module; this rebuilds it after a change to docs/ only.
            Invoke-Dotnet build src/EcsTools/EcsTools.csproj -c $Configuration
            Get-ChildItem (Join-Path $moduleDir 'en-US') | Format-Table Name, Length
        }
        'Test' {
            Invoke-Dotnet test -c $Configuration
        }
        'Package' {
            Invoke-Dotnet build src/EcsTools/EcsTools.csproj -c $Configuration
            $manifest = Import-PowerShellDataFile (Join-Path $moduleDir 'EcsTools.psd1')
            $target = Join-Path $PSScriptRoot "artifacts/EcsTools/$($manifest.ModuleVersion)"
            if (Test-Path $target) { Remove-Item $target -Recurse -Force }
            New-Item -ItemType Directory -Path $target | Out-Null
            Copy-Item -Path (Join-Path $moduleDir '*') -Destination $target -Recurse -Exclude '*.pdb'
            Test-ModuleManifest (Join-Path $target 'EcsTools.psd1') | Out-Null
            Write-Host "Packaged EcsTools $($manifest.ModuleVersion) in $target (Publish-Module -Path '$target')."
        }
    }
}
