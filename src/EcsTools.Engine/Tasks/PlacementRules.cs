using System;
using System.Collections.Generic;
using EcsTools.Engine.Model;

namespace EcsTools.Engine.Tasks;

/// <summary>
/// The placement types ECS knows, checked before RunTask is sent: a type is matched in any case and sent as ECS spells it
/// (ECS refuses <c>memberof</c>); <c>memberOf</c> needs an expression and <c>distinctInstance</c> takes none,
/// <c>spread</c> and <c>binpack</c> need a field, and
/// <c>binpack</c>'s field is <c>cpu</c> or <c>memory</c>. What the expression or a spread field means is left to ECS.
/// </summary>
internal static class PlacementRules
{
    private static readonly string[] s_constraintTypes = ["distinctInstance", "memberOf"];
    private static readonly string[] s_strategyTypes = ["random", "spread", "binpack"];
    private static readonly string[] s_binpackFields = ["cpu", "memory"];

    public static void Check(List<PlacementConstraint>? constraints)
    {
        for (var i = 0; i < (constraints?.Count ?? 0); i++)
        {
            var constraint = constraints![i];
            constraint.Type = Known(constraint.Type, s_constraintTypes)
                ?? throw Refused(ErrorIds.InvalidPlacementConstraint, i, InputMessages.UnknownPlacementConstraintType(i, constraint.Type), InputMessages.PlacementConstraintAction);
            if (constraint.Type == "memberOf" && string.IsNullOrWhiteSpace(constraint.Expression))
            {
                throw Refused(ErrorIds.InvalidPlacementConstraint, i, InputMessages.MemberOfWithoutExpression(i), InputMessages.PlacementConstraintAction);
            }

            if (constraint.Type == "distinctInstance" && constraint.Expression is not null)
            {
                throw Refused(ErrorIds.InvalidPlacementConstraint, i, InputMessages.DistinctInstanceWithExpression(i), InputMessages.PlacementConstraintAction);
            }
        }
    }

    public static void Check(List<PlacementStrategy>? strategy)
    {
        for (var i = 0; i < (strategy?.Count ?? 0); i++)
        {
            var rule = strategy![i];
            rule.Type = Known(rule.Type, s_strategyTypes)
                ?? throw Refused(ErrorIds.InvalidPlacementStrategy, i, InputMessages.UnknownPlacementStrategyType(i, rule.Type), InputMessages.PlacementStrategyAction);
            if (rule.Type != "random" && string.IsNullOrWhiteSpace(rule.Field))
            {
                throw Refused(ErrorIds.InvalidPlacementStrategy, i, InputMessages.PlacementStrategyWithoutField(i, rule.Type), InputMessages.PlacementStrategyAction);
            }

            if (rule.Type == "binpack")
            {
                rule.Field = Known(rule.Field, s_binpackFields)
                    ?? throw Refused(ErrorIds.InvalidPlacementStrategy, i, InputMessages.UnknownBinpackField(i, rule.Field!), InputMessages.PlacementStrategyAction);
            }
        }
    }

    private static string? Known(string? value, string[] known) =>
        value is null ? null : Array.Find(known, k => string.Equals(k, value.Trim(), StringComparison.OrdinalIgnoreCase));

    private static EcsInputException Refused(string errorId, int index, string message, string action) =>
        new(errorId, message, action) { ItemIndex = index };
}
