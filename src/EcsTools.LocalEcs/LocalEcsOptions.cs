using System;

namespace EcsTools.LocalEcs;

/// <summary>Options of a <see cref="LocalEcsServer"/>.</summary>
public sealed class LocalEcsOptions
{
    /// <summary>The loopback port to listen on; 0 (the default) picks a free one.</summary>
    public int Port { get; set; }

    /// <summary>The length of one task lifecycle step (PROVISIONING to PENDING, and so on). Default 1 second.</summary>
    public TimeSpan StepInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The clock task lifecycles are computed from. Default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// How long after it is written a log line (or a new stream) reaches the Logs API (CloudWatch ingests awslogs lines with a delay).
    /// Default zero: at once.
    /// </summary>
    public TimeSpan LogIngestionDelay { get; set; }

    /// <summary>
    /// An extra ingestion delay for single lines, by their text (null: none): such a line reaches the Logs API after lines
    /// written later, as CloudWatch sometimes delivers them. FilterLogEvents then returns it under its own timestamp.
    /// </summary>
    public Func<string, TimeSpan>? LogLineDelay { get; set; }

    /// <summary>The account in every ARN. Default 123456789012.</summary>
    public string AccountId { get; set; } = "123456789012";

    /// <summary>The region of requests without a SigV4 credential scope, and of <see cref="LocalEcsServer.Scene"/>. Default us-east-1.</summary>
    public string DefaultRegion { get; set; } = "us-east-1";

    /// <summary>
    /// Seeds each region's state, e.g. <see cref="LocalEcsScenes.Demo"/>: the default region when the server starts (and
    /// after <see cref="LocalEcsServer.Reset"/>), any other region on its first request. Null: regions start empty.
    /// </summary>
    public Action<LocalEcsScene>? Scene { get; set; }

    /// <summary>Seeds the random source of ids, addresses and placement, for reproducible runs. Null: unseeded.</summary>
    public int? RandomSeed { get; set; }
}
