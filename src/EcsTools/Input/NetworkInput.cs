using System.Linq;
using EcsTools.Engine;
using EcsTools.Engine.Tasks;
using EcsTools.Errors;

namespace EcsTools.Input;

/// <summary>-Subnet, -SecurityGroup and -AssignPublicIp become the awsvpc network configuration.</summary>
internal static class NetworkInput
{
    public const int MaxSubnets = 16;
    public const int MaxSecurityGroups = 5;

    public static AwsVpcNetwork? Read(string[]? subnets, string[]? securityGroups, bool assignPublicIp)
    {
        subnets = subnets?.Where(s => !string.IsNullOrWhiteSpace(s)).ToArray();
        securityGroups = securityGroups?.Where(s => !string.IsNullOrWhiteSpace(s)).ToArray();
        if (subnets is not { Length: > 0 })
        {
            if (securityGroups is { Length: > 0 } || assignPublicIp)
            {
                throw new InputValidationException(ErrorIds.SubnetRequired,
                    InputMessages.SubnetRequired,
                    InputMessages.SubnetRequiredAction);
            }

            return null;
        }

        if (subnets.Length > MaxSubnets)
        {
            throw new InputValidationException(ErrorIds.TooManySubnets, InputMessages.TooManySubnets(subnets.Length),
                InputMessages.TooManySubnetsAction());
        }

        if (securityGroups is { Length: > MaxSecurityGroups })
        {
            throw new InputValidationException(ErrorIds.TooManySecurityGroups,
                InputMessages.TooManySecurityGroups(securityGroups.Length), InputMessages.TooManySecurityGroupsAction());
        }

        return new AwsVpcNetwork(subnets, securityGroups is { Length: > 0 } ? securityGroups : null, assignPublicIp);
    }
}
