using System;
using System.Collections.Generic;
using System.Linq;

namespace EcsTools.HelpBuilder.Parsing;

/// <summary>Agreement between a page's SYNTAX and PARAMETERS sections.</summary>
internal static class CommandPageChecks
{
    public static void Check(PageSource page, CommandHelpPage result)
    {
        bool implicitSet = result.Syntax.Count == 1
            && result.Syntax[0].ParameterSetName == ParameterSetHelp.AllParameterSets;
        foreach (ParameterHelp parameter in result.Parameters)
        {
            foreach (ParameterSetHelp metadata in parameter.Metadata.Where(m => !m.IsAllParameterSets))
            {
                string? unknown = metadata.ParameterSets.FirstOrDefault(s => !result.Syntax.Any(
                    x => x.ParameterSetName.Equals(s, StringComparison.OrdinalIgnoreCase)));
                if (unknown is not null)
                {
                    throw page.Error(metadata.Line, implicitSet
                        ? $"-{parameter.Name} names the parameter set '{unknown}', but SYNTAX has a single syntax without a parameter set heading: write (All)."
                        : $"-{parameter.Name} names the parameter set '{unknown}', but SYNTAX has no '### {unknown}' heading.");
                }
            }
        }

        foreach (SyntaxBlock syntax in result.Syntax)
        {
            var documented = result.Parameters
                .Where(p => implicitSet || p.MetadataFor(syntax.ParameterSetName) is not null)
                .Select(p => p.Name)
                .ToList();
            var missing = syntax.ParameterNames.Except(documented, StringComparer.OrdinalIgnoreCase).ToList();
            var extra = documented.Except(syntax.ParameterNames, StringComparer.OrdinalIgnoreCase).ToList();
            if (missing.Count > 0 || extra.Count > 0)
            {
                var parts = new List<string>();
                if (missing.Count > 0)
                {
                    parts.Add("the syntax shows " + Names(missing) + ", which PARAMETERS does not give to this set");
                }

                if (extra.Count > 0)
                {
                    parts.Add("PARAMETERS puts " + Names(extra) + " in this set, which the syntax does not show");
                }

                throw page.Error(syntax.Line, $"SYNTAX and PARAMETERS disagree on parameter set '{syntax.ParameterSetName}': {string.Join("; ", parts)}.");
            }

            if (syntax.HasCommonParameters != result.SupportsCommonParameters)
            {
                throw page.Error(syntax.Line, result.SupportsCommonParameters
                    ? $"PARAMETERS has '### CommonParameters' but the syntax of '{syntax.ParameterSetName}' lacks [<CommonParameters>]."
                    : $"The syntax of '{syntax.ParameterSetName}' shows [<CommonParameters>] but PARAMETERS has no '### CommonParameters' entry.");
            }
        }
    }

    private static string Names(IEnumerable<string> names) => string.Join(", ", names.Select(n => "-" + n));
}
