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
                InputMessages.InvalidStartedBy(TagInput.Show(startedBy), startTask, max),
                InputMessages.InvalidStartedByAction(max), TextValue.Shorten(startedBy));
        }
    }

    // \z, not $: $ also matches before a final newline, and ECS matches the whole string.
    [GeneratedRegex(@"^[A-Za-z0-9_/-]+\z")]
    private static partial Regex Allowed();
}
