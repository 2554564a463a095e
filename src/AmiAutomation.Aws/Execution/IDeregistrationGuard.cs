using AmiAutomation.Core.Execution;

namespace AmiAutomation.Aws.Execution;

/// <summary>
/// Hooks around each REAL deregistration (never called in dry-run). The expire function uses them to write its ledger
/// record before the call and to verify the Recycle Bin after the first one.
/// </summary>
public interface IDeregistrationGuard
{
    /// <summary>
    /// Runs after the re-check passed, right before DeregisterImage. <see cref="GuardVerdict.Proceed"/> deregisters;
    /// <see cref="GuardVerdict.Skip(string)"/> → SkippedOnRecheck; <see cref="GuardVerdict.Stop(string)"/> → this and all
    /// remaining decisions NotStarted. Throwing → this decision Failed (ErrorCode <c>DeregistrationGuardFailed</c>),
    /// nothing deregistered, the run goes on.
    /// </summary>
    ValueTask<GuardVerdict> BeforeDeregisterAsync(DeregistrationContext context, CancellationToken cancellationToken);

    /// <summary>
    /// Runs after each Succeeded deregistration (including "already gone"). <see cref="GuardVerdict.Stop(string)"/> or
    /// throwing → every remaining decision NotStarted (the outcome already recorded stays Succeeded).
    /// <see cref="GuardVerdict.Skip(string)"/> is treated like Proceed.
    /// </summary>
    ValueTask<GuardVerdict> AfterDeregisterAsync(DeregistrationContext context, ActionOutcome outcome, CancellationToken cancellationToken);
}
