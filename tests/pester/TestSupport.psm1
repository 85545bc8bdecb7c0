#Requires -Version 7.4
<#
    Shared helpers of the Pester suite (tests/pester/README.md documents them). A test file starts with:

        BeforeAll {
            Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
            Import-EcsToolsModule
            $ecs = Start-LocalEcs            # or: $moto = Start-Moto
        }
        AfterAll { Stop-TestServer $ecs }

    Servers run as child processes under tests/pester/watchdog.py, bound to 127.0.0.1, so they never outlive the run.
#>
Set-StrictMode -Version 3.0
$ErrorActionPreference = 'Stop'

$script:RepoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
$script:Python = if ($env:ECSTOOLS_TEST_PYTHON) { $env:ECSTOOLS_TEST_PYTHON } else { 'python3' }
$script:Watchdog = Join-Path $PSScriptRoot 'watchdog.py'
$script:SeedScript = Join-Path $script:RepoRoot 'tests/EcsTools.Tests/moto/seed.py'
$script:EnvironmentNames = @(
    'AWS_ENDPOINT_URL_ECS', 'AWS_ENDPOINT_URL_CLOUDWATCH_LOGS', 'AWS_ENDPOINT_URL_LOGS', 'AWS_ENDPOINT_URL', 'AWS_REGION', 'AWS_DEFAULT_REGION', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY',
    'AWS_SESSION_TOKEN', 'AWS_PROFILE', 'AWS_DEFAULT_PROFILE', 'AWS_CONFIG_FILE', 'AWS_SHARED_CREDENTIALS_FILE', 'AWS_EC2_METADATA_DISABLED'
)

function Get-RepoPath {
    <#
    .SYNOPSIS
        The full path of a file or folder of the repository: Get-RepoPath 'examples/tour.ps1'. No argument: the root.
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param([Parameter(Position = 0)] [string] $RelativePath = '')
    if ($RelativePath) { Join-Path $script:RepoRoot $RelativePath } else { $script:RepoRoot }
}

function Import-EcsToolsModule {
    <#
    .SYNOPSIS
        Imports EcsTools through its manifest, as a user does: out/EcsTools/EcsTools.psd1 by default, or -Path (a
        manifest, or a folder holding EcsTools.psd1, e.g. the versioned folder build.ps1 Package writes).
        $env:ECSTOOLS_TEST_MODULE overrides the default. Returns the PSModuleInfo. Importing is global, once per process.
    #>
    [CmdletBinding()]
    [OutputType([psmoduleinfo])]
    param([string] $Path = $(if ($env:ECSTOOLS_TEST_MODULE) { $env:ECSTOOLS_TEST_MODULE } else { Get-RepoPath 'out/EcsTools/EcsTools.psd1' }))
    if (Test-Path -LiteralPath $Path -PathType Container) { $Path = Join-Path $Path 'EcsTools.psd1' }
    if (-not (Test-Path -LiteralPath $Path)) {
        throw "EcsTools is not built: '$Path' does not exist. Run 'dotnet pwsh ./build.ps1 Build' first."
    }
    $manifest = (Resolve-Path -LiteralPath $Path).Path
    $loaded = Get-Module EcsTools
    if ($loaded -and $loaded.ModuleBase -ne (Split-Path $manifest)) {
        throw "EcsTools is already imported from '$($loaded.ModuleBase)'; a process can load only one copy (asked for '$manifest')."
    }
    Import-Module $manifest -Global -PassThru -ErrorAction Stop | Select-Object -First 1
}

function Set-EcsTestEnvironment {
    <#
    .SYNOPSIS
        Points this process at a test endpoint: AWS_ENDPOINT_URL_ECS and AWS_ENDPOINT_URL_CLOUDWATCH_LOGS, region (AWS_REGION and AWS_DEFAULT_REGION), test
        credentials (test/test), no profile, shared config and credentials files that do not exist, no IMDS.
        Returns what it replaced; Restore-EcsTestEnvironment puts it back. Start-LocalEcs and Start-Moto call it.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] [uri] $Endpoint,
        [string] $Region = 'us-east-1'
    )
    $saved = @{}
    foreach ($name in $script:EnvironmentNames) { $saved[$name] = [Environment]::GetEnvironmentVariable($name) }
    $noFile = Join-Path ([IO.Path]::GetTempPath()) 'ecstools-pester-no-such-file'
    $values = @{
        AWS_ENDPOINT_URL_ECS        = $Endpoint.GetLeftPart([UriPartial]::Authority)
        # LocalEcs and moto serve CloudWatch Logs on the same port (the SDK's variable for the service id 'CloudWatch Logs').
        AWS_ENDPOINT_URL_CLOUDWATCH_LOGS = $Endpoint.GetLeftPart([UriPartial]::Authority)
        AWS_REGION                  = $Region
        AWS_DEFAULT_REGION          = $Region
        AWS_ACCESS_KEY_ID           = 'test'
        AWS_SECRET_ACCESS_KEY       = 'test'
        AWS_CONFIG_FILE             = $noFile
        AWS_SHARED_CREDENTIALS_FILE = $noFile
        AWS_EC2_METADATA_DISABLED   = 'true'
    }
    foreach ($name in $script:EnvironmentNames) { Set-EnvironmentValue $name $values[$name] }
    $saved
}

function Restore-EcsTestEnvironment {
    <# .SYNOPSIS Puts back the environment variables Set-EcsTestEnvironment returned. #>
    [CmdletBinding()]
    param([Parameter(Mandatory)] [hashtable] $Saved)
    foreach ($name in $Saved.Keys) { Set-EnvironmentValue $name $Saved[$name] }
}

# Null or empty removes the variable: PowerShell passes $null to a .NET string parameter as '', which would leave
# AWS_PROFILE='' behind (and boto3 then looks for a profile named '').
function Set-EnvironmentValue([string] $Name, [string] $Value) {
    if ([string]::IsNullOrEmpty($Value)) { Remove-Item -LiteralPath "env:$Name" -ErrorAction Ignore }
    else { Set-Item -LiteralPath "env:$Name" -Value $Value }
}

function Start-WatchedProcess([string] $Name, [string[]] $Command) {
    $log = Join-Path ([IO.Path]::GetTempPath()) ("ecstools-pester-$Name-$PID-" + [guid]::NewGuid().ToString('n').Substring(0, 8) + '.log')
    New-Item -ItemType File -Path $log -Force | Out-Null
    $startInfo = [Diagnostics.ProcessStartInfo]::new($script:Python)
    $startInfo.UseShellExecute = $false
    $startInfo.RedirectStandardInput = $true
    foreach ($argument in @($script:Watchdog, $log, $PID, '--') + $Command) { $startInfo.ArgumentList.Add([string]$argument) }
    $startInfo.Environment['PYTHONUNBUFFERED'] = '1'
    $startInfo.Environment['DOTNET_CLI_TELEMETRY_OPTOUT'] = '1'
    try {
        $process = [Diagnostics.Process]::Start($startInfo)
    }
    catch {
        throw "Could not start '$($script:Python)' ($($_.Exception.Message)). The Pester suite needs Python 3 with moto[server] and boto3 (python3 -m pip install 'moto[server]' boto3); set ECSTOOLS_TEST_PYTHON to use another interpreter."
    }
    [pscustomobject]@{ Process = $process; LogPath = $log }
}

function Wait-ServerReady($Watched, [string] $What, [scriptblock] $Probe, [timespan] $Timeout) {
    $deadline = [DateTime]::UtcNow + $Timeout
    while ($true) {
        $result = & $Probe
        if ($result) { return $result }
        if ($Watched.Process.HasExited) {
            throw "$What exited with code $($Watched.Process.ExitCode) before it was ready. Log ($($Watched.LogPath)):`n$(Get-Content -Raw -LiteralPath $Watched.LogPath)"
        }
        if ([DateTime]::UtcNow -gt $deadline) {
            Stop-WatchedProcess $Watched.Process
            throw "$What was not ready within $([int]$Timeout.TotalSeconds) s. Log ($($Watched.LogPath)):`n$(Get-Content -Raw -LiteralPath $Watched.LogPath)"
        }
        Start-Sleep -Milliseconds 100
    }
}

function Stop-WatchedProcess([Diagnostics.Process] $Process) {
    if (-not $Process.HasExited) {
        try { $Process.StandardInput.Close() } catch { Write-Verbose "stdin already closed: $_" }
        if (-not $Process.WaitForExit(10000)) { $Process.Kill($true) }
    }
    $Process.Dispose()
}

function Get-FreeLoopbackPort {
    $listener = [Net.Sockets.TcpListener]::new([Net.IPAddress]::Loopback, 0)
    $listener.Start()
    try { $listener.LocalEndpoint.Port } finally { $listener.Stop() }
}

function Find-LocalEcsAssembly {
    $configurations = if ($env:ECSTOOLS_TEST_CONFIGURATION) { @($env:ECSTOOLS_TEST_CONFIGURATION) } else { @('Debug', 'Release') }
    $candidates = foreach ($configuration in $configurations) {
        Get-Item -LiteralPath (Get-RepoPath "src/EcsTools.LocalEcs/bin/$configuration/net10.0/EcsTools.LocalEcs.dll") -ErrorAction Ignore
    }
    $newest = $candidates | Sort-Object LastWriteTimeUtc -Descending | Select-Object -First 1
    if (-not $newest) {
        throw "LocalEcs is not built (src/EcsTools.LocalEcs/bin/<configuration>/net10.0/EcsTools.LocalEcs.dll). Run 'dotnet pwsh ./build.ps1 Build' first."
    }
    $newest.FullName
}

function Start-LocalEcs {
    <#
    .SYNOPSIS
        Starts a standalone LocalEcs (src/EcsTools.LocalEcs) on a free 127.0.0.1 port and points the environment at it.
    .DESCRIPTION
        -Scene demo (default): cluster 'demo', task definitions web, batch, batch-fail, bad-image, fargate-web, big and
        the EXTERNAL service 'checkout' (src/EcsTools.LocalEcs/README.md). -Step is one task lifecycle step (default
        100ms, so a task is RUNNING after 0.3 s and 'batch' exits after its 3 s). -Fault injects faults, each as --fault
        takes it ('StartTask:server:after', 'RunTask:throttle:x3', '*:slow=forever:x1000'). Returns the server: Kind ('LocalEcs'),
        Endpoint ('http://127.0.0.1:PORT'), Port, Region, LogPath, Process. Stop it with Stop-TestServer.
    #>
    [CmdletBinding()]
    param(
        [ValidateSet('demo', 'empty')] [string] $Scene = 'demo',
        [string] $Step = '100ms',
        [int] $Seed,
        # Faults as the server's --fault takes them, e.g. 'StartTask:server:after' (src/EcsTools.LocalEcs/README.md).
        [string[]] $Fault,
        [switch] $NoEnvironment
    )
    $command = @('dotnet', (Find-LocalEcsAssembly), '--port', '0', '--scene', $Scene, '--step', $Step)
    if ($PSBoundParameters.ContainsKey('Seed')) { $command += @('--seed', $Seed) }
    foreach ($f in $Fault) { $command += @('--fault', $f) }
    $watched = Start-WatchedProcess 'localecs' $command
    $endpoint = Wait-ServerReady $watched 'LocalEcs' -Timeout ([timespan]::FromSeconds(60)) -Probe {
        $line = Select-String -LiteralPath $watched.LogPath -Pattern '^AWS_ENDPOINT_URL_ECS=(\S+)' | Select-Object -First 1
        if ($line) { $line.Matches[0].Groups[1].Value }
    }
    New-TestServer 'LocalEcs' $watched $endpoint -NoEnvironment:$NoEnvironment
}

function New-TestServer([string] $Kind, $Watched, [string] $Endpoint, [switch] $NoEnvironment) {
    $uri = [uri]$Endpoint
    $server = [pscustomobject]@{
        PSTypeName  = 'EcsTools.Tests.TestServer'
        Kind        = $Kind
        Endpoint    = $uri.GetLeftPart([UriPartial]::Authority)
        Port        = $uri.Port
        Region      = 'us-east-1'
        LogPath     = $Watched.LogPath
        Process     = $Watched.Process
        Scene       = $null
        Environment = $null
    }
    if (-not $NoEnvironment) { $server.Environment = Set-EcsTestEnvironment -Endpoint $server.Endpoint -Region $server.Region }
    $server
}

function Start-Moto {
    <#
    .SYNOPSIS
        Starts moto (python3 -m moto.server) on a free 127.0.0.1 port, keeps tasks RUNNING until StopTask, seeds the
        scene of tests/EcsTools.Tests/moto/seed.py and points the environment at it.
    .DESCRIPTION
        Returns the server as Start-LocalEcs does, with Kind 'moto' and Scene: what seed.py created (clusters 'ec2' with
        3 container instances and 'fargate'; task definitions web:1, web:2, multi:1, fargate-web:1; services checkout
        (EXTERNAL) and legacy; subnet and security group), e.g. $moto.Scene.ec2ClusterArn, $moto.Scene.containerInstanceArns.
        moto fills its instances and never says so (tests/EcsTools.Tests/moto/README.md, Placement): call Reset-Moto where a test needs room.
    #>
    [CmdletBinding()]
    param([switch] $NoEnvironment)
    for ($attempt = 1; ; $attempt++) {
        $port = Get-FreeLoopbackPort
        $watched = Start-WatchedProcess 'moto' @($script:Python, '-m', 'moto.server', '-H', '127.0.0.1', '-p', $port)
        $endpoint = "http://127.0.0.1:$port"
        try {
            $null = Wait-ServerReady $watched 'moto' -Timeout ([timespan]::FromSeconds(60)) -Probe {
                try {
                    $null = Invoke-RestMethod "$endpoint/moto-api/state-manager/get-transition?model_name=ecs::task" -TimeoutSec 2
                    $true
                }
                catch { $false }
            }
            break
        }
        catch {
            $inUse = (Get-Content -Raw -LiteralPath $watched.LogPath) -match 'Address already in use'
            if (-not $inUse -or $attempt -ge 3) {
                if ((Get-Content -Raw -LiteralPath $watched.LogPath) -match 'No module named') {
                    throw "moto's server is not installed for '$($script:Python)': python3 -m pip install 'moto[server]' boto3`n$_"
                }
                throw
            }
        }
    }
    $server = New-TestServer 'moto' $watched $endpoint -NoEnvironment:$NoEnvironment
    try { $null = Reset-Moto $server } catch { Stop-TestServer $server; throw }
    $server
}

function Reset-Moto {
    <#
    .SYNOPSIS
        Wipes moto's state, keeps tasks RUNNING until StopTask, seeds the scene again and stores it in $Server.Scene
        (ARNs change: read them again). Returns the scene.
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory, Position = 0)] [psobject] $Server)
    if ($Server.Kind -ne 'moto') { throw 'Reset-Moto takes the server Start-Moto returned.' }
    $null = Invoke-RestMethod -Method Post "$($Server.Endpoint)/moto-api/reset"
    $null = Invoke-RestMethod -Method Post "$($Server.Endpoint)/moto-api/state-manager/set-transition" -ContentType 'application/json' `
        -Body '{"model_name":"ecs::task","transition":{"progression":"manual","times":1000000}}'
    $startInfo = [Diagnostics.ProcessStartInfo]::new($script:Python)
    foreach ($argument in @($script:SeedScript, '--endpoint-url', $Server.Endpoint, '--region', $Server.Region)) { $startInfo.ArgumentList.Add($argument) }
    $startInfo.UseShellExecute = $false
    $startInfo.RedirectStandardOutput = $true
    $startInfo.RedirectStandardError = $true
    foreach ($name in $script:EnvironmentNames) { $null = $startInfo.Environment.Remove($name) }
    $startInfo.Environment['AWS_ACCESS_KEY_ID'] = 'test'
    $startInfo.Environment['AWS_SECRET_ACCESS_KEY'] = 'test'
    $startInfo.Environment['AWS_EC2_METADATA_DISABLED'] = 'true'
    $seed = [Diagnostics.Process]::Start($startInfo)
    $stderr = $seed.StandardError.ReadToEndAsync()
    $stdout = $seed.StandardOutput.ReadToEnd()
    $seed.WaitForExit()
    if ($seed.ExitCode -ne 0) {
        throw "seed.py exited with code $($seed.ExitCode) (boto3 missing? python3 -m pip install boto3):`n$($stderr.Result)"
    }
    $Server.Scene = $stdout | ConvertFrom-Json
    $Server.Scene
}

function Stop-TestServer {
    <#
    .SYNOPSIS
        Stops servers Start-LocalEcs or Start-Moto returned and puts back the environment they replaced. Null is ignored
        (so AfterAll works after a failed BeforeAll).
    #>
    [CmdletBinding()]
    param([Parameter(Position = 0, ValueFromPipeline)] [AllowNull()] [psobject[]] $Server)
    process {
        foreach ($s in $Server) {
            if ($null -eq $s) { continue }
            Stop-WatchedProcess $s.Process
            if ($s.Environment) { Restore-EcsTestEnvironment $s.Environment; $s.Environment = $null }
            if (-not $env:ECSTOOLS_TEST_KEEP_LOGS) { Remove-Item -LiteralPath $s.LogPath -ErrorAction Ignore }
        }
    }
}

function Invoke-ChildPwsh {
    <#
    .SYNOPSIS
        Runs a script in a fresh pwsh (the same pwsh 7.6.10 as the suite, -NoProfile -NonInteractive, stdin from
        nowhere, as CI runs) with this process's environment, and returns ExitCode, Output (stdout lines), Error
        (stderr text) and Text (stdout as one string). Output is redirected, so pwsh formats tables for 80 columns. -Command is a script text; -File a script path with -ArgumentList.
        The module is not imported for it: the script does that (Import-Module <Get-RepoPath 'out/EcsTools/EcsTools.psd1'>).
    #>
    [CmdletBinding(DefaultParameterSetName = 'Command')]
    param(
        [Parameter(Mandatory, ParameterSetName = 'Command', Position = 0)] [string] $Command,
        [Parameter(Mandatory, ParameterSetName = 'File')] [string] $File,
        [Parameter(ParameterSetName = 'File')] [string[]] $ArgumentList = @(),
        [string] $WorkingDirectory = (Get-Location).ProviderPath,
        [timespan] $Timeout = [timespan]::FromMinutes(3)
    )
    $host_ = [Environment]::ProcessPath
    # As a dotnet tool, pwsh runs as 'dotnet <PSHOME>/pwsh.dll'.
    [string[]] $arguments = if ([IO.Path]::GetFileNameWithoutExtension($host_) -eq 'dotnet') { Join-Path $PSHOME 'pwsh.dll' } else { @() }
    $startInfo = [Diagnostics.ProcessStartInfo]::new($host_)
    # -OutputFormat Text: with -EncodedCommand, pwsh would otherwise write the host, information and progress streams
    # to stderr as CLIXML (it takes the caller for another PowerShell).
    $arguments += @('-NoProfile', '-NonInteractive', '-NoLogo', '-OutputFormat', 'Text')
    if ($PSCmdlet.ParameterSetName -eq 'Command') {
        $arguments += @('-EncodedCommand', [Convert]::ToBase64String([Text.Encoding]::Unicode.GetBytes($Command)))
    }
    else {
        $arguments += @('-File', $File) + $ArgumentList
    }
    foreach ($argument in $arguments) { $startInfo.ArgumentList.Add($argument) }
    $startInfo.UseShellExecute = $false
    $startInfo.RedirectStandardInput = $true
    $startInfo.RedirectStandardOutput = $true
    $startInfo.RedirectStandardError = $true
    $startInfo.WorkingDirectory = $WorkingDirectory
    $startInfo.Environment['TERM'] = 'dumb'
    $startInfo.Environment['NO_COLOR'] = '1'
    $startInfo.Environment['POWERSHELL_TELEMETRY_OPTOUT'] = '1'
    $startInfo.Environment['POWERSHELL_UPDATECHECK'] = 'Off'
    $process = [Diagnostics.Process]::Start($startInfo)
    $process.StandardInput.Close()
    $stdout = $process.StandardOutput.ReadToEndAsync()
    $stderr = $process.StandardError.ReadToEndAsync()
    if (-not $process.WaitForExit([int]$Timeout.TotalMilliseconds)) {
        $process.Kill($true)
        throw "The child pwsh did not finish within $Timeout. Output so far:`n$($stdout.Result)"
    }
    $process.WaitForExit()
    $text = $stdout.Result -replace "`r`n", "`n"
    [pscustomobject]@{
        ExitCode = $process.ExitCode
        Output   = @($text.TrimEnd("`n") -split "`n")
        Text     = $text
        Error    = $stderr.Result
    }
}

function ConvertFrom-FormattedTable {
    <#
    .SYNOPSIS
        Reads the first table in the text of Format-Table | Out-String back into rows: one object a row, with a
        property per column header, each value trimmed. Columns come from the dashes under the headers, so assertions do
        not depend on column order or width. A line with at most one cell filled continues the row above (a wrapped
        cell, or one line per container): its cell is appended to that row's, after a line feed.
    .EXAMPLE
        $rows = ConvertFrom-FormattedTable ($tasks | Format-Table | Out-String -Width 120)
        ($rows | Where-Object TaskId -eq $task.TaskId).LastStatus | Should -Be 'STOPPED'
    #>
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param([Parameter(Mandatory, Position = 0)] [string] $Text)
    $lines = @($Text -replace "`r", '' -split "`n")
    $dashIndex = -1
    for ($i = 1; $i -lt $lines.Count; $i++) { if ($lines[$i] -match '^\s*-+(\s+-+)*\s*$') { $dashIndex = $i; break } }
    if ($dashIndex -lt 0) { throw "No table header (a line of dashes) in:`n$Text" }
    # Columns are the runs of positions where some line of the table has a character: the dashes are as wide as the
    # headers, not the columns, and right-aligned columns end where their dashes end.
    $end = $dashIndex + 1
    while ($end -lt $lines.Count -and $lines[$end].Trim()) { $end++ }
    $table = $lines[($dashIndex - 1)..($end - 1)]
    $width = ($table | Measure-Object -Property Length -Maximum).Maximum
    $columns = [System.Collections.Generic.List[hashtable]]::new()
    $start = -1
    for ($x = 0; $x -le $width; $x++) {
        $used = $x -lt $width -and @($table | Where-Object { $x -lt $_.Length -and $_[$x] -ne ' ' }).Count -gt 0
        if ($used -and $start -lt 0) { $start = $x }
        elseif (-not $used -and $start -ge 0) { $columns.Add(@{ Start = $start; End = $x }); $start = -1 }
    }
    $cell = { param([string] $Line, $Column)
        if ($Line.Length -le $Column.Start) { return '' }
        $Line.Substring($Column.Start, [math]::Min($Line.Length, $Column.End) - $Column.Start).Trim()
    }
    $names = foreach ($column in $columns) { & $cell $lines[$dashIndex - 1] $column }
    $rows = [System.Collections.Generic.List[object]]::new()
    for ($i = $dashIndex + 1; $i -lt $lines.Count -and $lines[$i].Trim(); $i++) {
        $values = foreach ($column in $columns) { & $cell $lines[$i] $column }
        if (@($values | Where-Object { $_ }).Count -le 1 -and $rows.Count -gt 0) {
            $previous = $rows[$rows.Count - 1]
            for ($c = 0; $c -lt $names.Count; $c++) { if ($values[$c]) { $previous[$names[$c]] = ($previous[$names[$c]], $values[$c] | Where-Object { $_ }) -join "`n" } }
            continue
        }
        $row = [ordered]@{}
        for ($c = 0; $c -lt $names.Count; $c++) { $row[$names[$c]] = $values[$c] }
        $rows.Add($row)
    }
    foreach ($row in $rows) { [pscustomobject]$row }
}

Export-ModuleMember -Function Get-RepoPath, ConvertFrom-FormattedTable, Import-EcsToolsModule, Set-EcsTestEnvironment, Restore-EcsTestEnvironment, Start-LocalEcs, Start-Moto, Reset-Moto, Stop-TestServer, Invoke-ChildPwsh
