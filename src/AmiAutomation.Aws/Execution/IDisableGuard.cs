using AmiAutomation.Core.Execution;

namespace AmiAutomation.Aws.Execution;

/// <summary>
/// Hooks around each REAL DisableImage (never called in dry runs). The context is the deregistration's shape:
/// <see cref="DeregistrationContext.Current"/> is the image re-read right before the call, with its launch permissions.
/// </summary>
public interface IDisableGuard
{
    /// <summary>
    /// Right before DisableImage: record what the disable destroys (the expire function writes the ledger's disable
    /// record). <see cref="GuardVerdict.Skip(string)"/> → SkippedOnRecheck; <see cref="GuardVerdict.Stop(string)"/> →
    /// the run stops; throwing → this decision Failed (<see cref="ExecutionErrorCodes.GuardFailed"/>), not disabled.
    /// </summary>
    ValueTask<GuardVerdict> BeforeDisableAsync(DeregistrationContext context, CancellationToken cancellationToken);

    /// <summary>After a Succeeded DisableImage (confirm the record). Throwing is reported on the outcome; the run goes on.</summary>
    ValueTask AfterDisableAsync(DeregistrationContext context, ActionOutcome outcome, CancellationToken cancellationToken);
}
