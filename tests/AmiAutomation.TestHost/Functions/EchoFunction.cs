using AmiAutomation.Runtime.Functions;
using AmiAutomation.Runtime.Hosting;

namespace AmiAutomation.TestHost.Functions;

/// <summary>Returns the payload byte for byte (an empty payload gives an empty response).</summary>
internal sealed class EchoFunction : ILambdaFunction
{
    public const string HandlerName = "echo";

    public string Name => HandlerName;

    public Task<byte[]?> InvokeAsync(ReadOnlyMemory<byte> payload, InvocationContext context)
        => Task.FromResult(payload.IsEmpty ? null : payload.ToArray());
}
