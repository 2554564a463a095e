using AmiAutomation.Runtime.Functions;
using AmiAutomation.Runtime.Hosting;

namespace AmiAutomation.Runtime.Tests.Support;

/// <summary>A function made of a lambda, for host tests.</summary>
internal sealed class DelegateFunction(string name, Func<ReadOnlyMemory<byte>, InvocationContext, Task<byte[]?>> invoke) : ILambdaFunction
{
    public string Name => name;

    public Task<byte[]?> InvokeAsync(ReadOnlyMemory<byte> payload, InvocationContext context) => invoke(payload, context);

    public static DelegateFunction Echo(string name = "echo")
        => new(name, (payload, _) => Task.FromResult<byte[]?>(payload.IsEmpty ? null : payload.ToArray()));
}
