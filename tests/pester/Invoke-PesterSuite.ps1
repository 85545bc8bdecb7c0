#!/usr/bin/env pwsh
<#
.SYNOPSIS
    Runs the Pester suite (tests/pester/*.Tests.ps1) with Pester 5.9.1 in this pwsh, against the built module.
.DESCRIPTION
    Pester comes from the PackageDownload in tests/pester/EcsTools.Pester.csproj (restored here if needed). The module
    and LocalEcs must be built first (dotnet pwsh ./build.ps1 Build; build.ps1 Test does it). Exit code 0 when every test
    passed, 1 otherwise. -ResultFile writes {passed, failed, skipped, notRun, seconds} as JSON (build.ps1 reads it).
.EXAMPLE
    dotnet pwsh tests/pester/Invoke-PesterSuite.ps1
.EXAMPLE
    dotnet pwsh tests/pester/Invoke-PesterSuite.ps1 -Path tests/pester/Formatting.Tests.ps1 -Output Detailed
#>
[CmdletBinding()]
param(
    [string[]] $Path = @($PSScriptRoot),
    # Default: package/ when -Path is not given (build.ps1 Package runs it against the packaged folder).
    [string[]] $ExcludePath,
    [ValidateSet('None', 'Normal', 'Detailed', 'Diagnostic')]
    [string] $Output = 'Normal',
    [string[]] $FullNameFilter,
    [string] $ResultFile,
    # An NUnit XML report for CI systems (build.ps1 Test writes TestResults/pester-<time>.xml).
    [string] $TestResultPath
)

$ErrorActionPreference = 'Stop'
$project = Join-Path $PSScriptRoot 'EcsTools.Pester.csproj'
# Restore first (msbuild -getProperty does not restore), then ask where the packages went.
$restore = & dotnet restore $project --nologo 2>&1
if ($LASTEXITCODE -ne 0) { throw "Restoring Pester ($project) failed:`n$($restore -join "`n")" }
$packageRoot = & dotnet msbuild $project -nologo -getProperty:NuGetPackageRoot 2>&1
if ($LASTEXITCODE -ne 0) { throw "Reading NuGetPackageRoot of $project failed:`n$($packageRoot -join "`n")" }
$pester = Join-Path ($packageRoot | Select-Object -Last 1).Trim() 'pester/5.9.1/tools/Pester.psd1'
if (-not (Test-Path -LiteralPath $pester)) { throw "Pester 5.9.1 is not at '$pester' after restoring $project." }
Import-Module $pester -RequiredVersion 5.9.1 -Force

$configuration = New-PesterConfiguration
$configuration.Run.Path = $Path
if (-not $PSBoundParameters.ContainsKey('ExcludePath') -and -not $PSBoundParameters.ContainsKey('Path')) {
    $ExcludePath = @(Join-Path $PSScriptRoot 'package/*')
}
if ($ExcludePath) { $configuration.Run.ExcludePath = $ExcludePath }
$configuration.Run.PassThru = $true
$configuration.Output.Verbosity = $Output
if ($FullNameFilter) { $configuration.Filter.FullName = $FullNameFilter }
if ($TestResultPath) {
    $configuration.TestResult.Enabled = $true
    $configuration.TestResult.OutputFormat = 'NUnitXml'
    $configuration.TestResult.OutputPath = $TestResultPath
}
$result = Invoke-Pester -Configuration $configuration

# Failed tests, plus one for each file that failed without a failed test (it did not parse, its discovery or an
# AfterAll failed): a failed BeforeAll already fails the tests it was for.
$brokenFiles = @($result.Containers | Where-Object { $_.Result -eq 'Failed' -and $_.FailedCount -eq 0 }).Count
$failed = $result.FailedCount + $brokenFiles
if ($ResultFile) {
    [ordered]@{
        passed  = $result.PassedCount
        failed  = $failed
        skipped = $result.SkippedCount
        notRun  = $result.NotRunCount
        seconds = [math]::Round($result.Duration.TotalSeconds, 1)
    } | ConvertTo-Json | Set-Content -LiteralPath $ResultFile
}
if ($result.Result -ne 'Passed' -or $failed -gt 0 -or $result.PassedCount -eq 0) { exit 1 }
exit 0
