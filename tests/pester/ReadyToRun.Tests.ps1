# The packaged layout (build.ps1 Package): ReadyToRun images of the engine and AWSSDK in engine/<rid>/net<N>.0/ are what
# the module loads on their platform and .NET version, and their code is used (far fewer methods compiled by the JIT);
# without them the IL build in engine/ is loaded and works the same. The images are made here for this platform only.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    $ecs = Start-LocalEcs

    $os = if ($IsWindows) { 'win' } elseif ($IsMacOS) { 'osx' } else { 'linux' }
    $rid = '{0}-{1}' -f $os, [Runtime.InteropServices.RuntimeInformation]::ProcessArchitecture.ToString().ToLowerInvariant()
    $framework = if ([Environment]::Version.Major -ge 10) { 'net10.0' } else { 'net8.0' }
    $module = Join-Path $TestDrive 'EcsTools'
    Copy-Item (Get-RepoPath 'out/EcsTools') $module -Recurse
    Get-ChildItem (Join-Path $module 'engine') -Directory | Remove-Item -Recurse -Force
    $publish = Join-Path $TestDrive 'publish'
    [string[]] $net10 = if ($framework -eq 'net10.0') { '-p:EcsToolsImagesForNet10=true' } else { @() }
    $log = & dotnet publish (Get-RepoPath 'src/EcsTools.Engine/EcsTools.Engine.csproj') -c Release -r $rid --self-contained false `
        '-p:PublishReadyToRun=true' @net10 -o $publish --nologo 2>&1 | Out-String
    if ($LASTEXITCODE -ne 0) { throw "dotnet publish failed:`n$log" }
    $images = Join-Path $module "engine/$rid/$framework"
    New-Item -ItemType Directory -Path $images | Out-Null
    Copy-Item (Join-Path $publish '*.dll') $images

    function Invoke-StartInChild {
        # No call counting: no method is compiled again at a higher tier in the background, so the count is only what
        # the first call needed, whatever the machine's load (tier-up recompiles made the gap vary by hundreds).
        $env:DOTNET_TC_CallCounting = '0'
        try { $result = Invoke-ChildPwsh @"
Import-Module '$module/EcsTools.psd1' -ErrorAction Stop
`$task = Start-EcsTask web -Cluster demo -LaunchType EC2 -ErrorAction Stop
'task=' + `$task.TaskArn
`$engine = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { `$_.GetName().Name -eq 'EcsTools.Engine' }
`$sdk = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { `$_.GetName().Name -eq 'AWSSDK.Core' -and [Runtime.Loader.AssemblyLoadContext]::GetLoadContext(`$_).Name -eq 'EcsTools.Engine' }
'engine=' + `$engine.Location
'sdk=' + `$sdk.Location
'jitted=' + [System.Runtime.JitInfo]::GetCompiledMethodCount(`$false)
"@ }
        finally { Remove-Item Env:DOTNET_TC_CallCounting }
        $result.ExitCode | Should -Be 0 -Because $result.Error
        $values = @{}
        foreach ($line in $result.Output) { if ($line -match '^(\w+)=(.*)$') { $values[$Matches[1]] = $Matches[2] } }
        $values
    }
}
AfterAll { Stop-TestServer $ecs }

Describe 'ReadyToRun images' {
    It 'are ReadyToRun images of the same assemblies as the IL build' {
        foreach ($name in 'EcsTools.Engine.dll', 'AWSSDK.Core.dll') {
            $reader = [Reflection.PortableExecutable.PEReader]::new([IO.File]::OpenRead((Join-Path $images $name)))
            try { $reader.PEHeaders.CorHeader.ManagedNativeHeaderDirectory.Size | Should -BeGreaterThan 0 -Because "$name is precompiled" }
            finally { $reader.Dispose() }
            ([Reflection.AssemblyName]::GetAssemblyName((Join-Path $images $name))).FullName |
                Should -Be ([Reflection.AssemblyName]::GetAssemblyName((Join-Path $module "engine/$name"))).FullName
        }
    }

    It 'carry generic code over framework types for the engine and AWSSDK (compiled with crossgen2 non-local generics)' {
        # READYTORUN_HEADER: Signature 'RTR', MajorVersion, MinorVersion, then the core header's Flags. Flag 0x80
        # (READYTORUN_FLAG_UNRELATED_R2R_CODE) marks an image that holds code for instantiations owned by other modules
        # (async state machine boxes, System.Text.Json's converters of nullable values), which the runtime then looks up there.
        foreach ($name in 'EcsTools.Engine.dll', 'AWSSDK.Core.dll') {
            $reader = [Reflection.PortableExecutable.PEReader]::new([IO.File]::OpenRead((Join-Path $images $name)))
            try {
                $header = $reader.GetSectionData($reader.PEHeaders.CorHeader.ManagedNativeHeaderDirectory.RelativeVirtualAddress)
                [byte[]] $bytes = @($header.GetContent(0, 12))
                [BitConverter]::ToUInt32($bytes, 0) | Should -Be 0x00525452 -Because "$name has a ReadyToRun header"
                [BitConverter]::ToUInt32($bytes, 8) -band 0x80 | Should -Be 0x80 -Because "$name holds code for other modules' generics"
            }
            finally { $reader.Dispose() }
        }
    }

    It 'are loaded for this platform and .NET version, start a task, and spare the JIT the engine and AWSSDK' {
        $precompiled = Invoke-StartInChild
        $precompiled.task | Should -Match '^arn:aws:ecs:us-east-1:\d{12}:task/demo/[0-9a-f]{32}$'
        $precompiled.engine | Should -Be (Join-Path $images 'EcsTools.Engine.dll')
        $precompiled.sdk | Should -Be (Join-Path $images 'AWSSDK.Core.dll')

        Remove-Item (Join-Path $module "engine/$rid") -Recurse -Force
        $il = Invoke-StartInChild
        $il.task | Should -Match '^arn:aws:ecs:us-east-1:\d{12}:task/demo/[0-9a-f]{32}$'
        $il.engine | Should -Be (Join-Path $module 'engine/EcsTools.Engine.dll')
        $il.sdk | Should -Be (Join-Path $module 'engine/AWSSDK.Core.dll')
        # Without tier-up recompiles, about 1,700 fewer methods on .NET 10 (Start-EcsTask's first call, 8,904 against 7,164 on
        # 2026-12-06; 700 fewer before the images held generic code over framework types): the runtime took the images'
        # code. What stays is PowerShell's own code, the module assembly (IL), and generic code that only the framework
        # instantiates (HttpClient's async state machines, System.Text.Json's converter internals).
        [int]$precompiled.jitted | Should -BeLessThan ([int]$il.jitted - 1200)
    }
}
