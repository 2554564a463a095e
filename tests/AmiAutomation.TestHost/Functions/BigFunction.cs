using AmiAutomation.Runtime.Functions;
using AmiAutomation.Runtime.Hosting;

namespace AmiAutomation.TestHost.Functions;

/// <summary>Returns a JSON string of <c>{"bytes": n}</c> bytes, by default <see cref="DefaultBytes"/>: over Lambda's
/// 6 MB response limit, so the Runtime API answers 413.</summary>
internal sealed class BigFunction() : LambdaFunction<BigRequest, string>(HandlerName, TestHostJsonContext.Default.BigRequest, TestHostJsonContext.Default.String)
{
    public const string HandlerName = "big";
    public const int DefaultBytes = 7 * 1024 * 1024;

    protected override Task<string> HandleAsync(BigRequest input, InvocationContext context)
        => Task.FromResult(new string('x', Math.Max(0, (input.Bytes ?? DefaultBytes) - 2)));
}
