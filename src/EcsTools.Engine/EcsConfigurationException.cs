using System;

namespace EcsTools.Engine;

/// <summary>No region, no credentials, a missing profile or a bad endpoint: nothing can be sent until the caller fixes it.</summary>
public sealed class EcsConfigurationException : Exception
{
    public EcsConfigurationException()
    {
        Setting = "";
        RecommendedAction = "";
    }

    public EcsConfigurationException(string message)
        : base(message)
    {
        Setting = "";
        RecommendedAction = "";
    }

    public EcsConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Setting = "";
        RecommendedAction = "";
    }

    public EcsConfigurationException(string setting, string message, string recommendedAction, Exception? innerException = null)
        : base(message, innerException)
    {
        Setting = setting;
        RecommendedAction = recommendedAction;
    }

    /// <summary>
    /// What is wrong: Region (none found), RegionName (not a region name), Credentials, Profile (not found), ProfileName
    /// (not a profile name), ProfileFile (not a readable regular file), ProfileFileSize (too large), Endpoint, or Configuration.
    /// </summary>
    public string Setting { get; }

    public string RecommendedAction { get; }
}
