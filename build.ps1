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
    [string] $Configuration = 'Debug',

    # Package: the platforms that get ReadyToRun images of the engine in engine/<rid>/ (any other loads the IL in engine/).
    [ValidateSet('linux-x64', 'linux-arm64', 'win-x64', 'win-arm64', 'osx-x64', 'osx-arm64')]
    [string[]] $Platform = @('linux-x64', 'win-x64', 'osx-arm64')
)

$ErrorActionPreference = 'Stop'
Set-Location -LiteralPath $PSScriptRoot
$moduleDir = Join-Path $PSScriptRoot 'out/EcsTools'

function Invoke-Dotnet {
    & dotnet @args
    if ($LASTEXITCODE -ne 0) { throw "dotnet $($args -join ' ') failed with exit code $LASTEXITCODE." }
}

# Precompiles the engine, AWSSDK.* and System.IO.Hashing for each platform (crossgen2 from the SDK's linux-x64 pack
# cross-compiles to the others) into <module>/engine/<rid>/net<N>.0/, next to the IL build that anything else loads.
# Each .NET major version reads only images of its own ReadyToRun format: net8.0 (pwsh 7.4, with the net8.0 crossgen2 and
# runtime pack) and net10.0 (pwsh 7.6, with the SDK's own), both compiling the same net8.0 IL.
function Add-ReadyToRunImage([string] $ModuleDirectory, [string[]] $RuntimeIdentifier) {
    $sets = [ordered]@{ 'net8.0' = @(); 'net10.0' = @('-p:EcsToolsImagesForNet10=true') }
    # Images of an earlier Package (other platforms, an older engine) would be shipped too.
    Get-ChildItem -LiteralPath (Join-Path $ModuleDirectory 'engine') -Directory | Remove-Item -Recurse -Force
    foreach ($rid in $RuntimeIdentifier) {
        foreach ($framework in $sets.Keys) {
            $publishDir = Join-Path $PSScriptRoot "artifacts/r2r/$rid/$framework"
            if (Test-Path $publishDir) { Remove-Item $publishDir -Recurse -Force }
            Invoke-Dotnet publish src/EcsTools.Engine/EcsTools.Engine.csproj -c $Configuration -r $rid --self-contained false `
                '-p:PublishReadyToRun=true' @($sets[$framework]) -o $publishDir
            $target = Join-Path $ModuleDirectory "engine/$rid/$framework"
            if (Test-Path $target) { Remove-Item $target -Recurse -Force }
            New-Item -ItemType Directory -Path $target | Out-Null
            Copy-Item -Path (Join-Path $publishDir '*.dll') -Destination $target
        }
    }
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
            Add-ReadyToRunImage $moduleDir $Platform
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
