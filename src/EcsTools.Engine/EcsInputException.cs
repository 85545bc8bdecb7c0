using System;

namespace EcsTools.Engine;

/// <summary>A user-supplied structure (a hashtable or object given to a parameter) does not fit the ECS shape it stands for.</summary>
public sealed class EcsInputException : Exception
{
    public EcsInputException()
    {
    }

    public EcsInputException(string message)
        : base(message)
    {
    }

    public EcsInputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
