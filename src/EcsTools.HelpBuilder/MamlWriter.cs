using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace EcsTools.HelpBuilder;

/// <summary>
/// Writes cmdlet pages as the MAML PowerShell's Get-Help reads (<c>Module.dll-Help.xml</c>), in the shape
/// platyPS's New-ExternalHelp produces.
/// </summary>
public static class MamlWriter
{
    /// <summary>The default namespace of <c>helpItems</c>.</summary>
    public const string MshNamespace = "http://msh";

    /// <summary>The <c>maml:</c> namespace.</summary>
    public const string MamlNamespace = "http://schemas.microsoft.com/maml/2004/10";

    /// <summary>The <c>command:</c> namespace.</summary>
    public const string CommandNamespace = "http://schemas.microsoft.com/maml/dev/command/2004/10";

    /// <summary>The <c>dev:</c> namespace.</summary>
    public const string DevNamespace = "http://schemas.microsoft.com/maml/dev/2004/10";

    /// <summary>The <c>MSHelp:</c> namespace.</summary>
    public const string MSHelpNamespace = "http://msdn.microsoft.com/mshelp";

    private const string OnlineVersionLinkText = "Online Version:";

    private static readonly XNamespace s_msh = MshNamespace;
    private static readonly XNamespace s_maml = MamlNamespace;
    private static readonly XNamespace s_command = CommandNamespace;
    private static readonly XNamespace s_dev = DevNamespace;

    /// <summary>The MAML document for the pages, commands sorted by name.</summary>
    public static XDocument CreateDocument(IEnumerable<CommandHelpPage> pages)
    {
        ArgumentNullException.ThrowIfNull(pages);
        return new XDocument(
            new XDeclaration("1.0", "utf-8", null),
            new XElement(
                s_msh + "helpItems",
                new XAttribute("schema", "maml"),
                pages.OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase).Select(Command)));
    }

    /// <summary>The MAML as text (UTF-8 declaration, two-space indentation, LF line endings).</summary>
    public static string WriteString(IEnumerable<CommandHelpPage> pages) =>
        Encoding.UTF8.GetString(Serialize(CreateDocument(pages)));

    /// <summary>Writes the MAML file (UTF-8 without BOM), creating its directory.</summary>
    public static void WriteFile(string path, IEnumerable<CommandHelpPage> pages)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        byte[] bytes = Serialize(CreateDocument(pages));
        string? directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        File.WriteAllBytes(path, bytes);
    }

    private static byte[] Serialize(XDocument document)
    {
        var settings = new XmlWriterSettings
        {
            Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            Indent = true,
            IndentChars = "  ",
            NewLineChars = "\n",
            NewLineHandling = NewLineHandling.Replace,
        };
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, settings))
        {
            document.Save(writer);
        }

        stream.WriteByte((byte)'\n');
        return stream.ToArray();
    }

    private static XElement Command(CommandHelpPage page) =>
        new(
            s_command + "command",
            new XAttribute(XNamespace.Xmlns + "maml", MamlNamespace),
            new XAttribute(XNamespace.Xmlns + "command", CommandNamespace),
            new XAttribute(XNamespace.Xmlns + "dev", DevNamespace),
            new XAttribute(XNamespace.Xmlns + "MSHelp", MSHelpNamespace),
            new XElement(
                s_command + "details",
                new XElement(s_command + "name", page.Name),
                new XElement(s_command + "verb", page.Verb),
                new XElement(s_command + "noun", page.Noun),
                Description(page.SynopsisParagraphs)),
            Description(page.DescriptionParagraphs),
            new XElement(s_command + "syntax", SyntaxItems(page)),
            // One entry per parameter: what is true across its sets (a page has a yaml block per set, MAML no room for them).
            new XElement(s_command + "parameters", page.Parameters.Select(p => Parameter(p, p.AcrossSets, inSyntax: false))),
            new XElement(s_command + "inputTypes", page.Inputs.Select(t => TypeEntry("inputType", t))),
            new XElement(s_command + "returnValues", page.Outputs.Select(t => TypeEntry("returnValue", t))),
            new XElement(s_maml + "alertSet", new XElement(s_maml + "alert", Paragraphs(page.NotesParagraphs))),
            new XElement(s_command + "examples", page.Examples.Select(Example)),
            new XElement(s_command + "relatedLinks", Links(page)));

    private static IEnumerable<XElement> SyntaxItems(CommandHelpPage page)
    {
        if (page.Syntax.Count == 0)
        {
            yield return new XElement(
                s_command + "syntaxItem",
                new XElement(s_maml + "name", page.Name),
                page.Parameters.Select(p => Parameter(p, p.AcrossSets, inSyntax: true)));
            yield break;
        }

        foreach (SyntaxBlock syntax in page.Syntax)
        {
            yield return new XElement(
                s_command + "syntaxItem",
                new XElement(s_maml + "name", page.Name),
                page.ParametersInSet(syntax.ParameterSetName)
                    .Select(p => Parameter(p, p.MetadataFor(syntax.ParameterSetName)!, inSyntax: true)));
        }
    }

    private static XElement Parameter(ParameterHelp parameter, ParameterSetHelp metadata, bool inSyntax)
    {
        bool isSwitch = parameter.IsSwitch;
        string type = isSwitch ? "SwitchParameter" : parameter.Type;
        return new XElement(
            s_command + "parameter",
            new XAttribute("required", Bool(metadata.Required)),
            new XAttribute("variableLength", "true"),
            new XAttribute("globbing", Bool(metadata.AcceptWildcardCharacters)),
            new XAttribute("pipelineInput", metadata.AcceptPipelineInput.Text),
            new XAttribute("position", metadata.Position.ToLowerInvariant()),
            new XAttribute("aliases", parameter.Aliases.Count > 0 ? string.Join(", ", parameter.Aliases) : "none"),
            new XElement(s_maml + "name", parameter.Name),
            Description(parameter.DescriptionParagraphs),
            inSyntax && parameter.AcceptedValues.Count > 0
                ? new XElement(
                    s_command + "parameterValueGroup",
                    parameter.AcceptedValues.Select(v => new XElement(
                        s_command + "parameterValue",
                        new XAttribute("required", "false"),
                        new XAttribute(s_command + "variableLength", "false"),
                        v)))
                : null,
            // Like platyPS: the syntax shows a switch without a value.
            !inSyntax || !isSwitch
                ? new XElement(
                    s_command + "parameterValue",
                    new XAttribute("required", Bool(!isSwitch)),
                    new XAttribute("variableLength", "false"),
                    type)
                : null,
            new XElement(s_dev + "type", new XElement(s_maml + "name", type), new XElement(s_maml + "uri")),
            new XElement(s_dev + "defaultValue", metadata.DefaultValue ?? (isSwitch ? "False" : "None")));
    }

    private static XElement TypeEntry(string element, TypeHelp type) =>
        new(
            s_command + element,
            new XElement(s_dev + "type", new XElement(s_maml + "name", type.TypeName)),
            Description(type.DescriptionParagraphs));

    private static XElement Example(CommandExample example) =>
        new(
            s_command + "example",
            new XElement(s_maml + "title", PadExampleTitle(example.Title)),
            new XElement(s_dev + "code", example.Code),
            // platyPS drops the text before the code (PowerShell/platyPS#553); keep it, ahead of the remarks.
            new XElement(s_dev + "remarks", Paragraphs(example.IntroductionParagraphs.Concat(example.RemarksParagraphs))));

    private static IEnumerable<XElement> Links(CommandHelpPage page)
    {
        var links = page.RelatedLinks.ToList();
        string? online = page.OnlineVersion;
        if (online is not null && !links.Any(l => l.Uri.Equals(online, StringComparison.OrdinalIgnoreCase)))
        {
            links.Insert(0, new RelatedLink(OnlineVersionLinkText, online));
        }

        // Get-Help trips over a maml:uri that is not a URI: relative links (Get-EcsTask.md) keep only their text.
        return links.Select(l => new XElement(
            s_maml + "navigationLink",
            new XElement(s_maml + "linkText", l.Text),
            new XElement(s_maml + "uri", l.IsAbsolute ? l.Uri : string.Empty)));
    }

    /// <summary>platyPS centres example titles in dashes, 64 columns wide.</summary>
    private static string PadExampleTitle(string title)
    {
        if (string.IsNullOrWhiteSpace(title) || title.Length >= 62)
        {
            return title;
        }

        string dashes = new('-', (64 - title.Length - 2) / 2);
        return dashes + " " + title + " " + dashes;
    }

    private static XElement Description(IEnumerable<string> paragraphs) =>
        new(s_maml + "description", Paragraphs(paragraphs));

    private static IEnumerable<XElement> Paragraphs(IEnumerable<string> paragraphs) =>
        paragraphs.Select(p => new XElement(s_maml + "para", p));

    private static string Bool(bool value) => value ? "true" : "false";
}
