using AmiAutomation.Core.Execution;

namespace AmiAutomation.Aws.RecycleBin;

/// <summary>
/// What one mutating call of a restore came to: <see cref="OutcomeStatus.Succeeded"/>, <see cref="OutcomeStatus.DryRun"/>
/// (EC2 answered DryRunOperation) or <see cref="OutcomeStatus.Failed"/> with EC2's code. <see cref="Transient"/>
/// failures (throttling, 5xx after the SDK's retries) are worth another call later.
/// </summary>
public sealed record Ec2CallOutcome(OutcomeStatus Status, string? ErrorCode = null, string? Detail = null)
{
    public static readonly Ec2CallOutcome Succeeded = new(OutcomeStatus.Succeeded);

    public static readonly Ec2CallOutcome DryRun = new(OutcomeStatus.DryRun, Detail: "EC2 DryRun: would have been allowed");

    public bool Transient { get; init; }

    public bool IsFailure => Status == OutcomeStatus.Failed;
}
