using System.Net;
using AmiAutomation.Simulation.Operations;
using Amazon.EC2;
using Amazon.Runtime;
using Amazon.Runtime.Internal;

namespace AmiAutomation.Simulation;

/// <summary>Put in front of the SDK pipeline of every simulated client: any call the simulator does not override
/// fails at once with a 500 and an empty ErrorCode (as moto answers unsupported calls). Nothing reaches the network.</summary>
internal sealed class UnsupportedOperationHandler : PipelineHandler
{
    public override void InvokeSync(IExecutionContext executionContext) => throw Create(executionContext);

    public override Task<T> InvokeAsync<T>(IExecutionContext executionContext) => Task.FromException<T>(Create(executionContext));

    private static AmazonEC2Exception Create(IExecutionContext executionContext) => new(
        $"The EC2 simulator does not implement {executionContext.RequestContext.RequestName}; nothing was sent.",
        ErrorType.Receiver,
        string.Empty,
        Ec2Errors.NextRequestId(),
        HttpStatusCode.InternalServerError);
}
