using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Xml;

namespace EcsTools.Tests.Help;

/// <summary>Paths of the help fixture pages, read in place from the repository, and a scratch folder helper.</summary>
internal static class HelpFixtures
{
    public static string RepoRoot { get; } = typeof(HelpFixtures).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .First(a => a.Key == "RepoRoot").Value!;

    public static string Root { get; } = Path.Combine(RepoRoot, "tests", "EcsTools.Tests", "Help", "Fixtures");

    /// <summary>A consistent docs folder: module page, two cmdlet pages, one about topic.</summary>
    public static string ValidDocs { get; } = Path.Combine(Root, "Valid");

    public static string Valid(string fileName) => Path.Combine(ValidDocs, fileName);

    public static string Page(string fileName) => Path.Combine(Root, "Pages", fileName);

    public static string About(string fileName) => Path.Combine(Root, "About", fileName);

    public static string Malformed(string name) => Path.Combine(Root, "Malformed", name + ".md");

    /// <summary>A fresh folder under the temp directory, holding a copy of the valid docs when asked.</summary>
    public static string NewScratch(bool withValidDocs = false)
    {
        string dir = Path.Combine(Path.GetTempPath(), "ecstools-help-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        if (withValidDocs)
        {
            string docs = Path.Combine(dir, "docs");
            Directory.CreateDirectory(docs);
            foreach (string file in Directory.GetFiles(ValidDocs, "*.md"))
            {
                File.Copy(file, Path.Combine(docs, Path.GetFileName(file)));
            }
        }

        return dir;
    }

    public static void DeleteScratch(string dir)
    {
        try
        {
            Directory.Delete(dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>Namespaces for XPath over MAML: msh (the default one), maml, command, dev.</summary>
    public static XmlNamespaceManager MamlNamespaces(XmlDocument document)
    {
        var ns = new XmlNamespaceManager(document.NameTable);
        ns.AddNamespace("msh", "http://msh");
        ns.AddNamespace("maml", "http://schemas.microsoft.com/maml/2004/10");
        ns.AddNamespace("command", "http://schemas.microsoft.com/maml/dev/command/2004/10");
        ns.AddNamespace("dev", "http://schemas.microsoft.com/maml/dev/2004/10");
        return ns;
    }
}
