using System;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Loader;

namespace EcsTools.Internal;

/// <summary>
/// Loads EcsTools.Engine and its AWSSDK.Core from the module's engine/ folder into a load context of their own, so that
/// another module's AWSSDK.Core (AWS.Tools ships 3.7.x or 4.0.x) can live in the same session, in either import order.
/// The module assembly itself stays in the default context, where PowerShell resolves the output types by name.
/// A packaged module also carries ReadyToRun (precompiled) copies of the same assemblies in engine/&lt;platform&gt;/
/// (linux-x64, win-x64, osx-arm64, ...): they are loaded when the folder for this process's OS and architecture has the
/// engine, and the IL build in engine/ otherwise, assembly by assembly.
/// </summary>
internal sealed class EngineLoadContext : AssemblyLoadContext
{
    private const string EngineAssemblyName = "EcsTools.Engine";

    private static readonly string s_ilDirectory =
        Path.Combine(Path.GetDirectoryName(typeof(EngineLoadContext).Assembly.Location) ?? AppContext.BaseDirectory, "engine");

    private static readonly string s_engineDirectory = SelectEngineDirectory(s_ilDirectory, CurrentPlatform);

    private static readonly Lazy<EngineLoadContext> s_instance = new(() => new EngineLoadContext());

    private EngineLoadContext()
        : base(EngineAssemblyName)
    {
    }

    /// <summary>The folder the engine is loaded from: engine/&lt;platform&gt; (ReadyToRun) or engine/ (IL).</summary>
    internal static string EngineDirectory => s_engineDirectory;

    /// <summary>This process's platform as the package names its ReadyToRun folders (os-arch), or null for one it has none for.</summary>
    internal static string? CurrentPlatform
    {
        get
        {
            var os = OperatingSystem.IsLinux() ? "linux"
                : OperatingSystem.IsWindows() ? "win"
                : OperatingSystem.IsMacOS() ? "osx"
                : null;
            var architecture = RuntimeInformation.ProcessArchitecture switch
            {
                Architecture.X64 => "x64",
                Architecture.Arm64 => "arm64",
                Architecture.X86 => "x86",
                _ => null,
            };
            return os is null || architecture is null ? null : os + "-" + architecture;
        }
    }

    internal static EngineLoadContext Instance => s_instance.Value;

    // Runs when the module assembly is loaded, before any type that touches the engine can be resolved.
    [ModuleInitializer]
    [SuppressMessage("Usage", "CA2255:The 'ModuleInitializer' attribute should not be used in libraries",
        Justification = "The resolver must be in place before PowerShell reflects over the cmdlets.")]
    internal static void RegisterResolver() => Default.Resolving += ResolveEngine;

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        if (assemblyName.Name is null)
        {
            return null;
        }

        // Everything the engine ships (AWSSDK.*, System.IO.Hashing, ...) comes from engine/ (its precompiled copy for this
        // platform when there is one); the framework from the default context.
        var fileName = assemblyName.Name + ".dll";
        var path = Path.Combine(s_engineDirectory, fileName);
        if (!File.Exists(path))
        {
            path = Path.Combine(s_ilDirectory, fileName);
        }

        return File.Exists(path) ? LoadFromAssemblyPath(path) : null;
    }

    // engine/<platform> when it holds the engine (a packaged module), engine/ otherwise (a build, or a platform without images).
    internal static string SelectEngineDirectory(string ilDirectory, string? platform)
    {
        if (platform is not null)
        {
            var precompiled = Path.Combine(ilDirectory, platform);
            if (File.Exists(Path.Combine(precompiled, EngineAssemblyName + ".dll")))
            {
                return precompiled;
            }
        }

        return ilDirectory;
    }

    private static Assembly? ResolveEngine(AssemblyLoadContext context, AssemblyName assemblyName) =>
        string.Equals(assemblyName.Name, EngineAssemblyName, StringComparison.Ordinal)
            ? Instance.LoadFromAssemblyName(assemblyName)
            : null;
}
