using AmiAutomation.Runtime.Functions;
using AmiAutomation.Runtime.Hosting;
using AmiAutomation.Runtime.Metrics;
using Microsoft.Extensions.Logging;

namespace AmiAutomation.Cli.Hosting;

/// <summary>
/// Runs a real function the way the Lambda host does, in-process: one <see cref="InvocationContext"/> per call
/// (request id, deadline, clock, logger, metrics), the payload as bytes through <see cref="ILambdaFunction.InvokeAsync"/>,
/// and any exception turned into Lambda's error shape instead of a crash.
/// </summary>
public sealed class LocalInvoker
{
    /// <summary>The deadline given to each invocation: Lambda's maximum timeout.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(15);

    private readonly TimeProvider _time;
    private readonly ILoggerProvider _logs;
    private readonly string _requestIdPrefix;
    private readonly string? _accountId;
    private int _invocations;

    /// <param name="requestIdPrefix">Request ids are <c>{prefix}-{n:000000}</c>: deterministic, so simulated runs repeat exactly.</param>
    /// <param name="accountId">When known, each invocation gets a function ARN naming it (as Lambda's context does).</param>
    public LocalInvoker(TimeProvider time, ILoggerProvider logs, string requestIdPrefix = "local", string? accountId = null)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logs);
        _time = time;
        _logs = logs;
        _requestIdPrefix = requestIdPrefix;
        _accountId = accountId;
    }

    public int Invocations => _invocations;

    /// <param name="region">The region of the stack the function belongs to (for its ARN).</param>
    public async Task<InvocationResult> InvokeAsync(ILambdaFunction function, string region, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(function);
        var requestId = $"{_requestIdPrefix}-{Interlocked.Increment(ref _invocations):000000}";
        var metrics = new MetricsRecorder();
        var logger = _logs.CreateLogger(function.Name);
        var context = new InvocationContext
        {
            RequestId = requestId,
            FunctionName = function.Name,
            InvokedFunctionArn = _accountId is null ? null : $"arn:aws:lambda:{region}:{_accountId}:function:ami-automation-{function.Name}",
            MemoryLimitInMb = 512,
            Deadline = _time.GetUtcNow() + Timeout,
            CancellationToken = cancellationToken,
            TimeProvider = _time,
            Logger = logger,
            Metrics = metrics,
        };
        try
        {
            using (logger.BeginScope(new Dictionary<string, object> { ["requestId"] = requestId }))
            {
                var response = await function.InvokeAsync(payload, context);
                return new InvocationResult(function.Name, requestId, response, null, metrics.Data);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // A function error is a result (Lambda's errorType/errorMessage), as the real host reports it.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            logger.LogError(ex, "Invocation {RequestId} failed with {ErrorType}", requestId, ex.GetType().Name);
            return new InvocationResult(function.Name, requestId, null, LambdaError.From(ex), metrics.Data);
        }
    }
}
