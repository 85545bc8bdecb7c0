using System;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.Loader;

namespace EcsTools.Internal;

/// <summary>
/// Loads EcsTools.Engine and its AWSSDK.Core from the module's engine/ folder into a load context of their own, so that
/// another module's AWSSDK.Core (AWS.Tools ships 3.7.x or 4.0.x) can live in the same session, in either import order.
/// The module assembly itself stays in the default context, where PowerShell resolves the output types by name.
/// </summary>
internal sealed class EngineLoadContext : AssemblyLoadContext
{
    private const string EngineAssemblyName = "EcsTools.Engine";

    private static readonly string s_engineDirectory =
        Path.Combine(Path.GetDirectoryName(typeof(EngineLoadContext).Assembly.Location) ?? AppContext.BaseDirectory, "engine");

    private static readonly Lazy<EngineLoadContext> s_instance = new(() => new EngineLoadContext());

    private EngineLoadContext()
        : base(EngineAssemblyName)
    {
    }

    internal static string EngineDirectory => s_engineDirectory;

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

        // Everything the engine ships (AWSSDK.*, System.IO.Hashing, ...) comes from engine/; the framework from the default context.
        var path = Path.Combine(s_engineDirectory, assemblyName.Name + ".dll");
        return File.Exists(path) ? LoadFromAssemblyPath(path) : null;
    }

    private static Assembly? ResolveEngine(AssemblyLoadContext context, AssemblyName assemblyName) =>
        string.Equals(assemblyName.Name, EngineAssemblyName, StringComparison.Ordinal)
            ? Instance.LoadFromAssemblyName(assemblyName)
            : null;
}
