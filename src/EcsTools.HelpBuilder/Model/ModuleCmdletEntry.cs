namespace EcsTools.HelpBuilder;

/// <summary>A <c>### [Name](Name.md)</c> entry of the module page, with its one-line synopsis.</summary>
/// <param name="Name">The link text: the command name.</param>
/// <param name="Link">The link target: the command's page.</param>
/// <param name="Synopsis">The text under the heading.</param>
/// <param name="Line">1-based line of the heading.</param>
public sealed record ModuleCmdletEntry(string Name, string Link, string Synopsis, int Line);
