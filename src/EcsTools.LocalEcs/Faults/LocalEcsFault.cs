using System;

namespace EcsTools.LocalEcs;

/// <summary>
/// A fault for the next <see cref="Count"/> requests of an operation (or of any operation when <see cref="Operation"/>
/// is null). Build one with the factory methods, refine it with <see cref="Times"/> and <see cref="AfterProcessing"/>,
/// and add it to <see cref="LocalEcsServer.Faults"/>:
/// <code>server.Faults.Add(LocalEcsFault.Throttling("RunTask").Times(2));</code>
/// </summary>
public sealed record LocalEcsFault
{
    public LocalEcsFaultKind Kind { get; init; }

    /// <summary>The operation the fault applies to (e.g. "RunTask"); null for every operation.</summary>
    public string? Operation { get; init; }

    /// <summary>How many matching requests get the fault before it disappears.</summary>
    public int Count { get; init; } = 1;

    /// <summary>
    /// When true, the request is processed (and its effects kept) before the fault replaces the response: a client
    /// retry with the same client token must then get the result of the first attempt.
    /// </summary>
    public bool AppliesAfterProcessing { get; init; }

    /// <summary>The HTTP status of error faults.</summary>
    public int StatusCode { get; init; }

    /// <summary>The error code of <see cref="LocalEcsFaultKind.Error"/>, <see cref="LocalEcsFaultKind.Throttling"/> and <see cref="LocalEcsFaultKind.ServerError"/>.</summary>
    public string? ErrorCode { get; init; }

    public string? Message { get; init; }

    /// <summary>Whether an <see cref="LocalEcsFaultKind.EchoRequest"/> names the headers it repeats (false: their values only).</summary>
    public bool EchoHeaderNames { get; init; } = true;

    /// <summary>
    /// How late a <see cref="LocalEcsFaultKind.Slow"/> response comes, on the timers of the server's TimeProvider: wall-clock
    /// time with the system clock (or a clock that only moves its time and keeps the system's timers); a test's
    /// FakeTimeProvider answers when it is advanced.
    /// </summary>
    public TimeSpan Delay { get; init; }

    /// <summary>400 ThrottlingException "Rate exceeded".</summary>
    public static LocalEcsFault Throttling(string? operation = null) => new()
    {
        Kind = LocalEcsFaultKind.Throttling,
        Operation = operation,
        StatusCode = 400,
        ErrorCode = "ThrottlingException",
        Message = "Rate exceeded",
    };

    /// <summary>500 ServerException with a JSON body.</summary>
    public static LocalEcsFault ServerError(string? operation = null) => new()
    {
        Kind = LocalEcsFaultKind.ServerError,
        Operation = operation,
        StatusCode = 500,
        ErrorCode = "ServerException",
        Message = "Service Unavailable. Please try again later.",
    };

    /// <summary>A 5xx (503 by default) with an HTML body and no error code.</summary>
    public static LocalEcsFault HtmlError(string? operation = null, int statusCode = 503) => new()
    {
        Kind = LocalEcsFaultKind.HtmlError,
        Operation = operation,
        StatusCode = statusCode is >= 500 and <= 599 ? statusCode : throw new ArgumentOutOfRangeException(nameof(statusCode)),
    };

    /// <summary>The response is delayed by <paramref name="delay"/>.</summary>
    public static LocalEcsFault Slow(string? operation, TimeSpan delay) => new()
    {
        Kind = LocalEcsFaultKind.Slow,
        Operation = operation,
        Delay = delay >= TimeSpan.Zero ? delay : throw new ArgumentOutOfRangeException(nameof(delay)),
    };

    /// <summary>The connection is aborted without any response.</summary>
    public static LocalEcsFault DropConnection(string? operation = null) => new()
    {
        Kind = LocalEcsFaultKind.DropConnection,
        Operation = operation,
    };

    /// <summary>Any JSON error, e.g. <c>Error("RunTask", "AccessDeniedException", "User is not authorized to perform: ecs:RunTask")</c>.</summary>
    public static LocalEcsFault Error(string? operation, string errorCode, string message, int statusCode = 400) => new()
    {
        Kind = LocalEcsFaultKind.Error,
        Operation = operation,
        StatusCode = statusCode,
        ErrorCode = errorCode,
        Message = message,
    };

    /// <summary>
    /// An error whose text repeats the request's headers and body (for tests that secrets never reach a message): a JSON
    /// error with code <paramref name="errorCode"/> when <paramref name="json"/>, else a text/plain body. Without
    /// <paramref name="headerNames"/> only the values are repeated, so that nothing but the values themselves can tell a secret.
    /// </summary>
    public static LocalEcsFault EchoRequest(string? operation, int statusCode = 400, bool json = true, string errorCode = "AccessDeniedException",
        bool headerNames = true) => new()
    {
        EchoHeaderNames = headerNames,
        Kind = LocalEcsFaultKind.EchoRequest,
        Operation = operation,
        StatusCode = statusCode is >= 400 and <= 599 ? statusCode : throw new ArgumentOutOfRangeException(nameof(statusCode)),
        ErrorCode = json ? errorCode : null,
    };

    /// <summary>The fault applies to the next <paramref name="count"/> matching requests.</summary>
    public LocalEcsFault Times(int count) =>
        this with { Count = count > 0 ? count : throw new ArgumentOutOfRangeException(nameof(count)) };

    /// <summary>The request is processed first; the fault then replaces (or, for Slow, delays) the response.</summary>
    public LocalEcsFault AfterProcessing() => this with { AppliesAfterProcessing = true };
}
