using System.Collections.Generic;

namespace EcsTools.Tour.Hosting;

/// <summary>One script to run: its path and arguments, the module to import first (if any), the table width, and a prelude run before it.</summary>
internal sealed record ScriptRun(string Script, IReadOnlyList<string> Arguments, string? ModuleManifest, int Width)
{
    /// <summary>PowerShell run in the global scope before the script (e.g. $PSDefaultParameterValues).</summary>
    public string? Prelude { get; init; }
}
