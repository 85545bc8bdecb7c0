namespace EcsTools.Completion;

/// <summary>One value a completer can offer: the short name typed, the ARN (completed instead when the word starts with "arn:"), a tooltip.</summary>
internal sealed record CompletionItem(string Name, string? Arn = null, string? ToolTip = null);
