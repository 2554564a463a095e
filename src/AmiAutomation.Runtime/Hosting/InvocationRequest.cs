namespace AmiAutomation.Runtime.Hosting;

/// <summary>One event from <c>GET /runtime/invocation/next</c>: the headers (absent → null) and the raw body.</summary>
internal sealed record InvocationRequest
{
    public required string RequestId { get; init; }

    /// <summary><c>Lambda-Runtime-Deadline-Ms</c>, Unix epoch milliseconds; null when absent or not a number.</summary>
    public long? DeadlineMs { get; init; }

    public string? InvokedFunctionArn { get; init; }
    public string? TraceId { get; init; }
    public string? ClientContext { get; init; }
    public string? CognitoIdentity { get; init; }
    public string? TenantId { get; init; }
    public required byte[] Payload { get; init; }

    /// <summary>The deadline as a moment; <see cref="DateTimeOffset.MaxValue"/> when the header was absent.</summary>
    public DateTimeOffset Deadline => DeadlineMs is { } ms && ms is > 0 and < 253402300799999
        ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
        : DateTimeOffset.MaxValue;
}
