namespace EcsTools.HelpBuilder;

/// <summary>A fenced code block of an example.</summary>
/// <param name="Language">The fence's info string (<c>powershell</c>, <c>Output</c>), empty when none.</param>
/// <param name="Text">The code.</param>
public sealed record ExampleCodeBlock(string Language, string Text);
