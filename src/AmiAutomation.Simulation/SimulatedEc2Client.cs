using AmiAutomation.Simulation.Operations;
using AmiAutomation.Simulation.Throttling;
using Amazon;
using Amazon.EC2;
using Amazon.EC2.Model;
using Amazon.Runtime;
using Amazon.Runtime.Internal;

namespace AmiAutomation.Simulation;

/// <summary>
/// An <see cref="AmazonEC2Client"/> bound to one region of an <see cref="Ec2Simulator"/>. The overridden
/// <c>XxxAsync(request, token)</c> methods (which the SDK paginators call) run against the simulator; anything not
/// overridden fails at once with HTTP 500 and an empty ErrorCode. Note: the SDK's retry handler is bypassed, so
/// injected throttles and 5xx surface directly, as with <c>MaxErrorRetry = 0</c>.
/// </summary>
public sealed partial class SimulatedEc2Client : AmazonEC2Client
{
    internal SimulatedEc2Client(Ec2Simulator simulator, string region)
        : base(new BasicAWSCredentials("simulated", "simulated"), new AmazonEC2Config { RegionEndpoint = RegionEndpoint.GetBySystemName(region) })
    {
        Simulator = simulator;
        Region = region;
    }

    public Ec2Simulator Simulator { get; }

    public string Region { get; }

    protected override void CustomizeRuntimePipeline(RuntimePipeline pipeline)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        base.CustomizeRuntimePipeline(pipeline);
        pipeline.AddHandler(new UnsupportedOperationHandler());
    }

    /// <summary>The simulator owns and shares this client (one per region): disposing it, e.g. in a
    /// <c>using</c>, leaves it usable.</summary>
    protected override void Dispose(bool disposing)
    {
    }

    private async Task<TResponse> Invoke<TRequest, TResponse>(string action, ThrottleBucket bucket, TRequest request, bool? dryRun, Func<OperationContext, TRequest, TResponse> operation, CancellationToken cancellationToken)
        where TRequest : class
    {
        ArgumentNullException.ThrowIfNull(request);
        var loop = Simulator.Lies.LoopsTokens(action);
        if (loop)
        {
            Faults.TokenLoop.Rewind(request);
        }

        var response = await Simulator.InvokeAsync(Region, action, bucket, dryRun, context => operation(context, request), cancellationToken);
        if (loop)
        {
            Faults.TokenLoop.Stamp(response);
        }

        return response;
    }

    private static ThrottleBucket ListBucket(List<Filter>? filters, int? maxResults, int idCount) =>
        (filters is null || filters.Count == 0) && maxResults is null && idCount == 0 ? ThrottleBucket.UnfilteredDescribe : ThrottleBucket.Describe;
}
