namespace AmiAutomation.Aws.Execution;

/// <summary>ErrorCode values the executor itself puts on outcomes (EC2's own codes are in <c>Ec2ErrorCodes</c>).</summary>
public static class ExecutionErrorCodes
{
    /// <summary>The before-deregistration hook threw (e.g. the ledger write failed); nothing was deregistered.</summary>
    public const string GuardFailed = "DeregistrationGuardFailed";

    /// <summary>EC2 answered Return=false.</summary>
    public const string ReturnFalse = "ReturnFalse";

    /// <summary>The executor does not carry out this action (Copy, FinishCopy, Restore).</summary>
    public const string UnsupportedAction = "UnsupportedAction";

    /// <summary>The decision's image belongs to another region than the plan.</summary>
    public const string RegionMismatch = "RegionMismatch";

    /// <summary>A Deprecate decision without DeprecateAt.</summary>
    public const string MissingDeprecateAt = "MissingDeprecateAt";
}
