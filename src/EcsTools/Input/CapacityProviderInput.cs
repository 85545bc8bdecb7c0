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
                StructuredInput.JsonAll(given, "CapacityProviderStrategy", ErrorIds.InvalidCapacityProviderStrategy)!, "CapacityProviderStrategy", "InvalidCapacityProviderStrategy")];
        }
        catch (EcsInputException e)
        {
            throw new InputValidationException(e.ErrorId!, e.Message, e.RecommendedAction!, e.ItemIndex is { } index ? given[index] : e.Target);
        }

        if (strategy.Count == 0)
        {
            throw new InputValidationException(ErrorIds.InvalidCapacityProviderStrategy, "-CapacityProviderStrategy is empty.",
                "Pass at least one provider, e.g. @{CapacityProvider='FARGATE'; Weight=1}, or leave the parameter out to use the cluster's default strategy.");
        }

        if (strategy.Count > MaxProviders)
        {
            throw new InputValidationException(ErrorIds.TooManyCapacityProviders,
                $"-CapacityProviderStrategy has {strategy.Count} providers; ECS allows at most {MaxProviders}.", $"Pass at most {MaxProviders} providers.");
        }

        for (var index = 0; index < strategy.Count; index++)
        {
            var item = strategy[index];
            if (string.IsNullOrWhiteSpace(item.CapacityProvider))
            {
                throw new InputValidationException(ErrorIds.MissingCapacityProviderName, "-CapacityProviderStrategy: an item has no CapacityProvider.",
                    "Give every item a CapacityProvider name, e.g. @{CapacityProvider='FARGATE_SPOT'; Weight=3}.", given[index]);
            }

            if (item.Weight is < 0 or > MaxWeight)
            {
                throw new InputValidationException(ErrorIds.InvalidCapacityProviderWeight,
                    $"-CapacityProviderStrategy: the weight of '{item.CapacityProvider}' is {item.Weight}; it must be from 0 to {MaxWeight}.",
                    $"Use a weight from 0 to {MaxWeight}.", item.CapacityProvider);
            }

            if (item.Base is < 0 or > MaxBase)
            {
                throw new InputValidationException(ErrorIds.InvalidCapacityProviderBase,
                    $"-CapacityProviderStrategy: the base of '{item.CapacityProvider}' is {item.Base}; it must be from 0 to {MaxBase}.",
                    $"Use a base from 0 to {MaxBase}.", item.CapacityProvider);
            }
        }

        var duplicate = strategy.GroupBy(i => i.CapacityProvider).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InputValidationException(ErrorIds.DuplicateCapacityProvider,
                $"-CapacityProviderStrategy names '{duplicate.Key}' more than once.", "Name each capacity provider once.", duplicate.Key);
        }

        if (strategy.Count(i => i.Base > 0) > 1)
        {
            throw new InputValidationException(ErrorIds.InvalidCapacityProviderBase,
                "-CapacityProviderStrategy: only one capacity provider in a strategy can have a base.", "Give a base to one provider only.");
        }

        return strategy;
    }

    public static string Describe(IEnumerable<CapacityProviderShare> strategy) => string.Join(", ", strategy);

}
