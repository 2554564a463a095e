using AmiAutomation.Runtime.Configuration;
using AmiAutomation.Runtime.Functions;
using AmiAutomation.Runtime.Logging;
using AmiAutomation.Runtime.Metrics;
using Microsoft.Extensions.Logging;

namespace AmiAutomation.Runtime.Hosting;

/// <summary>
/// Runs one invocation end to end: trace variable and log scope on, handler with a deadline token, metrics flushed,
/// then exactly one <c>/response</c> or <c>/error</c> POST; trace variable and log scope off again.
/// A 413 (or any other refusal except 500) is logged and the host carries on; 500 throws <see cref="RuntimeApiException"/>.
/// </summary>
internal sealed class InvocationRunner(
    ILambdaFunction function,
    RuntimeApiClient client,
    RuntimeSettings settings,
    LambdaLoggerProvider loggers,
    EmfMetricsWriter metrics,
    LambdaBootstrapOptions options)
{
    private static readonly TimeSpan MaxTimerDelay = TimeSpan.FromDays(1);

    private readonly ILogger _hostLog = loggers.CreateLogger("AmiAutomation.Runtime.Hosting");
    private readonly ILogger _functionLog = loggers.CreateLogger(function.Name);
    private readonly IWritableEnvironmentVariables? _traceTarget = options.Environment as IWritableEnvironmentVariables;
    private readonly TimeProvider _time = options.TimeProvider;

    public async Task RunAsync(InvocationRequest request, CancellationToken hostToken)
    {
        var coldStart = loggers.Context.ColdStart;
        using var deadline = DeadlineSource(request.Deadline);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, hostToken);
        _traceTarget?.Set(RuntimeEnvironmentVariableNames.TraceId, request.TraceId);
        loggers.Context.Begin(new InvocationLogScope(
            request.RequestId, request.InvokedFunctionArn, InvocationLogScope.RootOf(request.TraceId), request.TenantId));
        try
        {
            var recorder = new MetricsRecorder();
            var context = new InvocationContext
            {
                RequestId = request.RequestId,
                FunctionName = settings.FunctionName,
                InvokedFunctionArn = request.InvokedFunctionArn,
                MemoryLimitInMb = settings.MemorySizeMb ?? 0,
                Deadline = request.Deadline,
                TraceId = request.TraceId,
                ClientContext = request.ClientContext,
                CognitoIdentity = request.CognitoIdentity,
                TenantId = request.TenantId,
                CancellationToken = linked.Token,
                TimeProvider = _time,
                Logger = _functionLog,
                Metrics = recorder,
            };

            byte[]? result = null;
            Exception? failure = null;
            try
            {
                result = await function.InvokeAsync(request.Payload, context);
            }
            catch (Exception ex)
            {
                failure = ex;
            }

            FlushMetrics(recorder, coldStart);
            if (failure is null)
            {
                await PostResponseAsync(request.RequestId, result);
            }
            else
            {
                await PostErrorAsync(request.RequestId, failure);
            }
        }
        finally
        {
            loggers.Context.End();
            loggers.Context.ColdStart = false;
            _traceTarget?.Set(RuntimeEnvironmentVariableNames.TraceId, null);
        }
    }

    private CancellationTokenSource DeadlineSource(DateTimeOffset deadline)
    {
        if (deadline == DateTimeOffset.MaxValue)
        {
            return new CancellationTokenSource();
        }

        var delay = options.DeadlineMargin.CancelAfter(deadline - _time.GetUtcNow());
        if (delay > MaxTimerDelay)
        {
            // Lambda's longest timeout is 15 minutes; a deadline days away is not worth a timer (and may overflow one).
            return new CancellationTokenSource();
        }

        if (delay <= TimeSpan.Zero)
        {
            var expired = new CancellationTokenSource();
            expired.Cancel();
            return expired;
        }

        return new CancellationTokenSource(delay, _time);
    }

    private void FlushMetrics(MetricsRecorder recorder, bool coldStart)
    {
        if (coldStart)
        {
            metrics.WriteColdStart(settings.FunctionName);
        }

        try
        {
            metrics.Write(recorder.Data);
        }
        catch (MetricsValidationException ex)
        {
            _hostLog.LogError(ex, "Metrics of {FunctionHandler} were dropped: {Problems}", function.Name, ex.Message);
        }
    }

    private async Task PostResponseAsync(string requestId, byte[]? result)
    {
        var answer = await client.PostResponseAsync(requestId, result);
        if (!answer.Accepted)
        {
            _hostLog.LogError(
                "The Runtime API refused the response of {RequestId} ({ResponseBytes} bytes) with {StatusCode}: {RuntimeApiAnswer}",
                requestId,
                result?.Length ?? 0,
                answer.StatusCode,
                answer.Body);
        }
    }

    private async Task PostErrorAsync(string requestId, Exception failure)
    {
        var errorType = ErrorDocumentWriter.ErrorTypeOf(failure);
        _hostLog.LogError(failure, "Invocation {RequestId} failed with {ErrorType}: {ErrorMessage}", requestId, errorType, failure.Message);
        var answer = await client.PostErrorAsync(requestId, errorType, ErrorDocumentWriter.ForException(failure));
        if (!answer.Accepted)
        {
            _hostLog.LogError(
                "The Runtime API refused the error of {RequestId} with {StatusCode}: {RuntimeApiAnswer}", requestId, answer.StatusCode, answer.Body);
        }
    }
}
