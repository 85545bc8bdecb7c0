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
                    "-SecurityGroup and -AssignPublicIp configure an awsvpc network interface, which needs -Subnet.",
                    "Add -Subnet with at least one subnet id.");
            }

            return null;
        }

        if (subnets.Length > MaxSubnets)
        {
            throw new InputValidationException(ErrorIds.TooManySubnets, $"-Subnet has {subnets.Length} subnets; ECS takes at most {MaxSubnets}.",
                $"Pass at most {MaxSubnets} subnets of one VPC.");
        }

        if (securityGroups is { Length: > MaxSecurityGroups })
        {
            throw new InputValidationException(ErrorIds.TooManySecurityGroups,
                $"-SecurityGroup has {securityGroups.Length} groups; ECS takes at most {MaxSecurityGroups}.", $"Pass at most {MaxSecurityGroups} security groups.");
        }

        return new AwsVpcNetwork(subnets, securityGroups is { Length: > 0 } ? securityGroups : null, assignPublicIp);
    }
}
