using AmiAutomation.Aws.Execution;
using AmiAutomation.Core.Execution;

namespace AmiAutomation.Aws.Tests.Support;

/// <summary>A guard that records its calls and answers with the given functions.</summary>
internal sealed class RecordingGuard : IDeregistrationGuard
{
    public Func<DeregistrationContext, GuardVerdict> Before { get; init; } = _ => GuardVerdict.Proceed;

    public Func<DeregistrationContext, ActionOutcome, GuardVerdict> After { get; init; } = (_, _) => GuardVerdict.Proceed;

    public List<DeregistrationContext> BeforeCalls { get; } = [];

    public List<(DeregistrationContext Context, ActionOutcome Outcome)> AfterCalls { get; } = [];

    public ValueTask<GuardVerdict> BeforeDeregisterAsync(DeregistrationContext context, CancellationToken cancellationToken)
    {
        BeforeCalls.Add(context);
        return ValueTask.FromResult(Before(context));
    }

    public ValueTask<GuardVerdict> AfterDeregisterAsync(DeregistrationContext context, ActionOutcome outcome, CancellationToken cancellationToken)
    {
        AfterCalls.Add((context, outcome));
        return ValueTask.FromResult(After(context, outcome));
    }
}
