#!/usr/bin/env pwsh
<#
.SYNOPSIS
    EcsTools' task runner, for contributors and CI alike: Build, Test, Docs, Package, Bench.
.DESCRIPTION
    Runs in the pwsh 7.6.10 of the repository's tool manifest (.config/dotnet-tools.json):

        dotnet tool restore && dotnet pwsh ./build.ps1 Test

    Build    the module (out/EcsTools: EcsTools.psd1, EcsTools.dll, the format views, engine/, en-US/ help) and LocalEcs.
    Test     Build, then the xunit suites (dotnet test) and the Pester suite (tests/pester, in a fresh pwsh), and one
             closing line 'N passed, M failed' summed over both. Any failure fails the task (exit code 1).
    Docs     builds the help from docs/*.md and runs the help tests (xunit drift, examples and Get-Help tests; Pester
             help tests). -UpdateDocs first rewrites docs/ from the built module (EcsTools.HelpBuilder --update: SYNTAX,
             PARAMETERS, the module page's cmdlet list, the examples' Output blocks), then builds and tests that.
    Package  a Release build copied to artifacts/EcsTools/<version>/, checked with Test-ModuleManifest, then imported
             from there by the smoke test tests/pester/package/Package.Tests.ps1.
    Bench    EcsTools side by side with boto3 and the AWS CLI (tests/bench/sidebyside.py, a few minutes): a Release build,
             with and without ReadyToRun images for this platform, timed against the same LocalEcs and moto; under
             `dotnet pwsh` (the global tool, whose PowerShell assemblies are IL only) the one-shot and import figures
             are also taken with a copy of it precompiled as PowerShell's release packages are (artifacts/bench/pwsh);
             the results go to tests/bench/results.md. -BenchRounds sets the one-shot rounds (7). -Micro runs the
             BenchmarkDotNet project tests/EcsTools.Benchmarks instead (-BenchFilter, default '*').
.EXAMPLE
    dotnet pwsh ./build.ps1 Test
.EXAMPLE
    dotnet pwsh ./build.ps1 Build, Package
.EXAMPLE
    dotnet pwsh ./build.ps1 Bench
.EXAMPLE
    dotnet pwsh ./build.ps1 Bench -Micro -BenchFilter '*Import*'
#>
[CmdletBinding()]
param(
    [Parameter(Position = 0)]
    [ValidateSet('Build', 'Test', 'Docs', 'Package', 'Bench')]
    [string[]] $Task = 'Build',

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Debug',

    # MSBuild nodes (dotnet -m:N); 0 lets MSBuild decide.
    [ValidateRange(0, 64)]
    [int] $MaxCpuCount = 0,

    # Docs: rewrite docs/*.md from the cmdlets (EcsTools.HelpBuilder --update) before testing them.
    [switch] $UpdateDocs,

    [string] $BenchFilter = '*',

    # Bench: run the BenchmarkDotNet project (tests/EcsTools.Benchmarks) instead of the side-by-side comparison.
    [switch] $Micro,

    # Bench: rounds of the one-shot processes of the side-by-side comparison.
    [ValidateRange(1, 100)]
    [int] $BenchRounds = 7,

    # Package: the platforms that get ReadyToRun images of the engine in engine/<rid>/ (any other loads the IL in engine/).
    [ValidateSet('linux-x64', 'linux-arm64', 'win-x64', 'win-arm64', 'osx-x64', 'osx-arm64')]
    [string[]] $Platform = @('linux-x64', 'win-x64', 'osx-arm64')
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0
Set-Location -LiteralPath $PSScriptRoot
$moduleDir = Join-Path $PSScriptRoot 'out/EcsTools'
$env:DOTNET_CLI_TELEMETRY_OPTOUT = '1'
$env:DOTNET_NOLOGO = '1'
$env:ECSTOOLS_TEST_CONFIGURATION = $Configuration
[string[]] $cpu = if ($MaxCpuCount -gt 0) { @("-m:$MaxCpuCount") } else { @() }

# Arguments as one array: splatting '-m:1' into a PowerShell function would read it as a parameter name.
function Invoke-Dotnet([string[]] $Arguments) {
    & dotnet @Arguments
    if ($LASTEXITCODE -ne 0) { throw "dotnet $($Arguments -join ' ') failed with exit code $LASTEXITCODE." }
}

# A fresh pwsh like this one (the tool manifest's pwsh runs as 'dotnet pwsh.dll'), non-interactive as in CI.
function Invoke-ChildPwsh([string[]] $Arguments) {
    $hostPath = [Environment]::ProcessPath
    [string[]] $prefix = if ([IO.Path]::GetFileNameWithoutExtension($hostPath) -eq 'dotnet') { Join-Path $PSHOME 'pwsh.dll' } else { @() }
    & $hostPath @prefix -NoProfile -NonInteractive @Arguments | Out-Host
    $LASTEXITCODE
}

function Invoke-Build([string] $BuildConfiguration) {
    # The module (with its help, built from docs/) and LocalEcs, which the Pester suite starts on its own.
    Invoke-Dotnet (@('build', 'src/EcsTools/EcsTools.csproj', '-c', $BuildConfiguration) + $cpu)
    Invoke-Dotnet (@('build', 'src/EcsTools.LocalEcs/EcsTools.LocalEcs.csproj', '-c', $BuildConfiguration) + $cpu)
}

function Format-Duration([timespan] $Duration) {
    if ($Duration.TotalMinutes -ge 1) { '{0}m {1:00}s' -f [int][math]::Floor($Duration.TotalMinutes), $Duration.Seconds } else { '{0:0.0}s' -f $Duration.TotalSeconds }
}

# Runs dotnet test with a TRX logger and sums the TRX counters: failed counts errors, timeouts and aborts too.
function Invoke-XunitSuite([string[]] $Arguments) {
    $results = Join-Path $PSScriptRoot "TestResults/xunit-$(Get-Date -Format yyyyMMdd-HHmmss)"
    $watch = [Diagnostics.Stopwatch]::StartNew()
    & dotnet test -c $Configuration @cpu --logger trx --results-directory $results @Arguments | Out-Host
    $exitCode = $LASTEXITCODE
    $counts = [ordered]@{ Passed = 0; Failed = 0; Skipped = 0; ExitCode = $exitCode; Elapsed = $watch.Elapsed }
    foreach ($trx in Get-ChildItem -LiteralPath $results -Filter *.trx -ErrorAction Ignore) {
        $counters = ([xml](Get-Content -Raw -LiteralPath $trx.FullName)).TestRun.ResultSummary.Counters
        $counts.Passed += [int]$counters.passed
        $counts.Failed += [int]$counters.failed + [int]$counters.error + [int]$counters.timeout + [int]$counters.aborted
        $counts.Skipped += [int]$counters.notExecuted
    }
    [pscustomobject]$counts
}

function Invoke-PesterSuite([string[]] $Arguments) {
    $resultFile = [IO.Path]::GetTempFileName()
    $watch = [Diagnostics.Stopwatch]::StartNew()
    try {
        $exitCode = Invoke-ChildPwsh (@('-File', 'tests/pester/Invoke-PesterSuite.ps1', '-ResultFile', $resultFile) + $Arguments)
        $summary = Get-Content -Raw -LiteralPath $resultFile | ConvertFrom-Json -ErrorAction Ignore
    }
    finally {
        Remove-Item -LiteralPath $resultFile -ErrorAction Ignore
    }
    [pscustomobject]@{
        Passed   = if ($summary) { [int]$summary.passed } else { 0 }
        Failed   = if ($summary) { [int]$summary.failed } else { 0 }
        Skipped  = if ($summary) { [int]$summary.skipped + [int]$summary.notRun } else { 0 }
        ExitCode = $exitCode
        Elapsed  = $watch.Elapsed
    }
}

# A suite that failed without a failed test (it did not build, its host crashed, a file did not load) counts as one
# failure, so that the closing line never says '0 failed' for a run that failed.
function Get-FailedCount($Suite) {
    if ($Suite.ExitCode -ne 0 -and $Suite.Failed -eq 0) { 1 } else { $Suite.Failed }
}

function Write-SuiteLine([string] $Name, $Suite) {
    $line = '{0,-7} {1} passed, {2} failed, {3} skipped in {4}' -f "${Name}:", $Suite.Passed, $Suite.Failed, $Suite.Skipped, (Format-Duration $Suite.Elapsed)
    if ($Suite.ExitCode -ne 0 -and $Suite.Failed -eq 0) { $line += " (exit code $($Suite.ExitCode): the suite did not run to the end; counted as 1 failed)" }
    Write-Host $line
}

# Precompiles the engine, AWSSDK.* and System.IO.Hashing for each platform (crossgen2 from the SDK's linux-x64 pack
# cross-compiles to the others) into <module>/engine/<rid>/net<N>.0/, next to the IL build that anything else loads.
# Each .NET major version reads only images of its own ReadyToRun format: net8.0 (pwsh 7.4, with the net8.0 crossgen2 and
# runtime pack) and net10.0 (pwsh 7.6, with the SDK's own), both compiling the same net8.0 IL.
function Add-ReadyToRunImage([string] $ModuleDirectory, [string[]] $RuntimeIdentifier, [string] $BuildConfiguration, [string[]] $Framework = @('net8.0', 'net10.0')) {
    $all = [ordered]@{ 'net8.0' = @(); 'net10.0' = @('-p:EcsToolsImagesForNet10=true') }
    $sets = [ordered]@{}
    foreach ($name in $Framework) { $sets[$name] = $all[$name] }
    # Images of an earlier Package (other platforms, an older engine) would be shipped too.
    Get-ChildItem -LiteralPath (Join-Path $ModuleDirectory 'engine') -Directory | Remove-Item -Recurse -Force
    foreach ($rid in $RuntimeIdentifier) {
        foreach ($framework in $sets.Keys) {
            $publishDir = Join-Path $PSScriptRoot "artifacts/r2r/$rid/$framework"
            if (Test-Path $publishDir) { Remove-Item $publishDir -Recurse -Force }
            Invoke-Dotnet (@('publish', 'src/EcsTools.Engine/EcsTools.Engine.csproj', '-c', $BuildConfiguration, '-r', $rid,
                    '--self-contained', 'false', '-p:PublishReadyToRun=true') + $sets[$framework] + @('-o', $publishDir) + $cpu)
            $target = Join-Path $ModuleDirectory "engine/$rid/$framework"
            if (Test-Path $target) { Remove-Item $target -Recurse -Force }
            New-Item -ItemType Directory -Path $target | Out-Null
            Copy-Item -Path (Join-Path $publishDir '*.dll') -Destination $target
        }
    }
}

# True when the assembly carries ReadyToRun code.
function Test-ReadyToRun([string] $Path) {
    $stream = [IO.File]::OpenRead($Path)
    try { ([Reflection.PortableExecutable.PEReader]::new($stream)).PEHeaders.CorHeader.ManagedNativeHeaderDirectory.Size -gt 0 }
    finally { $stream.Dispose() }
}

# PowerShell's release packages ship its own assemblies precompiled (ReadyToRun); its NuGet global tool, which `dotnet
# pwsh` runs, ships them as IL only, so there every PowerShell code path a one-shot command takes (parsing, the manifest,
# format data, binding, Format-Table) is compiled at run time. So that the benchmark also says what users of a released
# pwsh see, this makes a copy of the running pwsh with those assemblies precompiled by the crossgen2 pack that
# Add-ReadyToRunImage restored. Returns the copy's pwsh.dll, or $null when this pwsh is precompiled already or there is
# no crossgen2 pack for this .NET.
function New-ReleasedPwsh([string] $Directory, [string] $RuntimeIdentifier) {
    if (Test-ReadyToRun ([Management.Automation.PSObject].Assembly.Location)) { return $null }
    $packages = if ($env:NUGET_PACKAGES) { $env:NUGET_PACKAGES } else { Join-Path ([Environment]::GetFolderPath('UserProfile')) '.nuget/packages' }
    $pack = Get-ChildItem (Join-Path $packages "microsoft.netcore.app.crossgen2.$RuntimeIdentifier") -Directory -ErrorAction Ignore |
        Where-Object Name -Like "$([Environment]::Version.Major).*" | Sort-Object { [version]($_.Name -replace '-.*$') } | Select-Object -Last 1
    $crossgen = if ($pack) { Get-ChildItem (Join-Path $pack.FullName 'tools') -Filter 'crossgen2*' -File | Where-Object { $_.Extension -in '', '.exe' } | Select-Object -First 1 }
    if (-not $crossgen) {
        Write-Warning "No crossgen2 pack for .NET $([Environment]::Version.Major) in $packages`: the benchmark runs this pwsh only."
        return $null
    }
    if (Test-Path $Directory) { Remove-Item $Directory -Recurse -Force }
    Copy-Item $PSHOME $Directory -Recurse
    $framework = Split-Path ([object].Assembly.Location)
    $os, $arch = $RuntimeIdentifier -split '-', 2
    $targetOs = @{ win = 'windows'; osx = 'osx'; linux = 'linux' }[$os]
    $own = Get-ChildItem $Directory -Filter '*.dll' -File | Where-Object {
        $_.Name -in 'pwsh.dll', 'System.Management.Automation.dll', 'Newtonsoft.Json.dll', 'Microsoft.ApplicationInsights.dll' -or $_.Name -like 'Microsoft.PowerShell.*.dll'
    } | Where-Object { -not (Test-ReadyToRun $_.FullName) }
    $images = Join-Path $Directory 'r2r-images'
    New-Item -ItemType Directory -Path $images | Out-Null
    foreach ($assembly in $own) {
        # The copy's assemblies are the references (the input among them), the image goes aside, then over the IL.
        # A response file: PowerShell would expand the wildcards of the references itself on Unix.
        $response = Join-Path $images "$($assembly.Name).rsp"
        Set-Content -LiteralPath $response -Value @(
            "-r:$(Join-Path $Directory '*.dll')", "-r:$(Join-Path $framework '*.dll')", "--targetos:$targetOs", "--targetarch:$arch", '-O',
            $assembly.FullName, "-o:$(Join-Path $images $assembly.Name)")
        & $crossgen.FullName "@$response" | Out-Null
        if ($LASTEXITCODE -ne 0) { throw "crossgen2 failed on $($assembly.Name) (exit code $LASTEXITCODE)." }
    }
    Get-ChildItem $images -Filter '*.dll' | Move-Item -Destination $Directory -Force
    Remove-Item $images -Recurse -Force
    Join-Path $Directory 'pwsh.dll'
}

foreach ($name in $Task) {
    switch ($name) {
        'Build' {
            Invoke-Build $Configuration
        }
        'Docs' {
            # The help is built with the module (HelpBuilder: docs/*.md to MAML and about topics).
            Invoke-Build $Configuration
            if ($UpdateDocs) {
                # The same tool rewrites docs/ from the built module, then the module is built again with the new pages.
                Invoke-Dotnet @('exec', "src/EcsTools.HelpBuilder/bin/$Configuration/net10.0/EcsTools.HelpBuilder.dll", '--update',
                    '--docs', 'docs', '--manifest', (Join-Path $moduleDir 'EcsTools.psd1'),
                    '--xml-docs', "src/EcsTools/bin/$Configuration/net8.0/EcsTools.xml")
                Invoke-Build $Configuration
            }
            Get-ChildItem (Join-Path $moduleDir 'en-US') | Format-Table Name, Length
            $xunit = Invoke-XunitSuite @('tests/EcsTools.Tests', '--filter', 'FullyQualifiedName~EcsTools.Tests.Help')
            $pester = Invoke-PesterSuite @('-Path', 'tests/pester/Help.Tests.ps1')
            Write-SuiteLine 'xunit' $xunit
            Write-SuiteLine 'Pester' $pester
            if ($xunit.ExitCode -ne 0 -or $pester.ExitCode -ne 0) { throw 'Docs: help tests failed.' }
        }
        'Test' {
            $watch = [Diagnostics.Stopwatch]::StartNew()
            Invoke-Build $Configuration
            $xunit = Invoke-XunitSuite @()
            $pester = Invoke-PesterSuite @('-TestResultPath', (Join-Path $PSScriptRoot "TestResults/pester-$(Get-Date -Format yyyyMMdd-HHmmss).xml"))
            Write-Host ''
            Write-SuiteLine 'xunit' $xunit
            Write-SuiteLine 'Pester' $pester
            Write-Host "total:  $(Format-Duration $watch.Elapsed)"
            $failed = (Get-FailedCount $xunit) + (Get-FailedCount $pester)
            # The closing line CI and contributors read.
            Write-Host ('{0} passed, {1} failed' -f ($xunit.Passed + $pester.Passed), $failed)
            if ($failed -gt 0 -or $xunit.ExitCode -ne 0 -or $pester.ExitCode -ne 0 -or $xunit.Passed -eq 0 -or $pester.Passed -eq 0) { exit 1 }
        }
        'Package' {
            # A release build unless -Configuration says otherwise.
            $packageConfiguration = if ($PSBoundParameters.ContainsKey('Configuration')) { $Configuration } else { 'Release' }
            Invoke-Build $packageConfiguration
            Add-ReadyToRunImage $moduleDir $Platform $packageConfiguration
            $manifest = Import-PowerShellDataFile (Join-Path $moduleDir 'EcsTools.psd1')
            $target = Join-Path $PSScriptRoot "artifacts/EcsTools/$($manifest.ModuleVersion)"
            if (Test-Path $target) { Remove-Item $target -Recurse -Force }
            New-Item -ItemType Directory -Path $target | Out-Null
            Copy-Item -Path (Join-Path $moduleDir '*') -Destination $target -Recurse -Exclude '*.pdb'
            Copy-Item -LiteralPath (Join-Path $PSScriptRoot 'LICENSE') -Destination $target
            $checked = Test-ModuleManifest (Join-Path $target 'EcsTools.psd1')
            Write-Host "Test-ModuleManifest: $($checked.Name) $($checked.Version), $($checked.ExportedCmdlets.Count) cmdlets."
            # The smoke test imports the packaged folder (not out/) in a fresh pwsh.
            $env:ECSTOOLS_TEST_MODULE = $target
            $env:ECSTOOLS_TEST_CONFIGURATION = $packageConfiguration
            try {
                $smoke = Invoke-PesterSuite @('-Path', 'tests/pester/package')
            }
            finally {
                Remove-Item env:ECSTOOLS_TEST_MODULE -ErrorAction Ignore
            }
            Write-SuiteLine 'Package' $smoke
            if ($smoke.ExitCode -ne 0 -or $smoke.Passed -eq 0) { throw "Package: the smoke test of $target failed." }
            Write-Host "Packaged EcsTools $($manifest.ModuleVersion) in $target (Publish-Module -Path '$target')."
        }
        'Bench' {
            # Speed claims live here, never in timed tests. Both want Release; the import benchmark loads out/EcsTools.
            Invoke-Build 'Release'
            if ($Micro) {
                Invoke-Dotnet (@('run', '-c', 'Release', '--project', 'tests/EcsTools.Benchmarks') + $cpu + @('--', '--filter', $BenchFilter))
                break
            }
            # The module as built (IL) and as packaged for this platform and this pwsh's .NET (ReadyToRun images).
            $os = if ($IsWindows) { 'win' } elseif ($IsMacOS) { 'osx' } else { 'linux' }
            $rid = '{0}-{1}' -f $os, [Runtime.InteropServices.RuntimeInformation]::ProcessArchitecture.ToString().ToLowerInvariant()
            $benchModule = Join-Path $PSScriptRoot 'artifacts/bench/EcsTools'
            if (Test-Path $benchModule) { Remove-Item $benchModule -Recurse -Force }
            New-Item -ItemType Directory -Path (Split-Path $benchModule) -Force | Out-Null
            Copy-Item $moduleDir $benchModule -Recurse
            Add-ReadyToRunImage $benchModule @($rid) 'Release' @($(if ([Environment]::Version.Major -ge 10) { 'net10.0' } else { 'net8.0' }))
            $pwshCommand = if ([IO.Path]::GetFileNameWithoutExtension([Environment]::ProcessPath) -eq 'dotnet') {
                '"{0}" "{1}"' -f [Environment]::ProcessPath, (Join-Path $PSHOME 'pwsh.dll')
            }
            else { '"{0}"' -f [Environment]::ProcessPath }
            $released = @()
            if ([IO.Path]::GetFileNameWithoutExtension([Environment]::ProcessPath) -eq 'dotnet' -and
                ($releasedPwsh = New-ReleasedPwsh (Join-Path $PSScriptRoot 'artifacts/bench/pwsh') $rid)) {
                $released = @('--pwsh-release', ('"{0}" "{1}"' -f [Environment]::ProcessPath, $releasedPwsh))
            }
            $python = if ($env:ECSTOOLS_TEST_PYTHON) { $env:ECSTOOLS_TEST_PYTHON } else { 'python3' }
            $note = if (Get-Command git -ErrorAction Ignore) {
                "Commit $(git rev-parse --short HEAD)$(if (git status --porcelain --untracked-files=no) { ' with local changes' })."
            }
            else { '' }
            & $python tests/bench/sidebyside.py --pwsh $pwshCommand @released --rounds $BenchRounds --note $note `
                --module "IL=$(Join-Path $moduleDir 'EcsTools.psd1')" --module "ReadyToRun=$(Join-Path $benchModule 'EcsTools.psd1')"
            if ($LASTEXITCODE -ne 0) { throw "The side-by-side benchmark failed (exit code $LASTEXITCODE)." }
        }
    }
}
