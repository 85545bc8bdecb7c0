using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Text;

namespace EcsTools.HelpBuilder.Update;

/// <summary>
/// A cmdlet as its platyPS page must describe it, read from Get-Command's metadata the way platyPS's New-MarkdownHelp
/// and Update-MarkdownHelp -AlphabeticParamsOrder read it: the parameter sets in the engine's order, each set's
/// parameters in the engine's display order, the common parameters left to <c>[&lt;CommonParameters&gt;]</c>.
/// </summary>
public sealed class DocsCommandMetadata
{
    /// <summary>What platyPS names the parameter set of a command that declares none.</summary>
    public const string AllParameterSets = "(All)";

    /// <summary>platyPS wraps syntax lines at this width (GitHub shows it without a scroll bar).</summary>
    public const int SyntaxWidth = 110;

    // platyPS puts these last, in this order, after the alphabetical ones (its issue 142).
    private static readonly string[] s_lastParameters = ["Confirm", "WhatIf", "IncludeTotalCount", "Skip", "First"];

    private DocsCommandMetadata(CmdletInfo command, List<(string Name, bool IsDefault, List<CommandParameterInfo> Parameters)> sets,
        List<DocsParameterMetadata> parameters)
    {
        Command = command;
        Sets = sets;
        Parameters = parameters;
    }

    public CmdletInfo Command { get; }

    public string Name => Command.Name;

    /// <summary>The parameter sets in the engine's order, each with its parameters (common ones left out) in display order.</summary>
    public IReadOnlyList<(string Name, bool IsDefault, List<CommandParameterInfo> Parameters)> Sets { get; }

    /// <summary>Whether the command has a single parameter set: its SYNTAX has one block without a heading.</summary>
    public bool IsSingleSet => Sets.Count == 1;

    /// <summary>The parameters in the order of the PARAMETERS section.</summary>
    public IReadOnlyList<DocsParameterMetadata> Parameters { get; }

    /// <summary>The names of the [OutputType] types.</summary>
    public IReadOnlyList<string> OutputTypes => Command.OutputType.Select(t => t.Name).Distinct(StringComparer.Ordinal).ToList();

    public static bool IsCommonParameter(string name) => Cmdlet.CommonParameters.Contains(name, StringComparer.OrdinalIgnoreCase);

    public static DocsCommandMetadata From(CmdletInfo command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var sets = command.ParameterSets
            .Select(s => (Name: command.ParameterSets.Count == 1 ? AllParameterSets : s.Name,
                IsDefault: s.IsDefault || command.ParameterSets.Count == 1,
                Parameters: s.Parameters.Where(p => !IsCommonParameter(p.Name)).ToList()))
            .ToList();
        var names = sets.SelectMany(s => s.Parameters).Select(p => p.Name).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var parameters = names
            .OrderBy(n => Array.FindIndex(s_lastParameters, l => l.Equals(n, StringComparison.OrdinalIgnoreCase)) is var i && i >= 0 ? i + 1 : 0)
            .ThenBy(n => n, StringComparer.OrdinalIgnoreCase)
            .Select(n => Parameter(command, sets, n))
            .ToList();
        return new DocsCommandMetadata(command, sets, parameters);
    }

    /// <summary>The type as platyPS's GetTypeString writes it.</summary>
    public static string TypeString(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return underlying.Name;
        }

        return type.IsGenericType ? type.ToString() : type.Name;
    }

    /// <summary>The pipeline input as platyPS writes it.</summary>
    public static string PipelineInput(bool byValue, bool byPropertyName) => (byValue, byPropertyName) switch
    {
        (true, true) => "True (ByPropertyName, ByValue)",
        (true, false) => "True (ByValue)",
        (false, true) => "True (ByPropertyName)",
        _ => "False",
    };

    /// <summary>The syntax of a parameter set as platyPS writes it, wrapped at <see cref="SyntaxWidth"/>.</summary>
    public string Syntax(string setName)
    {
        var set = Sets.Single(s => s.Name == setName);
        var parts = set.Parameters.Select(p =>
        {
            if (p.ParameterType == typeof(SwitchParameter))
            {
                return $"[-{p.Name}]";
            }

            var name = p.Position >= 0 ? $"[-{p.Name}]" : $"-{p.Name}";
            var text = $"{name} <{TypeString(p.ParameterType)}>";
            return p.IsMandatory ? text : $"[{text}]";
        }).Append("[<CommonParameters>]");
        var sb = new StringBuilder(Name);
        var lineStart = 0;
        foreach (var part in parts)
        {
            if (sb.Length - lineStart + part.Length > SyntaxWidth)
            {
                sb.Append('\n');
                lineStart = sb.Length;
            }

            sb.Append(' ').Append(part);
        }

        return sb.ToString();
    }

    private static DocsParameterMetadata Parameter(CmdletInfo command, List<(string Name, bool IsDefault, List<CommandParameterInfo> Parameters)> sets, string name)
    {
        var occurrences = sets
            .Select(s => (Set: s.Name, Info: s.Parameters.FirstOrDefault(p => p.Name.Equals(name, StringComparison.OrdinalIgnoreCase))))
            .Where(o => o.Info is not null)
            .Select(o => (o.Set, Info: o.Info!))
            .ToList();
        var first = occurrences[0].Info;
        var blocks = new List<DocsParameterBlock>();
        foreach (var (set, info) in occurrences)
        {
            var block = new DocsParameterBlock([set], info.IsMandatory, info.Position >= 0 ? info.Position.ToString(System.Globalization.CultureInfo.InvariantCulture) : "Named",
                PipelineInput(info.ValueFromPipeline, info.ValueFromPipelineByPropertyName));
            var same = blocks.FindIndex(b => b.Required == block.Required && b.Position == block.Position && b.PipelineInput == block.PipelineInput);
            if (same >= 0)
            {
                blocks[same] = blocks[same] with { ParameterSets = [.. blocks[same].ParameterSets, set] };
            }
            else
            {
                blocks.Add(block);
            }
        }

        // (All): the command has one set, or this block covers every set.
        blocks = blocks.Select(b => sets.Count == 1 || b.ParameterSets.Count == sets.Count ? b with { ParameterSets = [AllParameterSets] } : b).ToList();
        var type = first.ParameterType;
        var accepted = first.Attributes.OfType<ValidateSetAttribute>().SelectMany(v => v.ValidValues).ToList();
        var enumType = Nullable.GetUnderlyingType(type) ?? (type.IsArray ? type.GetElementType()! : type);
        if (accepted.Count == 0 && enumType.IsEnum)
        {
            accepted = [.. Enum.GetNames(enumType)];
        }

        var property = command.ImplementingType?.GetProperty(first.Name);
        return new DocsParameterMetadata
        {
            Name = first.Name,
            Type = TypeString(type),
            IsSwitch = first.ParameterType == typeof(SwitchParameter),
            Aliases = [.. first.Aliases],
            AcceptedValues = accepted,
            SupportsWildcards = first.Attributes.OfType<SupportsWildcardsAttribute>().Any(),
            IsShared = property?.DeclaringType?.FullName == "EcsTools.EcsCmdlet",
            Blocks = blocks,
        };
    }
}
