using System;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.IO;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Loader;

namespace EcsTools.Loading;

/// <summary>
/// Loads EcsTools.Engine and its AWSSDK.Core from the module's engine/ folder into a load context of their own, so that
/// another module's AWSSDK.Core (AWS.Tools ships 3.7.x or 4.0.x) can live in the same session, in either import order.
/// The module assembly itself stays in the default context, where PowerShell resolves the output types by name.
/// A packaged module also carries ReadyToRun (precompiled) copies of the same assemblies in engine/&lt;platform&gt;/net&lt;N&gt;.0/
/// (linux-x64, win-x64, osx-arm64; net8.0 for pwsh 7.4, net10.0 for pwsh 7.6): they are loaded when there is a set for this
/// process's OS, architecture and .NET version, and the IL build in engine/ otherwise, assembly by assembly.
/// </summary>
internal sealed class EngineLoadContext : AssemblyLoadContext
{
    private const string EngineAssemblyName = "EcsTools.Engine";

    private static readonly string s_ilDirectory =
        Path.Combine(Path.GetDirectoryName(typeof(EngineLoadContext).Assembly.Location) ?? AppContext.BaseDirectory, "engine");

    // The folder the engine is loaded from: engine/<platform>/net<N>.0 (ReadyToRun) or engine/ (IL).
    private static readonly string s_engineDirectory = ChooseEngineDirectory();

    private static readonly Lazy<EngineLoadContext> s_instance = new(() => new EngineLoadContext());

    private EngineLoadContext()
        : base(EngineAssemblyName)
    {
    }

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

    private static string ChooseEngineDirectory()
    {
        var directory = SelectEngineDirectory(s_ilDirectory, CurrentPlatform, Environment.Version.Major);
        // An image made for another OS does not load at all (BadImageFormatException), unlike one for another .NET, whose
        // code is only ignored: take images only when their PE machine is the one of this runtime's own precompiled CoreLib.
        var coreLibrary = typeof(object).Assembly.Location;
        return ReferenceEquals(directory, s_ilDirectory) || coreLibrary.Length == 0
            || PeMachine(Path.Combine(directory, EngineAssemblyName + ".dll")) == PeMachine(coreLibrary)
            ? directory
            : s_ilDirectory;
    }

    private static int PeMachine(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            using var reader = new BinaryReader(stream);
            stream.Position = 0x3C;
            stream.Position = reader.ReadInt32() + 4;
            return reader.ReadUInt16();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or EndOfStreamException or ArgumentOutOfRangeException)
        {
            return -1;
        }
    }

    // engine/<platform>/net<N>.0 with the highest N this runtime can take when it holds the engine (a packaged module), engine/
    // otherwise (a build, or a platform without images). Each .NET major version reads only ReadyToRun images of its own format
    // (.NET 10 ignores the code of images made for .NET 8), hence one set per runtime; an image the runtime does not take is
    // still loaded, as IL, so the choice can cost speed but never correctness.
    internal static string SelectEngineDirectory(string ilDirectory, string? platform, int runtimeMajor)
    {
        var platformDirectory = platform is null ? null : Path.Combine(ilDirectory, platform);
        if (platformDirectory is null || !Directory.Exists(platformDirectory))
        {
            return ilDirectory;
        }

        string? best = null;
        var bestMajor = 0;
        foreach (var directory in Directory.EnumerateDirectories(platformDirectory, "net*.0"))
        {
            var name = Path.GetFileName(directory);
            if (int.TryParse(name.AsSpan(3, name.Length - 5), NumberStyles.None, CultureInfo.InvariantCulture, out var major)
                && major <= runtimeMajor && major > bestMajor
                && File.Exists(Path.Combine(directory, EngineAssemblyName + ".dll")))
            {
                best = directory;
                bestMajor = major;
            }
        }

        return best ?? ilDirectory;
    }

    private static Assembly? ResolveEngine(AssemblyLoadContext context, AssemblyName assemblyName) =>
        string.Equals(assemblyName.Name, EngineAssemblyName, StringComparison.Ordinal)
            ? Instance.LoadFromAssemblyName(assemblyName)
            : null;
}
