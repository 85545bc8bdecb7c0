using System.Collections.Generic;
using System.Linq;
using EcsTools.Engine;
using EcsTools.Engine.Tasks;
using EcsTools.Errors;

namespace EcsTools.Input;

/// <summary>-CapacityProviderStrategy: hashtables or objects with CapacityProvider, Weight and Base, checked as ECS checks them.</summary>
internal static class CapacityProviderInput
{
    public const int MaxProviders = 20;
    public const int MaxWeight = 1000;
    public const int MaxBase = 100000;

    /// <summary>The strategy as records, read by the engine and checked here.</summary>
    public static List<CapacityProviderShare> ReadShares(object[]? items)
    {
        var given = (items ?? []).Where(i => i is not null).ToArray();
        List<CapacityProviderShare> strategy;
        try
        {
            strategy = [.. EcsInput.ReadCapacityProviderStrategy(
                StructuredInput.JsonAll(given, "CapacityProviderStrategy", ErrorIds.InvalidCapacityProviderStrategy)!, "CapacityProviderStrategy", ErrorIds.InvalidCapacityProviderStrategy)];
        }
        catch (EcsInputException e)
        {
            throw new InputValidationException(e.ErrorId!, e.Message, e.RecommendedAction!, e.ItemIndex is { } index ? given[index] : e.Target);
        }

        if (strategy.Count == 0)
        {
            throw new InputValidationException(ErrorIds.InvalidCapacityProviderStrategy, InputMessages.InvalidCapacityProviderStrategy,
                InputMessages.InvalidCapacityProviderStrategyAction);
        }

        if (strategy.Count > MaxProviders)
        {
            throw new InputValidationException(ErrorIds.TooManyCapacityProviders,
                InputMessages.TooManyCapacityProviders(strategy.Count), InputMessages.TooManyCapacityProvidersAction());
        }

        for (var index = 0; index < strategy.Count; index++)
        {
            var item = strategy[index];
            if (string.IsNullOrWhiteSpace(item.CapacityProvider))
            {
                throw new InputValidationException(ErrorIds.MissingCapacityProviderName, InputMessages.MissingCapacityProviderName,
                    InputMessages.MissingCapacityProviderNameAction, given[index]);
            }

            if (item.Weight is < 0 or > MaxWeight)
            {
                throw new InputValidationException(ErrorIds.InvalidCapacityProviderWeight,
                    InputMessages.InvalidCapacityProviderWeight(item.CapacityProvider, item.Weight),
                    InputMessages.InvalidCapacityProviderWeightAction(), item.CapacityProvider);
            }

            if (item.Base is < 0 or > MaxBase)
            {
                throw new InputValidationException(ErrorIds.InvalidCapacityProviderBase,
                    InputMessages.InvalidCapacityProviderBase(item.CapacityProvider, item.Base),
                    InputMessages.InvalidCapacityProviderBaseAction(), item.CapacityProvider);
            }
        }

        var duplicate = strategy.GroupBy(i => i.CapacityProvider).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InputValidationException(ErrorIds.DuplicateCapacityProvider,
                InputMessages.DuplicateCapacityProvider(duplicate.Key), InputMessages.DuplicateCapacityProviderAction, duplicate.Key);
        }

        if (strategy.Count(i => i.Base > 0) > 1)
        {
            throw new InputValidationException(ErrorIds.InvalidCapacityProviderBase,
                InputMessages.MoreThanOneBase, InputMessages.MoreThanOneBaseAction);
        }

        return strategy;
    }

    public static string Describe(IEnumerable<CapacityProviderShare> strategy) => string.Join(", ", strategy);

}
