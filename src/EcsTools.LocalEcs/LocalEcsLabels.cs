namespace EcsTools.LocalEcs;

/// <summary>
/// The names that script a task's behaviour in LocalEcs. Set them as <c>dockerLabels</c> of a container definition (so a
/// task definition registered over the wire can script itself), or per run as container override <c>environment</c>
/// entries with the matching <c>LOCALECS_*</c> names, which take precedence.
/// </summary>
public static class LocalEcsLabels
{
    /// <summary>How long the container stays RUNNING before it exits: <c>500ms</c>, <c>3s</c>, <c>2m</c>, or <c>forever</c> (the default: until StopTask).</summary>
    public const string RunFor = "localecs.runFor";

    /// <summary>The exit code the container exits with after <see cref="RunFor"/> (default 0).</summary>
    public const string ExitCode = "localecs.exitCode";

    /// <summary>A reason: the task never starts, and stops with stopCode TaskFailedToStart and this stoppedReason.</summary>
    public const string FailToStart = "localecs.failToStart";

    /// <summary>A duration after the task's creation from which DescribeTasks reports it as a MISSING failure.</summary>
    public const string MissingAfter = "localecs.missingAfter";

    /// <summary>Overrides the length of one lifecycle step for this task (and for the task sets that run it).</summary>
    public const string StepInterval = "localecs.stepInterval";

    /// <summary>The exit code a container reports when ECS stops it (StopTask, scale-in): 143 (SIGTERM, the default) or 137 (SIGKILL).</summary>
    public const string StopExitCode = "localecs.stopExitCode";

    /// <summary><c>never</c>: the tasks a task set or service launches stay PENDING, so it never reaches STEADY_STATE.</summary>
    public const string Stabilize = "localecs.stabilize";

    /// <summary>
    /// What the container prints, one line per line of the label; a line may start with <c>+duration </c> (e.g.
    /// <c>+2.5s done</c>): the time after the container started at which it is written (default: the previous line's).
    /// With an awslogs log configuration (awslogs-group, awslogs-stream-prefix) the lines are served by the CloudWatch
    /// Logs API (GetLogEvents, FilterLogEvents) in the stream <c>prefix/container/task-id</c>, as each is written; lines
    /// after the container has exited or was stopped are never written.
    /// </summary>
    public const string Output = "localecs.output";

    /// <summary>A count N: the container also prints N numbered lines of 100 characters, spread over its runFor (1 ms apart when it runs forever).</summary>
    public const string OutputLines = "localecs.outputLines";

    /// <summary>Container override environment name for <see cref="Output"/>.</summary>
    public const string OutputEnvironment = "LOCALECS_OUTPUT";

    /// <summary>Container override environment name for <see cref="OutputLines"/>.</summary>
    public const string OutputLinesEnvironment = "LOCALECS_OUTPUT_LINES";

    /// <summary>Container override environment name for <see cref="RunFor"/>.</summary>
    public const string RunForEnvironment = "LOCALECS_RUN_FOR";

    /// <summary>Container override environment name for <see cref="ExitCode"/>.</summary>
    public const string ExitCodeEnvironment = "LOCALECS_EXIT_CODE";

    /// <summary>Container override environment name for <see cref="FailToStart"/>.</summary>
    public const string FailToStartEnvironment = "LOCALECS_FAIL_TO_START";

    /// <summary>Container override environment name for <see cref="MissingAfter"/>.</summary>
    public const string MissingAfterEnvironment = "LOCALECS_MISSING_AFTER";

    /// <summary>Container override environment name for <see cref="StepInterval"/>.</summary>
    public const string StepIntervalEnvironment = "LOCALECS_STEP_INTERVAL";

    /// <summary>Container override environment name for <see cref="StopExitCode"/>.</summary>
    public const string StopExitCodeEnvironment = "LOCALECS_STOP_EXIT_CODE";
}
