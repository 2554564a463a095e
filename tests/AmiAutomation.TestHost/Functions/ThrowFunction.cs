using System.Text;
using AmiAutomation.Runtime.Functions;
using AmiAutomation.Runtime.Hosting;

namespace AmiAutomation.TestHost.Functions;

/// <summary>Always fails: an <see cref="InvalidOperationException"/> whose inner exception is a <see cref="FormatException"/>.</summary>
internal sealed class ThrowFunction : ILambdaFunction
{
    public const string HandlerName = "throw";
    public const string InnerMessage = "inner cause from the throw handler";

    public string Name => HandlerName;

    public Task<byte[]?> InvokeAsync(ReadOnlyMemory<byte> payload, InvocationContext context)
    {
        try
        {
            throw new FormatException(InnerMessage);
        }
        catch (FormatException inner)
        {
            throw new InvalidOperationException($"The throw handler failed on purpose for {Encoding.UTF8.GetString(payload.Span)}", inner);
        }
    }
}
