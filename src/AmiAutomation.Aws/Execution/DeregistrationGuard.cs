using AmiAutomation.Core.Execution;

namespace AmiAutomation.Aws.Execution;

/// <summary>Ready-made guards.</summary>
public static class DeregistrationGuard
{
    /// <summary>Always proceeds.</summary>
    public static IDeregistrationGuard None { get; } = new NoGuard();

    private sealed class NoGuard : IDeregistrationGuard
    {
        public ValueTask<GuardVerdict> BeforeDeregisterAsync(DeregistrationContext context, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GuardVerdict.Proceed);

        public ValueTask<GuardVerdict> AfterDeregisterAsync(DeregistrationContext context, ActionOutcome outcome, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GuardVerdict.Proceed);
    }
}
