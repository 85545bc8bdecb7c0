using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using EcsTools.Completion;
using EcsTools.Engine;
using EcsTools.Engine.Tasks;
using EcsTools.Engine.Waiting;
using EcsTools.Errors;
using EcsTools.Input;
using EcsTools.Session;
using EcsTools.Waiting;

namespace EcsTools;

/// <summary>
/// Base of every EcsTools cmdlet: the credential, region and endpoint parameters, one connection resolved up front
/// (a missing region or credentials is one terminating error, not one per input), and the one bridge from the
/// pipeline thread to the engine's async calls, cancelled by Ctrl+C.
/// </summary>
public abstract class EcsCmdlet : PSCmdlet, IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private EcsConnection? _connection;
    private bool? _verboseAsDebug;
    private bool? _verboseWanted;
    private bool? _warningAsDebug;

    /// <summary>The AWS region, e.g. us-east-1.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(RegionCompleter))]
    public string? Region { get; set; }

    /// <summary>A profile in the shared AWS config and credentials files.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [Alias("StoredCredentials", "AWSProfileName")]
    [ArgumentCompleter(typeof(ProfileNameCompleter))]
    public string? ProfileName { get; set; }

    /// <summary>A credentials file to read profiles from instead of ~/.aws/credentials.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [Alias("AWSProfilesLocation", "ProfilesLocation")]
    public string? ProfileLocation { get; set; }

    /// <summary>Send requests to this endpoint instead of the region's ECS endpoint (e.g. a local ECS).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? EndpointUrl { get; set; }

    /// <summary>
    /// How long one request may wait for ECS to answer, in seconds or as a TimeSpan (default 30 seconds). A call that times
    /// out is retried when that is safe (up to 3 attempts in all, AWS_MAX_ATTEMPTS). Set a session default with
    /// $PSDefaultParameterValues['*-Ecs*:RequestTimeout'].
    /// </summary>
    [Parameter]
    [TimeSpanArgument]
    public TimeSpan? RequestTimeout { get; set; }

    /// <summary>An access key id, with -SecretKey.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? AccessKey { get; set; }

    /// <summary>The secret access key that goes with -AccessKey.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? SecretKey { get; set; }

    /// <summary>The session token of temporary credentials.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? SessionToken { get; set; }

    /// <summary>Credentials as a PSCredential: the user name is the access key id, the password the secret key.</summary>
    [Parameter]
    [Credential]
    public PSCredential? Credential { get; set; }

    /// <summary>The resolved connection; available from BeginProcessing on.</summary>
    internal EcsConnection Connection => _connection ?? throw new InvalidOperationException("The connection is resolved in BeginProcessing.");

    internal CancellationToken StopToken => _stop.Token;

    /// <summary>The clock of this command's waits (the system's; a test's for its LocalEcs endpoint, see <see cref="WaitClock"/>).</summary>
    internal TimeProvider WaitTime => WaitClock.For(Connection.Endpoint);

    protected override void BeginProcessing()
    {
        RefuseInputObjects(terminating: true);
        ValidateInput();
        EcsConnectionSettings settings;
        bool created;
        try
        {
            settings = ConnectionSettingsBuilder.Build(ConnectionParameters.FromCmdlet(this));
            _connection = EcsConnectionCache.Get(settings, out created);
        }
        catch (InputValidationException e)
        {
            ThrowTerminatingError(ErrorRecords.FromInput(e));
            return;
        }
        catch (EcsConfigurationException e)
        {
            ThrowTerminatingError(ErrorRecords.FromConfiguration(e));
            return;
        }
        catch (ArgumentException e)
        {
            ThrowTerminatingError(ErrorRecords.Create(e, ErrorIds.InvalidRegion, ErrorCategory.InvalidArgument, Region is null ? null : TextValue.Shorten(Region),
                "Pass a region name such as us-east-1 or eu-west-1."));
            return;
        }
        catch (Exception e) when (e is not PipelineStoppedException && !EcsSecrets.IsClean(e))
        {
            // Anything else the SDK throws while reading files and environment keeps its id, but never a secret.
            ThrowTerminatingError(ErrorRecords.Create(e, e.GetType().FullName ?? e.GetType().Name, ErrorCategory.NotSpecified, null));
            return;
        }

        if (!VerboseWanted)
        {
            // The lines below cost a string each and a scrub: worth it only when someone reads them.
            return;
        }

        WriteVerbose($"ECS region: {_connection.Region} (from {_connection.RegionSource}).");
        WriteVerbose($"ECS endpoint: {_connection.Endpoint} (from {_connection.EndpointSource}).");
        WriteVerbose($"AWS credentials: {_connection.CredentialSource}.");
        WriteVerbose($"ECS request timeout: {_connection.RequestTimeout.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)} s an attempt (from {_connection.RequestTimeoutSource}).");
        WriteVerbose($"ECS client #{_connection.Id} ({(created ? "new" : "reused")}).");
    }

    /// <summary>
    /// Writes a verbose line, or, under -Debug without -Verbose, a debug line. For a compiled cmdlet given -Debug but not
    /// -Verbose, PowerShell (7.6 as 5.1) makes the verbose preference Inquire: each verbose line would ask "Continue with
    /// this operation?" in a console, and fail where nothing can answer (-NonInteractive, or a NullReferenceException with
    /// stdin from /dev/null). -Debug itself means Continue for debug lines since PowerShell 7, so the line is shown there.
    /// </summary>
    internal new void WriteVerbose(string text)
    {
        if (!VerboseWanted)
        {
            // PowerShell would drop the line: spare it the scrub (a dozen regular expressions, built on first use).
            return;
        }

        text = EcsSecrets.Scrub(text);
        if (_verboseAsDebug ??= DebugWithoutVerbose())
        {
            WriteDebug(text);
            return;
        }

        base.WriteVerbose(text);
    }

    /// <summary>
    /// Whether a verbose line would be shown or recorded: -Verbose (or -Debug, see <see cref="WriteVerbose"/>), else
    /// $VerbosePreference other than SilentlyContinue or Ignore. Lines that cost something to build are skipped otherwise.
    /// </summary>
    internal bool VerboseWanted => _verboseWanted ??= IsVerboseWanted();

    private bool IsVerboseWanted()
    {
        var bound = MyInvocation.BoundParameters;
        if (bound.TryGetValue("Verbose", out var verbose))
        {
            return LanguagePrimitives.IsTrue(verbose);
        }

        if (bound.TryGetValue("Debug", out var debug) && LanguagePrimitives.IsTrue(debug))
        {
            return true;
        }

        return !LanguagePrimitives.TryConvertTo<ActionPreference>(SessionValue("VerbosePreference"), out var preference)
            || preference is not (ActionPreference.SilentlyContinue or ActionPreference.Ignore);
    }

    /// <summary>Writes the error record with every secret masked (see <see cref="EcsSecrets"/>).</summary>
    public new void WriteError(ErrorRecord errorRecord)
    {
        if (ErrorStops())
        {
            // This error will end the command (and stop the pipeline, which then refuses every Write*): say first what
            // would otherwise be lost.
            BeforeErrorStops();
        }

        base.WriteError(ErrorRecords.Clean(errorRecord));
    }

    /// <summary>
    /// Called before an error that will end the command (-ErrorAction Stop, or $ErrorActionPreference = 'Stop'): a
    /// command that created or follows resources it has not written yet lists them here, while the pipeline still
    /// takes a warning.
    /// </summary>
    private protected virtual void BeforeErrorStops()
    {
    }

    private bool ErrorStops()
    {
        var value = MyInvocation.BoundParameters.TryGetValue("ErrorAction", out var bound) ? bound : SessionValue("ErrorActionPreference");
        return LanguagePrimitives.TryConvertTo<ActionPreference>(value, out var preference) && preference == ActionPreference.Stop;
    }

    /// <summary>Throws the error record with every secret masked.</summary>
    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    public new void ThrowTerminatingError(ErrorRecord errorRecord)
    {
        base.ThrowTerminatingError(ErrorRecords.Clean(errorRecord));
        throw new InvalidOperationException("ThrowTerminatingError returned.");
    }

    /// <summary>
    /// Writes the warning with every secret masked; under -Debug without -WarningAction, as a debug line that starts with
    /// "WARNING: ". PowerShell makes the warning preference of a compiled cmdlet given -Debug Inquire, as it does the
    /// verbose one (see <see cref="WriteVerbose"/>): a wait's warning would stop to ask, or fail in -NonInteractive.
    /// -Debug -WarningAction Continue keeps warnings on the warning stream.
    /// </summary>
    public new void WriteWarning(string text)
    {
        text = EcsSecrets.Scrub(text);
        if (_warningAsDebug ??= DebugWithout("WarningAction"))
        {
            base.WriteDebug("WARNING: " + text);
            return;
        }

        base.WriteWarning(text);
    }

    /// <summary>Writes the debug line with every secret masked.</summary>
    public new void WriteDebug(string text) => base.WriteDebug(EcsSecrets.Scrub(text));

    /// <summary>A session variable as the command sees it (e.g. $StoredAWSRegion), or null.</summary>
    internal object? SessionValue(string name) => SessionState.PSVariable.GetValue(name);

    /// <summary>The cluster of a task given by id or ARN: see <see cref="TaskTargets.ClusterFor"/> (-Cluster from $PSDefaultParameterValues gives way to a task ARN's).</summary>
    internal string? ClusterOfTask(string? cluster, string task) =>
        TaskTargets.ClusterFor(cluster, task, clusterIsDefault: cluster is not null && TaskIds.ClusterOf(task) is not null && !DefaultParameterValues.Origin(
            SessionValue("PSDefaultParameterValues") as System.Collections.IDictionary, MyInvocation.MyCommand?.Name ?? "", "Cluster",
            MyInvocation.BoundParameters.TryGetValue("Cluster", out var bound) ? bound : null).StartsWith('-'));

    private bool DebugWithoutVerbose() => DebugWithout("Verbose");

    private bool DebugWithout(string parameter)
    {
        var bound = MyInvocation.BoundParameters;
        return bound.TryGetValue("Debug", out var debug) && LanguagePrimitives.IsTrue(debug) && !bound.ContainsKey(parameter);
    }

    /// <summary>Client-side checks of parameters that are not bound from the pipeline; throw a terminating error before any request.</summary>
    protected virtual void ValidateInput()
    {
    }

    protected override void StopProcessing() => _stop.Cancel();

    /// <summary>
    /// Runs an engine call and blocks the pipeline thread until it ends; Ctrl+C cancels it (see <see cref="SyncBridge"/>:
    /// the call starts on the pipeline thread, which then sleeps on a kernel wait).
    /// </summary>
    internal T Await<T>(Func<CancellationToken, Task<T>> operation) => Await(operation, _stop.Token);

    /// <summary>As <see cref="Await{T}(Func{CancellationToken, Task{T}})"/>, with a token that Ctrl+C cancels too (a wait's deadline).</summary>
    internal T Await<T>(Func<CancellationToken, Task<T>> operation, CancellationToken token)
    {
        try
        {
            return SyncBridge.Block(SyncBridge.Start(operation, token));
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            throw new PipelineStoppedException();
        }
    }

    /// <summary>
    /// Takes the items of an engine stream one by one, each as soon as the engine has it, and hands it to
    /// <paramref name="write"/> on the pipeline thread; Ctrl+C cancels the stream.
    /// </summary>
    internal void ForEach<T>(IAsyncEnumerable<T> items, Action<T> write)
    {
        var enumerator = items.GetAsyncEnumerator(_stop.Token);
        try
        {
            while (MoveNext(enumerator))
            {
                write(enumerator.Current);
            }
        }
        finally
        {
            var disposing = enumerator.DisposeAsync();
            if (!disposing.IsCompletedSuccessfully)
            {
                SyncBridge.Block(disposing.AsTask());
            }
        }
    }

    // A step that ends at once (the stream's end, an item already read) costs no task and no wait handle.
    private bool MoveNext<T>(IAsyncEnumerator<T> enumerator)
    {
        if (SynchronizationContext.Current is not null)
        {
            return Await(_ => enumerator.MoveNextAsync().AsTask());
        }

        var next = enumerator.MoveNextAsync();
        if (next.IsCompletedSuccessfully)
        {
            return next.Result;
        }

        try
        {
            return SyncBridge.Block(next.AsTask());
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            throw new PipelineStoppedException();
        }
    }

    /// <summary>
    /// Runs an engine call for one input: false, with the service error written (about <paramref name="target"/> in
    /// <paramref name="cluster"/>), when ECS refused it or it failed; the pipeline goes on with the next input.
    /// </summary>
    internal bool TryAwait<T>(Func<CancellationToken, Task<T>> operation, object? target, string? cluster, string? taskDefinition, out T result)
    {
        try
        {
            result = Await(operation);
            return true;
        }
        catch (EcsServiceException e)
        {
            WriteServiceError(e, target, cluster, taskDefinition);
            result = default!;
            return false;
        }
    }

    /// <summary>
    /// Runs a wait: the engine's poll loop runs on thread-pool threads while the pipeline thread executes, through
    /// <paramref name="queue"/>, every write the loop's callbacks hand it (see <see cref="PipelineQueue"/>). Ctrl+C ends it
    /// (PipelineStoppedException).
    /// </summary>
    internal PollResult RunWait(PipelineQueue queue, Func<CancellationToken, Task<PollResult>> loop)
    {
        try
        {
            return queue.Run(SyncBridge.Start(loop, _stop.Token));
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            throw new PipelineStoppedException();
        }
    }

    internal void Await(Func<CancellationToken, Task> operation) => Await(async ct =>
    {
        await operation(ct).ConfigureAwait(false);
        return true;
    });

    /// <summary>
    /// A service error, naming the cluster the command was given (or saying that 'default' was used). Where the cluster
    /// can come from elsewhere (a task or task set ARN), pass the cluster used to the overload instead.
    /// </summary>
    internal void WriteServiceError(EcsServiceException exception, object? target) =>
        WriteError(ErrorRecords.FromService(exception, target, Scope(BoundCluster())));

    /// <summary>A service error about this cluster (null: none was given) and task definition.</summary>
    internal void WriteServiceError(EcsServiceException exception, object? target, string? cluster, string? taskDefinition = null) =>
        WriteError(ErrorRecords.FromService(exception, target, Scope(cluster, taskDefinition)));

    internal ErrorScope Scope(string? cluster, string? taskDefinition = null) => new(_connection?.Region ?? "(unknown)", cluster, taskDefinition);

    private string? BoundCluster() =>
        MyInvocation.BoundParameters.TryGetValue("Cluster", out var value) ? (value is PSObject ps ? ps.BaseObject : value) as string : null;

    /// <summary>
    /// What a DescribeTasks answer could not give: a not-found error for each task asked for by name that ECS calls
    /// MISSING, an error for each other failure, and one for each request that failed (with the tasks it asked for).
    /// </summary>
    internal void WriteDescribeProblems(TaskBatchResult result, IReadOnlyCollection<string> named, string? cluster)
    {
        foreach (var failure in result.Failures)
        {
            if (failure.Reason == "MISSING")
            {
                if (named.Count > 0)
                {
                    var asked = named.FirstOrDefault(t => failure.Arn is not null && TaskIds.Matches(t, failure.Arn)) ?? failure.Arn ?? "";
                    WriteError(TaskErrors.NotFound(asked, cluster, "DescribeTasks"));
                }

                continue;
            }

            WriteFailure(failure, "DescribeTasks");
        }

        foreach (var error in result.Errors)
        {
            WriteServiceError(error.Exception, error.Tasks.Count == 1 ? error.Tasks[0] : error.Tasks.ToArray(), cluster);
        }
    }

    internal void WriteFailure(TaskFailure failure, string operation, string? subject = null) =>
        WriteFailure(new EcsFailure(failure.Arn, failure.Reason, failure.Detail), operation, subject);

    internal void WriteFailure(EcsFailure failure, string operation, string? subject = null) =>
        WriteError(ErrorRecords.FromFailure(failure, operation, subject));

    /// <summary>
    /// Refuses parameters that were given an object where a name, ARN or other text was expected (see
    /// <see cref="TextInputAttribute"/>): from BeginProcessing, for what the command line bound, as a terminating error;
    /// from ProcessRecord, for what the current pipeline object bound, as an error for that input (returns true: skip it).
    /// </summary>
    internal bool RefuseInputObjects(bool terminating = false)
    {
        foreach (var (parameter, value) in MyInvocation.BoundParameters)
        {
            var refused = (value is PSObject ps ? ps.BaseObject : value) switch
            {
                string text when TextInputAttribute.IsRefused(text, out var what) => what,
                string[] texts => FirstRefused(texts),
                _ => null,
            };
            if (refused is null)
            {
                continue;
            }

            var record = ErrorRecords.FromInput(new InputValidationException(
                TextInputAttribute.ErrorId,
                InputMessages.InvalidInputObject(parameter, refused),
                InputMessages.InvalidInputObjectAction(parameter, MyInvocation.MyCommand.Name),
                refused));
            if (terminating)
            {
                ThrowTerminatingError(record);
            }

            WriteError(record);
            return true;
        }

        return false;
    }

    private static string? FirstRefused(string[] texts)
    {
        foreach (var text in texts)
        {
            if (TextInputAttribute.IsRefused(text, out var what))
            {
                return what;
            }
        }

        return null;
    }

    /// <summary>
    /// The one check of every wait's -Timeout and -PollInterval (<see cref="WaitSettings.Create"/>): a value out of range is
    /// a terminating error (InvalidTimeout, InvalidPollInterval) before any request.
    /// </summary>
    internal WaitSettings CheckWaitSettings(TimeSpan? timeout, TimeSpan? pollInterval, TimeSpan? defaultTimeout)
    {
        try
        {
            return WaitSettings.Create(timeout, pollInterval, defaultTimeout);
        }
        catch (WaitSettingsException e)
        {
            ThrowInvalidArgument(e.ErrorId, e.Message, e.Value, e.RecommendedAction);
            throw;
        }
    }

    /// <summary>A client-side check failed: nothing has been sent (see <see cref="InputValidationException"/>).</summary>
    internal void ThrowInvalidArgument(string errorId, string message, object? target, string recommendedAction) =>
        ThrowTerminatingError(ErrorRecords.FromInput(new InputValidationException(errorId, message, recommendedAction, target)));

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _stop.Dispose();
        }
    }
}
