namespace AmiAutomation.Simulation;

/// <summary>
/// Error codes the simulator had to choose because EC2 does not document them (docs/simulator-behaviours.md, ASSUMED).
/// Each has a second plausible value (<see cref="Alternative"/>), chosen for all of them at once with
/// <see cref="SimulatorOptions.AlternativeErrorCodes"/>; safety tests run both ways, so no safety path depends on a guess.
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

    /// <summary>RunInstances/CreateFleet (owner) launching a disabled image. The facts file (section 7) calls it likely,
    /// not documented: https://docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html</summary>
    public const string LaunchDisabledImage = "InvalidAMIID.Unavailable";

    /// <summary>The <c>DeleteSnapshotResults</c> code for each snapshot of a disabled image deregistered with
    /// DeleteAssociatedSnapshots: assumed deleted like any other image's. UG/disable-an-ami only says a disabled image's
    /// snapshots cannot be deleted while it is disabled, not whether the same call may delete them once it is gone.</summary>
    public const string DisabledImageSnapshot = "success";

    /// <summary>The other plausible value of each assumed code, deliberately outside the sets product code branches on.</summary>
    public static class Alternative
    {
        /// <summary>What EC2 answers for other protected resources (e.g. TerminateInstances with termination protection).</summary>
        public const string DeregistrationProtected = "OperationNotPermitted";

        public const string ManagedByAwsBackup = "AuthFailure";

        public const string RestoreBeforeSnapshots = "InvalidParameterValue";

        public const string ImageNotInRecycleBin = "IncorrectState";

        public const string ImageInWrongState = "InvalidParameterValue";

        /// <summary>What a former sharee sees (the image turns private when disabled).</summary>
        public const string LaunchDisabledImage = "InvalidAMIID.NotFound";

        /// <summary>The image goes, its snapshots stay: EC2 still treats them as a disabled image's.</summary>
        public const string DisabledImageSnapshot = "client-error";
    }

    internal static string DeregistrationProtectedFor(SimulatorOptions options) => options.AlternativeErrorCodes ? Alternative.DeregistrationProtected : DeregistrationProtected;

    internal static string ManagedByAwsBackupFor(SimulatorOptions options) => options.AlternativeErrorCodes ? Alternative.ManagedByAwsBackup : ManagedByAwsBackup;

    internal static string RestoreBeforeSnapshotsFor(SimulatorOptions options) => options.AlternativeErrorCodes ? Alternative.RestoreBeforeSnapshots : RestoreBeforeSnapshots;

    internal static string ImageNotInRecycleBinFor(SimulatorOptions options) => options.AlternativeErrorCodes ? Alternative.ImageNotInRecycleBin : ImageNotInRecycleBin;

    internal static string ImageInWrongStateFor(SimulatorOptions options) => options.AlternativeErrorCodes ? Alternative.ImageInWrongState : ImageInWrongState;

    internal static string LaunchDisabledImageFor(SimulatorOptions options) => options.AlternativeErrorCodes ? Alternative.LaunchDisabledImage : LaunchDisabledImage;
}
