using System.IO;
using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace EcsTools.Tour.Hosting;

/// <summary>
/// The session state of the tour host: the engine's defaults plus the modules pwsh users take for granted
/// (Microsoft.PowerShell.Utility: Select-Object, Sort-Object, Format-Table, ConvertTo-Json, Write-Host...;
/// Microsoft.PowerShell.Management: Get-ChildItem, Remove-Item, Start-Process...), imported by path from the
/// Microsoft.PowerShell.SDK's $PSHOME so that a PSModulePath inherited from another pwsh cannot bring its own copies.
/// The SDK's other modules (Security, Host) load on first use, as in pwsh.
/// </summary>
internal static class EngineState
{
    public static readonly string[] ImportedModules = ["Microsoft.PowerShell.Utility", "Microsoft.PowerShell.Management"];

    /// <summary>$PSHOME of the hosted engine: the SDK puts System.Management.Automation.dll and Modules/ there.</summary>
    public static string PSHome { get; } = Path.GetDirectoryName(typeof(PSObject).Assembly.Location) ?? ".";

    /// <exception cref="FileNotFoundException">A module of the SDK is not where the build puts it.</exception>
    public static InitialSessionState Create()
    {
        var state = InitialSessionState.CreateDefault2();
        foreach (var module in ImportedModules)
        {
            // The engine skips a module path that does not exist without a word: a broken build of the host, said here
            // rather than as "Select-Object is not recognized" in the middle of a script.
            var manifest = Path.Combine(PSHome, "Modules", module, module + ".psd1");
            if (!File.Exists(manifest))
            {
                throw new FileNotFoundException($"{manifest} is missing: the host's build is incomplete (dotnet build src/EcsTools.Tour).", manifest);
            }

            state.ImportPSModule(manifest);
        }

        state.ThrowOnRunspaceOpenError = true;
        return state;
    }
}
