using System.Text.RegularExpressions;
using EcsTools.Errors;

namespace EcsTools.Input;

/// <summary>startedBy: up to 128 characters for RunTask and 36 for StartTask, of letters, digits, '-', '_' and '/'.</summary>
internal static partial class StartedByRules
{
    public const int RunTaskMax = 128;
    public const int StartTaskMax = 36;

    public static void Validate(string? startedBy, bool startTask)
    {
        if (startedBy is null)
        {
            return;
        }

        var max = startTask ? StartTaskMax : RunTaskMax;
        if (startedBy.Length > max || !Allowed().IsMatch(startedBy))
        {
            throw new InputValidationException(ErrorIds.InvalidStartedBy,
                $"-StartedBy '{TagInput.Show(startedBy)}' is not valid for {(startTask ? "StartTask" : "RunTask")}: up to {max} letters, digits, hyphens, underscores and slashes.",
                $"Use at most {max} characters of A-Z, a-z, 0-9, '-', '_' and '/'.", TextValue.Shorten(startedBy));
        }
    }

    // \z, not $: $ also matches before a final newline, and ECS matches the whole string.
    [GeneratedRegex(@"^[A-Za-z0-9_/-]+\z")]
    private static partial Regex Allowed();
}
