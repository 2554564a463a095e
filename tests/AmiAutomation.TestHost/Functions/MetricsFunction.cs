using AmiAutomation.Runtime.Functions;
using AmiAutomation.Runtime.Hosting;
using AmiAutomation.Runtime.Metrics;
using Microsoft.Extensions.Logging;

namespace AmiAutomation.TestHost.Functions;

/// <summary>Records a few metrics (two dimension sets, one summed twice) and logs one structured line.</summary>
internal sealed class MetricsFunction : ILambdaFunction
{
    public const string HandlerName = "metrics";

    public string Name => HandlerName;

    public Task<byte[]?> InvokeAsync(ReadOnlyMemory<byte> payload, InvocationContext context)
    {
        context.Metrics.Add("Invocations", 1);
        context.Metrics.Add("AmisSeen", 2, MetricUnit.Count, ("Region", "eu-west-1"));
        context.Metrics.Add("AmisSeen", 3, MetricUnit.Count, ("Region", "eu-west-1"));
        context.Logger.LogInformation("Recorded metrics for {RequestId} in {Region}", context.RequestId, "eu-west-1");
        return Task.FromResult<byte[]?>("""{"recorded":3}"""u8.ToArray());
    }
}
