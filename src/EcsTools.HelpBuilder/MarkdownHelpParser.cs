using System;
using System.IO;
using EcsTools.HelpBuilder.Parsing;

namespace EcsTools.HelpBuilder;

/// <summary>
/// Parses platyPS markdown help: cmdlet pages (schema 2.0.0), the module page and about topics.
/// A page that does not follow the schema throws <see cref="HelpFormatException"/> with its file and line.
/// </summary>
public static class MarkdownHelpParser
{
    /// <summary>Reads and parses a cmdlet page.</summary>
    public static CommandHelpPage ParseFile(string path) => ParseCommandPage(ReadAll(path), path);

    /// <summary>Parses a cmdlet page; <paramref name="path"/> names it in errors.</summary>
    public static CommandHelpPage ParseCommandPage(string text, string path) => CommandPageReader.Read(text, path);

    /// <summary>Reads and parses the module page.</summary>
    public static ModuleHelpPage ParseModuleFile(string path) => ParseModulePage(ReadAll(path), path);

    /// <summary>Parses the module page.</summary>
    public static ModuleHelpPage ParseModulePage(string text, string path) => ModulePageReader.Read(text, path);

    /// <summary>Reads and parses an about topic page.</summary>
    public static AboutTopicPage ParseAboutFile(string path) => ParseAboutPage(ReadAll(path), path);

    /// <summary>Parses an about topic page.</summary>
    public static AboutTopicPage ParseAboutPage(string text, string path) => AboutPageReader.Read(text, path);

    private static string ReadAll(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return File.ReadAllText(path);
    }
}
