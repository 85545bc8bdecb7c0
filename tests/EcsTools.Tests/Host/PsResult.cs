using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;

namespace EcsTools.Tests.Host;

/// <summary>What one script run produced: output objects, error records, and the terminating error if there was one.</summary>
public sealed class PsResult
{
    public PsResult(IReadOnlyList<PSObject> output, IReadOnlyList<ErrorRecord> errors, IReadOnlyList<string> verbose,
        IReadOnlyList<ProgressRecord> progress, IReadOnlyList<string> warnings, Exception? terminating)
    {
        Output = output;
        Errors = errors;
        Verbose = verbose;
        Progress = progress;
        Warnings = warnings;
        Terminating = terminating;
    }

    public IReadOnlyList<PSObject> Output { get; }

    public IReadOnlyList<ErrorRecord> Errors { get; }

    public IReadOnlyList<string> Verbose { get; }

    public IReadOnlyList<ProgressRecord> Progress { get; }

    public IReadOnlyList<string> Warnings { get; }

    public Exception? Terminating { get; }

    /// <summary>The error record of the terminating error, or of the first non-terminating one.</summary>
    public ErrorRecord? FirstError => (Terminating as IContainsErrorRecord)?.ErrorRecord ?? Errors.FirstOrDefault();

    public IEnumerable<string> ErrorIds => Errors.Select(e => e.FullyQualifiedErrorId)
        .Concat(Terminating is IContainsErrorRecord r ? [r.ErrorRecord.FullyQualifiedErrorId] : Array.Empty<string>());

    public IEnumerable<T> Objects<T>() => Output.Select(o => o.BaseObject).OfType<T>();

    public IEnumerable<dynamic> Dynamic => Output.Select(o => (dynamic)o.BaseObject);

    /// <summary>Throws with the errors when the script failed; for steps that must succeed.</summary>
    public PsResult EnsureSuccess()
    {
        if (Terminating is not null || Errors.Count > 0)
        {
            var text = string.Join(Environment.NewLine, Errors.Select(e => $"{e.FullyQualifiedErrorId}: {e}"));
            throw new InvalidOperationException($"The script failed. Terminating: {Terminating?.Message}{Environment.NewLine}{text}");
        }

        return this;
    }
}
