# What the module is built for, checked on what it ships: the manifest says PowerShell 7.4 (Core), which runs on .NET 8;
# so every assembly must target .NET 8 or lower, compile against no System.Management.Automation newer than 7.4, and
# reference no framework assembly newer than .NET 8 that it does not ship itself. The suite itself runs on 7.6.10.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSupport.psm1') -Force
    $module = Import-EcsToolsModule

    # Target framework and assembly references of each shipped assembly, read from its metadata (never loaded).
    $assemblies = foreach ($file in Get-ChildItem -LiteralPath $module.ModuleBase -Recurse -Filter *.dll) {
        $stream = [IO.File]::OpenRead($file.FullName)
        try {
            $pe = [Reflection.PortableExecutable.PEReader]::new($stream)
            $md = [Reflection.Metadata.PEReaderExtensions]::GetMetadataReader($pe)
            $framework = foreach ($handle in $md.CustomAttributes) {
                $attribute = $md.GetCustomAttribute($handle)
                if ($attribute.Constructor.Kind -ne 'MemberReference') { continue }
                $parent = $md.GetMemberReference($attribute.Constructor).Parent
                if ($parent.Kind -ne 'TypeReference' -or $md.GetString($md.GetTypeReference($parent).Name) -ne 'TargetFrameworkAttribute') { continue }
                $blob = $md.GetBlobReader($attribute.Value)
                $null = $blob.ReadUInt16()
                $blob.ReadSerializedString()
            }
            [pscustomobject]@{
                Name       = $file.BaseName
                Framework  = @($framework)[0]
                References = @(foreach ($handle in $md.AssemblyReferences) {
                        $reference = $md.GetAssemblyReference($handle)
                        [pscustomobject]@{ Name = $md.GetString($reference.Name); Version = $reference.Version }
                    })
            }
        }
        finally { $stream.Dispose() }
    }
}

Describe 'Compatibility with PowerShell 7.4' {
    It 'the manifest asks for PowerShell 7.4 Core' {
        $manifest = Test-ModuleManifest (Join-Path $module.ModuleBase 'EcsTools.psd1')
        $manifest.PowerShellVersion | Should -Be ([version]'7.4')
        $manifest.CompatiblePSEditions | Should -Be @('Core')
    }

    It 'every shipped assembly targets .NET 8 or .NET Standard' {
        $assemblies.Count | Should -BeGreaterThan 2
        foreach ($assembly in $assemblies) {
            $assembly.Framework | Should -Match '^\.NET(CoreApp,Version=v8\.0|Standard,Version=v2\.[01])$' -Because "$($assembly.Name) must run on the .NET 8 of PowerShell 7.4"
        }
    }

    It 'the module compiles against PowerShell Standard, not a newer System.Management.Automation' {
        $sma = ($assemblies | Where-Object Name -eq 'EcsTools').References | Where-Object Name -eq 'System.Management.Automation'
        $sma.Version | Should -BeLessOrEqual ([version]'7.4.0.0')
        $assemblies | Where-Object Name -ne 'EcsTools' | ForEach-Object References | Where-Object Name -eq 'System.Management.Automation' | Should -BeNullOrEmpty
    }

    It 'references no framework assembly newer than .NET 8 that it does not ship' {
        $shipped = $assemblies.Name
        $newer = foreach ($assembly in $assemblies) {
            foreach ($reference in $assembly.References) {
                if ($reference.Name -in $shipped -or $reference.Name -eq 'System.Management.Automation') { continue }
                if ($reference.Version.Major -gt 8) { "$($assembly.Name) -> $($reference.Name) $($reference.Version)" }
            }
        }
        $newer | Should -BeNullOrEmpty
    }

    It 'is tested here on PowerShell 7.6.10' {
        $PSVersionTable.PSVersion | Should -Be ([version]'7.6.10')
    }
}
