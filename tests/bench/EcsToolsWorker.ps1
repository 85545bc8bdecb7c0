#Requires -Version 7.4
<#
.SYNOPSIS
    The EcsTools side of the side-by-side benchmark (tests/bench/sidebyside.py starts it; see tests/bench/README.md).
.DESCRIPTION
    The endpoint, region and credentials come from the environment (AWS_ENDPOINT_URL_ECS, AWS_REGION, AWS_ACCESS_KEY_ID...),
    as they do for boto3 and the AWS CLI. Every mode prints one JSON object a line on stdout.

    probe     import and the first calls in this fresh process, step by step: time, CPU, working set, methods compiled
              by the JIT and bytes allocated after each step.
    warm      imports, warms up (-WarmupCalls, then until the JIT has settled: -SettleSeconds), prints 'ready', then answers each stdin line 'run N' with the cost of N more
              Start-EcsTask calls (wall, CPU and allocation of the whole process, and of the pipeline thread), and of N
              Write-Output calls in the same loop (what PowerShell itself costs a command); 'quit' ends.
              -StopEach stops each task at once (Start-EcsTask | Stop-EcsTask: two requests a call).
    thousand  starts -Count tasks (RunTask, 10 a request), waits until all are RUNNING and stops them, once per stdin line
              'run' (so the process is warm, as in a runbook that does it every hour).
    taskset   creates a task set (scale 100%) with -Wait and times it until it is written (STEADY_STATE), then deletes it
              (not timed); once per stdin line 'run'.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [ValidateSet('probe', 'warm', 'thousand', 'taskset')] [string] $Mode,
    [Parameter(Mandatory)] [string] $Module,
    [string] $Cluster = 'demo',
    [string] $TaskDefinition = 'fargate-web',
    [string] $Subnet = 'subnet-0a1b2c3d4e5f60718',
    [string] $Service = 'checkout',
    [string] $LaunchType = 'FARGATE',
    [int] $Count = 1000,
    [int] $WarmupCalls = 100,
    # warm: after the warm-up calls, more calls until three half-seconds of calls in a row make the JIT compile fewer than
    # 5 methods each (.NET's tiered compilation recompiles hot code for seconds after the first calls; boto3 has no JIT),
    # at most this long: a warm call is one of a session whose code has settled.
    [double] $SettleSeconds = 60,
    # warm: stop each task after starting it (moto keeps what EC2 tasks reserve on its few container instances).
    [switch] $StopEach
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0
$process = [Diagnostics.Process]::GetCurrentProcess()

function Get-Sample {
    $process.Refresh()
    [pscustomobject]@{
        Ticks     = [Diagnostics.Stopwatch]::GetTimestamp()
        Cpu       = $process.TotalProcessorTime.TotalMilliseconds
        WorkingSet = $process.WorkingSet64
        Jitted    = [System.Runtime.JitInfo]::GetCompiledMethodCount($false)
        Allocated = [GC]::GetTotalAllocatedBytes($true)
        Thread    = [GC]::GetAllocatedBytesForCurrentThread()
    }
}

function Get-Delta($From, $To) {
    [ordered]@{
        wall_ms       = [Diagnostics.Stopwatch]::GetElapsedTime($From.Ticks, $To.Ticks).TotalMilliseconds
        cpu_ms        = $To.Cpu - $From.Cpu
        jitted        = $To.Jitted - $From.Jitted
        alloc_bytes   = $To.Allocated - $From.Allocated
        thread_bytes  = $To.Thread - $From.Thread
        working_set   = $To.WorkingSet
    }
}

function Write-Result($Value) { [Console]::Out.WriteLine(($Value | ConvertTo-Json -Compress -Depth 4)); [Console]::Out.Flush() }

$network = if ($Subnet) { @{ Subnet = $Subnet } } else { @{} }
function Start-OneTask {
    $task = Start-EcsTask -TaskDefinition $TaskDefinition -Cluster $Cluster -LaunchType $LaunchType @network
    if ($StopEach) { $task | Stop-EcsTask } else { $task }
}

switch ($Mode) {
    'probe' {
        $start = Get-Sample
        Import-Module $Module
        $imported = Get-Sample
        $null = Start-OneTask
        $first = Get-Sample
        $null = Start-OneTask
        $second = Get-Sample
        Write-Result ([ordered]@{
                start  = [ordered]@{ working_set = $start.WorkingSet; jitted = $start.Jitted }
                import = Get-Delta $start $imported
                first  = Get-Delta $imported $first
                second = Get-Delta $first $second
            })
    }
    'warm' {
        Import-Module $Module
        for ($i = 0; $i -lt $WarmupCalls; $i++) { $null = Start-OneTask }
        # Settled: three half-seconds of calls in a row during which the JIT compiled fewer than 5 methods (the runtime waits
        # for a quiet 100 ms before it recompiles hot methods, so one short batch can look settled when it is not).
        $settling = [Diagnostics.Stopwatch]::StartNew()
        $quiet = 0
        while ($quiet -lt 3 -and $settling.Elapsed.TotalSeconds -lt $SettleSeconds) {
            $jitted = [System.Runtime.JitInfo]::GetCompiledMethodCount($false)
            $batch = [Diagnostics.Stopwatch]::StartNew()
            while ($batch.Elapsed.TotalSeconds -lt 0.5) { $null = Start-OneTask }
            $quiet = if ([System.Runtime.JitInfo]::GetCompiledMethodCount($false) - $jitted -lt 5) { $quiet + 1 } else { 0 }
        }
        [Console]::Error.WriteLine("warm: JIT settled after $([math]::Round($settling.Elapsed.TotalSeconds, 1)) s more of calls")
        [Console]::Out.WriteLine('ready'); [Console]::Out.Flush()
        # What any cmdlet costs in this same loop (PowerShell's own floor): Write-Output called the way Start-OneTask is.
        function Invoke-Floor { Write-Output $TaskDefinition }
        for ($i = 0; $i -lt $WarmupCalls; $i++) { $null = Invoke-Floor }
        while (($line = [Console]::In.ReadLine()) -and $line -ne 'quit') {
            $n = [int]($line -replace '^run\s+', '')
            $before = Get-Sample
            for ($i = 0; $i -lt $n; $i++) { $null = Start-OneTask }
            $after = Get-Sample
            for ($i = 0; $i -lt $n; $i++) { $null = Invoke-Floor }
            $floor = Get-Delta $after (Get-Sample)
            $delta = Get-Delta $before $after
            $delta['calls'] = $n
            $delta['jitted_total'] = $after.Jitted
            $delta['floor_cpu_ms'] = $floor.cpu_ms
            $delta['floor_alloc_bytes'] = $floor.alloc_bytes
            Write-Result $delta
        }
    }
    'thousand' {
        Import-Module $Module
        # The wait parameter of Start-EcsTask: -WaitUntil Running (or -Until, once the two share one name).
        $until = if ((Get-Command Start-EcsTask).Parameters.ContainsKey('WaitUntil')) { 'WaitUntil' } else { 'Until' }
        $wait = @{ $until = 'Running' }
        [Console]::Out.WriteLine('ready'); [Console]::Out.Flush()
        while (($line = [Console]::In.ReadLine()) -and $line -ne 'quit') {
            $before = Get-Sample
            $tasks = Start-EcsTask -TaskDefinition $TaskDefinition -Cluster $Cluster -LaunchType FARGATE -Subnet $Subnet -Count $Count @wait
            $running = Get-Sample
            $stopped = @($tasks | Stop-EcsTask)
            $after = Get-Sample
            if (@($tasks).Count -ne $Count -or $stopped.Count -ne $Count) { throw "Started $(@($tasks).Count) and stopped $($stopped.Count) of $Count tasks." }
            $delta = Get-Delta $before $after
            $delta['start_wait_ms'] = [Diagnostics.Stopwatch]::GetElapsedTime($before.Ticks, $running.Ticks).TotalMilliseconds
            Write-Result $delta
        }
    }
    'taskset' {
        Import-Module $Module
        [Console]::Out.WriteLine('ready'); [Console]::Out.Flush()
        while (($line = [Console]::In.ReadLine()) -and $line -ne 'quit') {
            $before = Get-Sample
            $set = New-EcsTaskSet -Cluster $Cluster -Service $Service -TaskDefinition $TaskDefinition -LaunchType FARGATE -Subnet $Subnet -Scale 100 -Wait
            $after = Get-Sample
            if ($set.StabilityStatus -ne 'STEADY_STATE') { throw "The task set is $($set.StabilityStatus)." }
            $delta = Get-Delta $before $after
            $delta['task_set'] = $set.TaskSetArn
            $null = $set | Remove-EcsTaskSet -IgnoreScale -Force
            Write-Result $delta
        }
    }
}
