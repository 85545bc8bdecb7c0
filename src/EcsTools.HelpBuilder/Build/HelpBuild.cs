using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace EcsTools.HelpBuilder;

/// <summary>
/// The build step: validates every page of a docs folder (cmdlet pages, the module page, about topics) and,
/// when all are valid, writes the MAML file and the about_*.help.txt topics.
/// </summary>
public static class HelpBuild
{
    /// <summary>Validates the docs folder and writes the help; writes nothing when any page is in error.</summary>
    public static HelpBuildResult Run(HelpBuildOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var diagnostics = new List<HelpDiagnostic>();
        var commands = new List<CommandHelpPage>();
        var abouts = new List<AboutTopicPage>();
        ModuleHelpPage? module = null;
        string modulePagePath = Path.GetFullPath(Path.Combine(options.DocsDirectory, options.ModuleName + ".md"));
        bool hasModulePage = false;

        foreach (string file in MarkdownFiles(options.DocsDirectory))
        {
            string name = Path.GetFileName(file);
            try
            {
                if (name.StartsWith("about_", StringComparison.OrdinalIgnoreCase))
                {
                    abouts.Add(MarkdownHelpParser.ParseAboutFile(file));
                }
                else if (name.Equals(options.ModuleName + ".md", StringComparison.OrdinalIgnoreCase))
                {
                    hasModulePage = true;
                    modulePagePath = file;
                    module = MarkdownHelpParser.ParseModuleFile(file);
                }
                else
                {
                    commands.Add(MarkdownHelpParser.ParseFile(file));
                }
            }
            catch (HelpFormatException e)
            {
                diagnostics.Add(e.ToDiagnostic());
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                diagnostics.Add(new HelpDiagnostic(file, 0, e.Message));
            }
        }

        CheckCommands(options, commands, diagnostics);
        CheckAbouts(abouts, diagnostics);
        if (module is not null)
        {
            CheckModulePage(options, module, commands, diagnostics);
        }
        else if (!hasModulePage && commands.Count > 0)
        {
            diagnostics.Add(new HelpDiagnostic(modulePagePath, 0, $"The module page is missing: platyPS's New-MarkdownHelp -WithModulePage writes it, listing every cmdlet page."));
        }

        var written = new List<string>();
        if (diagnostics.Count == 0)
        {
            string maml = Path.Combine(options.OutputDirectory, options.EffectiveHelpFileName);
            MamlWriter.WriteFile(maml, commands);
            written.Add(maml);
            foreach (AboutTopicPage about in abouts)
            {
                string text = Path.Combine(options.OutputDirectory, Path.GetFileNameWithoutExtension(about.FilePath) + ".help.txt");
                AboutTopicWriter.WriteFile(text, about);
                written.Add(text);
            }

            // An about page deleted from docs/ takes its topic with it.
            foreach (string stale in Directory.GetFiles(options.OutputDirectory, "about_*.help.txt")
                .Where(f => !written.Any(w => Path.GetFileName(w).Equals(Path.GetFileName(f), StringComparison.OrdinalIgnoreCase))))
            {
                File.Delete(stale);
            }
        }

        return new HelpBuildResult
        {
            Diagnostics = diagnostics,
            Commands = commands,
            AboutTopics = abouts,
            ModulePage = module,
            WrittenFiles = written,
        };
    }

    private static IEnumerable<string> MarkdownFiles(string docs) =>
        Directory.Exists(docs)
            ? Directory.GetFiles(Path.GetFullPath(docs), "*.md").Order(StringComparer.Ordinal)
            : [];

    private static void CheckCommands(HelpBuildOptions options, List<CommandHelpPage> commands, List<HelpDiagnostic> diagnostics)
    {
        var seen = new Dictionary<string, CommandHelpPage>(StringComparer.OrdinalIgnoreCase);
        foreach (CommandHelpPage page in commands)
        {
            string expectedFile = page.Name + ".md";
            if (!Path.GetFileName(page.FilePath).Equals(expectedFile, StringComparison.Ordinal))
            {
                diagnostics.Add(new HelpDiagnostic(page.FilePath, page.NameLine, $"The page of {page.Name} must be named {expectedFile}."));
            }

            if (!string.Equals(page.ExternalHelpFile, options.EffectiveHelpFileName, StringComparison.OrdinalIgnoreCase))
            {
                diagnostics.Add(new HelpDiagnostic(page.FilePath, LineOfKey(page.FilePath, "external help file"), $"'external help file' must be {options.EffectiveHelpFileName}, not '{page.ExternalHelpFile}'."));
            }

            if (!string.Equals(page.ModuleName, options.ModuleName, StringComparison.OrdinalIgnoreCase))
            {
                diagnostics.Add(new HelpDiagnostic(page.FilePath, LineOfKey(page.FilePath, "Module Name"), $"'Module Name' must be {options.ModuleName}, not '{page.ModuleName}'."));
            }

            if (!seen.TryAdd(page.Name, page))
            {
                diagnostics.Add(new HelpDiagnostic(page.FilePath, page.NameLine, $"{page.Name} is documented twice (also in {Path.GetFileName(seen[page.Name].FilePath)})."));
            }
        }
    }

    private static void CheckAbouts(List<AboutTopicPage> abouts, List<HelpDiagnostic> diagnostics)
    {
        foreach (AboutTopicPage about in abouts)
        {
            string stem = Path.GetFileNameWithoutExtension(about.FilePath);
            if (!about.TopicName.Equals(stem, StringComparison.OrdinalIgnoreCase))
            {
                diagnostics.Add(new HelpDiagnostic(about.FilePath, LineOfText(about.FilePath, about.TopicName), $"The topic name '{about.TopicName}' must match the file name '{stem}'."));
            }
        }
    }

    private static void CheckModulePage(HelpBuildOptions options, ModuleHelpPage module, List<CommandHelpPage> commands, List<HelpDiagnostic> diagnostics)
    {
        if (!module.ModuleName.Equals(options.ModuleName, StringComparison.OrdinalIgnoreCase))
        {
            diagnostics.Add(new HelpDiagnostic(module.FilePath, LineOfKey(module.FilePath, "Module Name"), $"'Module Name' must be {options.ModuleName}, not '{module.ModuleName}'."));
        }

        string docs = Path.GetDirectoryName(module.FilePath) ?? ".";
        var listed = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (ModuleCmdletEntry entry in module.Cmdlets)
        {
            if (!listed.Add(entry.Name))
            {
                diagnostics.Add(new HelpDiagnostic(module.FilePath, entry.Line, $"{entry.Name} is listed twice."));
                continue;
            }

            if (!entry.Link.Equals(entry.Name + ".md", StringComparison.Ordinal))
            {
                diagnostics.Add(new HelpDiagnostic(module.FilePath, entry.Line, $"The entry of {entry.Name} must link to {entry.Name}.md, not '{entry.Link}'."));
            }
            else if (!File.Exists(Path.Combine(docs, entry.Link)))
            {
                diagnostics.Add(new HelpDiagnostic(module.FilePath, entry.Line, $"{entry.Name} is listed but {entry.Link} does not exist."));
            }

            if (entry.Synopsis.Length == 0)
            {
                diagnostics.Add(new HelpDiagnostic(module.FilePath, entry.Line, $"The entry of {entry.Name} has no synopsis line."));
            }
        }

        int lastLine = module.Cmdlets.Count > 0 ? module.Cmdlets[^1].Line : LineOfText(module.FilePath, module.ModuleName + " Cmdlets");
        foreach (CommandHelpPage page in commands.Where(c => !listed.Contains(c.Name)))
        {
            diagnostics.Add(new HelpDiagnostic(module.FilePath, lastLine, $"{page.Name} ({Path.GetFileName(page.FilePath)}) is not listed under '## {module.ModuleName} Cmdlets'."));
        }
    }

    private static int LineOfKey(string path, string key) => LineOf(path, l => l.TrimStart().StartsWith(key + ":", StringComparison.OrdinalIgnoreCase));

    private static int LineOfText(string path, string text) => LineOf(path, l => l.Contains(text, StringComparison.OrdinalIgnoreCase));

    private static int LineOf(string path, Func<string, bool> match)
    {
        try
        {
            string[] lines = File.ReadAllLines(path);
            int index = Array.FindIndex(lines, l => match(l));
            return index < 0 ? 1 : index + 1;
        }
        catch (IOException)
        {
            return 0;
        }
    }
}
