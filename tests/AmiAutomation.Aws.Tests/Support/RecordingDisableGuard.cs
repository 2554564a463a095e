using AmiAutomation.Aws.Execution;
using AmiAutomation.Core.Execution;

namespace AmiAutomation.Aws.Tests.Support;

/// <summary>A disable guard that records its calls and answers with the given functions.</summary>
internal sealed class RecordingDisableGuard : IDisableGuard
{
    public Func<DeregistrationContext, GuardVerdict> Before { get; init; } = _ => GuardVerdict.Proceed;

    public Action<DeregistrationContext, ActionOutcome> After { get; init; } = (_, _) => { };

    public List<DeregistrationContext> BeforeCalls { get; } = [];

    public List<(DeregistrationContext Context, ActionOutcome Outcome)> AfterCalls { get; } = [];

    public ValueTask<GuardVerdict> BeforeDisableAsync(DeregistrationContext context, CancellationToken cancellationToken)
    {
        BeforeCalls.Add(context);
        return ValueTask.FromResult(Before(context));
    }

    public ValueTask AfterDisableAsync(DeregistrationContext context, ActionOutcome outcome, CancellationToken cancellationToken)
    {
        AfterCalls.Add((context, outcome));
        After(context, outcome);
        return ValueTask.CompletedTask;
    }
}
