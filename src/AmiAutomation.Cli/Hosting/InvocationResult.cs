using AmiAutomation.Runtime.Metrics;

namespace AmiAutomation.Cli.Hosting;

/// <summary>One local invocation: the response body (UTF-8 JSON, may be null) or the error, and the metrics recorded.</summary>
public sealed record InvocationResult(
    string FunctionName,
    string RequestId,
    byte[]? Response,
    LambdaError? Error,
    IReadOnlyList<MetricDatum> Metrics)
{
    public bool Succeeded => Error is null;
}
