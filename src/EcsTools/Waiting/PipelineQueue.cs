using System;
using System.Collections.Generic;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;

namespace EcsTools.Waiting;

/// <summary>
/// Runs work that comes from other threads (the engine's poll loop and its callbacks) on the pipeline thread, where every
/// Write*, WriteProgress and ShouldProcess must happen: the pipeline thread calls <see cref="Run{T}"/> with the loop's
/// task and executes what is posted until the task ends, sleeping on a kernel wait in between (no spinning, no thread-pool
/// thread). An exception thrown by posted work on the pipeline thread (a stopped pipeline, -ErrorAction Stop) ends the
/// wait and is rethrown by <see cref="Run{T}"/> as it was thrown.
/// </summary>
internal sealed class PipelineQueue : IDisposable
{
    private readonly Queue<Action> _items = new();
    private readonly object _gate = new();
    private readonly AutoResetEvent _signal = new(false);
    private readonly int _pipelineThread = Environment.CurrentManagedThreadId;
    private ExceptionDispatchInfo? _failure;

    /// <summary>Runs <paramref name="action"/> on the pipeline thread later (at once when called there); exceptions end the wait.</summary>
    public void Post(Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        Enqueue(() =>
        {
            if (_failure is null)
            {
                action();
            }
        });
    }

    /// <summary>Runs <paramref name="function"/> on the pipeline thread and completes with its result (inline when called there).</summary>
    public Task<T> InvokeAsync<T>(Func<T> function)
    {
        ArgumentNullException.ThrowIfNull(function);
        if (Environment.CurrentManagedThreadId == _pipelineThread)
        {
            return Task.FromResult(function());
        }

        var completion = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        Enqueue(() =>
        {
            if (_failure is { } failure)
            {
                completion.SetException(failure.SourceException);
                return;
            }

            try
            {
                completion.SetResult(function());
            }
            catch (Exception e)
            {
                completion.SetException(e);
                throw;
            }
        });
        return completion.Task;
    }

    /// <summary>On the pipeline thread: executes posted work until <paramref name="work"/> has ended and nothing is left; returns its result.</summary>
    public T Run<T>(Task<T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var handles = new[] { _signal, ((IAsyncResult)work).AsyncWaitHandle };
        while (true)
        {
            while (TryTake(out var item))
            {
                try
                {
                    item();
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    _failure ??= ExceptionDispatchInfo.Capture(e);
                }
                catch (OperationCanceledException)
                {
                    // The wait's own cancellation (deadline or Ctrl+C): the loop sees it through the task it awaited.
                }
            }

            if (work.IsCompleted && IsEmpty())
            {
                break;
            }

            WaitHandle.WaitAny(handles);
        }

        _failure?.Throw();
        return work.GetAwaiter().GetResult();
    }

    public void Dispose() => _signal.Dispose();

    private void Enqueue(Action item)
    {
        if (Environment.CurrentManagedThreadId == _pipelineThread)
        {
            item();
            return;
        }

        lock (_gate)
        {
            _items.Enqueue(item);
        }

        _signal.Set();
    }

    private bool TryTake(out Action item)
    {
        lock (_gate)
        {
            return _items.TryDequeue(out item!);
        }
    }

    private bool IsEmpty()
    {
        lock (_gate)
        {
            return _items.Count == 0;
        }
    }
}
