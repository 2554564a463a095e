using AmiAutomation.Runtime.Metrics;
using Microsoft.Extensions.Logging;

namespace AmiAutomation.Runtime.Hosting;

/// <summary>
/// One invocation as the handler sees it. <see cref="CancellationToken"/> fires at the deadline minus a safety
/// margin so long sweeps stop starting new work and report what they did.
/// </summary>
public sealed class InvocationContext
{
    public required string RequestId { get; init; }
    public required string FunctionName { get; init; }
    public string? InvokedFunctionArn { get; init; }
    public int MemoryLimitInMb { get; init; }
    public DateTimeOffset Deadline { get; init; }
    public string? TraceId { get; init; }
    public string? ClientContext { get; init; }
    public string? CognitoIdentity { get; init; }
    public string? TenantId { get; init; }
    public CancellationToken CancellationToken { get; init; }
    public required TimeProvider TimeProvider { get; init; }
    public required ILogger Logger { get; init; }
    public required MetricsRecorder Metrics { get; init; }

    public TimeSpan RemainingTime
    {
        get
        {
            var left = Deadline - TimeProvider.GetUtcNow();
            return left < TimeSpan.Zero ? TimeSpan.Zero : left;
        }
    }
}
