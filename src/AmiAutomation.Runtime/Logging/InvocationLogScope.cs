namespace AmiAutomation.Runtime.Logging;

/// <summary>The request-scoped log keys of the invocation in progress.</summary>
internal sealed record InvocationLogScope(string RequestId, string? FunctionArn, string? XRayTraceId, string? TenantId)
{
    /// <summary>The <c>Root=</c> part of an X-Ray header (<c>Root=1-…;Parent=…;Sampled=1</c>); the whole value when it
    /// has no key/value pairs; null when absent.</summary>
    public static string? RootOf(string? traceHeader)
    {
        if (string.IsNullOrWhiteSpace(traceHeader))
        {
            return null;
        }

        foreach (var part in traceHeader.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (part.StartsWith("Root=", StringComparison.OrdinalIgnoreCase))
            {
                return part["Root=".Length..];
            }
        }

        return traceHeader.Contains('=', StringComparison.Ordinal) ? null : traceHeader.Trim();
    }
}
