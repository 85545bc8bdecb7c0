# Smoke test of the packaged module: build.ps1 Package runs it with ECSTOOLS_TEST_MODULE set to the versioned folder
# (artifacts/EcsTools/<version>), in a fresh pwsh, so that the module comes from there and nowhere else.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../TestSupport.psm1') -Force
    $packaged = $env:ECSTOOLS_TEST_MODULE
    if (-not $packaged) { throw 'ECSTOOLS_TEST_MODULE is not set: run this file through build.ps1 Package.' }
    $module = Import-EcsToolsModule -Path $packaged
    $ecs = Start-LocalEcs
}
AfterAll { Stop-TestServer $ecs }

Describe 'The packaged module' {
    It 'is imported from the versioned folder, whose name is its version' {
        $module.ModuleBase | Should -Be (Resolve-Path $packaged).Path
        Split-Path $module.ModuleBase -Leaf | Should -Be $module.Version.ToString()
        (Get-Command Start-EcsTask).Module.ModuleBase | Should -Be $module.ModuleBase
    }

    It 'ships its engine, format views and help, and no debug symbols' {
        Join-Path $module.ModuleBase 'engine/EcsTools.Engine.dll' | Should -Exist
        Join-Path $module.ModuleBase 'engine/AWSSDK.Core.dll' | Should -Exist
        Join-Path $module.ModuleBase 'EcsTools.Format.ps1xml' | Should -Exist
        Join-Path $module.ModuleBase 'en-US/EcsTools.dll-Help.xml' | Should -Exist
        @(Get-ChildItem $module.ModuleBase -Recurse -Filter *.pdb).Count | Should -Be 0
        (Get-Help Start-EcsTask).Synopsis | Should -Match 'Starts'
    }

    It 'ships ReadyToRun images per platform in the format of each .NET (net8.0 older than net10.0), not one set twice' {
        # READYTORUN_HEADER: Signature 'RTR', then MajorVersion: each .NET major reads only images of its own format.
        function Get-ReadyToRunMajor([string] $Path) {
            $reader = [Reflection.PortableExecutable.PEReader]::new([IO.File]::OpenRead($Path))
            try {
                [byte[]] $bytes = @($reader.GetSectionData($reader.PEHeaders.CorHeader.ManagedNativeHeaderDirectory.RelativeVirtualAddress).GetContent(0, 6))
                [BitConverter]::ToUInt32($bytes, 0) | Should -Be 0x00525452 -Because "$Path is a ReadyToRun image"
                [BitConverter]::ToUInt16($bytes, 4)
            }
            finally { $reader.Dispose() }
        }
        $platforms = @(Get-ChildItem (Join-Path $module.ModuleBase 'engine') -Directory)
        $platforms.Count | Should -BeGreaterThan 0
        foreach ($platform in $platforms) {
            $net8 = Get-ReadyToRunMajor (Join-Path $platform.FullName 'net8.0/EcsTools.Engine.dll')
            $net10 = Get-ReadyToRunMajor (Join-Path $platform.FullName 'net10.0/EcsTools.Engine.dll')
            $net10 | Should -BeGreaterThan $net8 -Because "$($platform.Name)/net10.0 holds images made for .NET 10"
            Get-ReadyToRunMajor (Join-Path $platform.FullName 'net10.0/AWSSDK.Core.dll') | Should -Be $net10
            Get-ReadyToRunMajor (Join-Path $platform.FullName 'net8.0/AWSSDK.Core.dll') | Should -Be $net8
        }
    }

    It 'runs a task to completion against LocalEcs and formats it' {
        $task = Start-EcsTask -Cluster demo -TaskDefinition batch -LaunchType EC2 -Wait
        $task.LastStatus | Should -Be 'STOPPED'
        $task.Containers.ExitCode | Should -Be 0
        $table = $task | Format-Table | Out-String -Width 120
        $table | Should -Match ([regex]::Escape($task.TaskId))
    }
}
