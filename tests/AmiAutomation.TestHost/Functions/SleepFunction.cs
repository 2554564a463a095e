using AmiAutomation.Runtime.Functions;
using AmiAutomation.Runtime.Hosting;

namespace AmiAutomation.TestHost.Functions;

/// <summary>Waits <c>{"milliseconds": n}</c> on the context's clock, stopping early when the deadline token fires.</summary>
internal sealed class SleepFunction() : LambdaFunction<SleepRequest, SleepResult>(HandlerName, TestHostJsonContext.Default.SleepRequest, TestHostJsonContext.Default.SleepResult)
{
    public const string HandlerName = "sleep";

    protected override async Task<SleepResult> HandleAsync(SleepRequest input, InvocationContext context)
    {
        await Task.Delay(TimeSpan.FromMilliseconds(input.Milliseconds), context.TimeProvider, context.CancellationToken);
        return new SleepResult(input.Milliseconds);
    }
}
