using System;
using System.Management.Automation;

namespace EcsTools.Tour.Utility;

/// <summary>
/// Write-Error for the tour host (see <see cref="WriteHostCommand"/> for why the host brings it): a non-terminating
/// error from a message, an exception or an error record; -ErrorAction Stop makes it terminating, as in pwsh.
/// </summary>
[Cmdlet(VerbsCommunications.Write, "Error", DefaultParameterSetName = NoException)]
public sealed class WriteErrorCommand : PSCmdlet
{
    private const string NoException = "NoException";
    private const string WithException = "WithException";
    private const string WithRecord = "ErrorRecord";

    /// <summary>The message of the error.</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = NoException, ValueFromPipeline = true)]
    [Parameter(ParameterSetName = WithException)]
    [AllowNull]
    [AllowEmptyString]
    [Alias("Msg")]
    public string? Message { get; set; }

    /// <summary>The exception of the error.</summary>
    [Parameter(Mandatory = true, ParameterSetName = WithException)]
    public Exception? Exception { get; set; }

    /// <summary>An error record to write again (e.g. $_ in a catch block).</summary>
    [Parameter(Mandatory = true, ParameterSetName = WithRecord)]
    public ErrorRecord? ErrorRecord { get; set; }

    /// <summary>The error category.</summary>
    [Parameter(ParameterSetName = NoException)]
    [Parameter(ParameterSetName = WithException)]
    public ErrorCategory Category { get; set; } = ErrorCategory.NotSpecified;

    /// <summary>The error id.</summary>
    [Parameter(ParameterSetName = NoException)]
    [Parameter(ParameterSetName = WithException)]
    public string? ErrorId { get; set; }

    /// <summary>The object the error is about.</summary>
    [Parameter(ParameterSetName = NoException)]
    [Parameter(ParameterSetName = WithException)]
    public object? TargetObject { get; set; }

    /// <summary>What to do about it.</summary>
    [Parameter]
    public string? RecommendedAction { get; set; }

    protected override void ProcessRecord()
    {
        ErrorRecord record;
        if (ErrorRecord is not null)
        {
            record = new ErrorRecord(ErrorRecord, null);
        }
        else
        {
            var exception = Exception ?? new WriteErrorException(Message ?? "");
            record = new ErrorRecord(exception, ErrorId ?? exception.GetType().Name, Category, TargetObject);
            if (Exception is not null && !string.IsNullOrEmpty(Message))
            {
                record.ErrorDetails = new ErrorDetails(Message);
            }
        }

        if (!string.IsNullOrEmpty(RecommendedAction))
        {
            record.ErrorDetails ??= new ErrorDetails(record.ToString());
            record.ErrorDetails.RecommendedAction = RecommendedAction;
        }

        WriteError(record);
    }
}
