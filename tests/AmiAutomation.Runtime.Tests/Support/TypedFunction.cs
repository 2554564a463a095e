using AmiAutomation.Runtime.Functions;
using AmiAutomation.Runtime.Hosting;

namespace AmiAutomation.Runtime.Tests.Support;

/// <summary>A typed function: <c>{"name":"x"}</c> → <c>{"greeting":"hello x"}</c>.</summary>
internal sealed class TypedFunction() : LambdaFunction<GreetingRequest, GreetingResponse>(HandlerName, TestJsonContext.Default.GreetingRequest, TestJsonContext.Default.GreetingResponse)
{
    public const string HandlerName = "greet";

    protected override Task<GreetingResponse> HandleAsync(GreetingRequest input, InvocationContext context)
        => Task.FromResult(new GreetingResponse("hello " + input.Name));
}
