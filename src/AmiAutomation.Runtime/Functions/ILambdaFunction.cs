using AmiAutomation.Runtime.Hosting;

namespace AmiAutomation.Runtime.Functions;

/// <summary>
/// A function the bootstrap can host. <see cref="Name"/> is the SAM <c>Handler</c> value (= <c>_HANDLER</c>).
/// Most functions derive from <see cref="LambdaFunction{TInput,TOutput}"/> instead of implementing this directly.
/// </summary>
public interface ILambdaFunction
{
    string Name { get; }

    /// <summary>Runs one invocation. Returns the response body (UTF-8 JSON), or null for an empty response.</summary>
    Task<byte[]?> InvokeAsync(ReadOnlyMemory<byte> payload, InvocationContext context);
}
