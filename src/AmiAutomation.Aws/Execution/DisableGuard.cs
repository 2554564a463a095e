using AmiAutomation.Core.Execution;

namespace AmiAutomation.Aws.Execution;

/// <summary>Ready-made disable guards.</summary>
public static class DisableGuard
{
    /// <summary>The default: skips every disable. DisableImage destroys the launch permissions for good, so nothing is
    /// disabled unless a guard records them first.</summary>
    public static IDisableGuard Refuse { get; } = new RefuseGuard();

    private sealed class RefuseGuard : IDisableGuard
    {
        public ValueTask<GuardVerdict> BeforeDisableAsync(DeregistrationContext context, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GuardVerdict.Skip("no disable guard configured to record the launch permissions: not disabled"));

        public ValueTask AfterDisableAsync(DeregistrationContext context, ActionOutcome outcome, CancellationToken cancellationToken) =>
            ValueTask.CompletedTask;
    }
}
