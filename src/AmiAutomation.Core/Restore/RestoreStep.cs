using AmiAutomation.Core.Execution;

namespace AmiAutomation.Core.Restore;

/// <summary>
/// One step of a restore and what came of it: <see cref="OutcomeStatus.Succeeded"/>,
/// <see cref="OutcomeStatus.DryRun"/> (would run), <see cref="OutcomeStatus.Failed"/> (with the EC2 error code) or
/// <see cref="OutcomeStatus.NotStarted"/> (deadline or throttling stopped the call before it; the next call does it).
/// </summary>
public sealed record RestoreStep(RestoreStepKind Kind, string Target, OutcomeStatus Status, string? Detail = null, string? ErrorCode = null);
