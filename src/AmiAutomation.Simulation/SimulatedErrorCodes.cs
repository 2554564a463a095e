namespace AmiAutomation.Simulation;

/// <summary>
/// Error codes the simulator had to choose because EC2 does not document them
/// (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html lists none for these cases).
/// Product code should avoid these paths up front (skip protected/Backup images, restore snapshots first) and treat
/// the codes as opaque failures.
/// </summary>
public static class SimulatedErrorCodes
{
    /// <summary>DeregisterImage on an image whose deregistration protection (or its 24 h cooldown) is active.</summary>
    public const string DeregistrationProtected = "InvalidParameterValue";

    /// <summary>DeregisterImage on an AWS Backup-managed image (name <c>AwsBackup_*</c> or tag <c>aws:backup:source-resource</c>).</summary>
    public const string ManagedByAwsBackup = "OperationNotPermitted";

    /// <summary>RestoreImageFromRecycleBin while one of the image's snapshots is still binned, restoring or gone.</summary>
    public const string RestoreBeforeSnapshots = "IncorrectState";

    /// <summary>RestoreImageFromRecycleBin for an image that is not in the Recycle Bin (never was, restored, or purged).</summary>
    public const string ImageNotInRecycleBin = "InvalidAMIID.NotFound";

    /// <summary>ModifyImageAttribute adding launch permissions to a disabled image; Disable/EnableImage in a wrong state.</summary>
    public const string ImageInWrongState = "IncorrectState";
}
