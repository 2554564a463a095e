namespace AmiAutomation.Simulation;

/// <summary>Knobs of one <see cref="Ec2Simulator"/>. Settable at any time; read on each call.</summary>
public sealed class SimulatorOptions
{
    /// <summary>The account the simulator's clients act as (and own seeded images by default).</summary>
    public string AccountId { get; init; } = "123456789012";

    /// <summary>How long a CopyImage stays <c>pending</c> on the simulator's clock. Zero: available at once (like moto).</summary>
    public TimeSpan CopyDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long CreateImage (and seeded pending non-copy images) stay <c>pending</c>. Default zero (like moto).</summary>
    public TimeSpan CreateImageDuration { get; set; } = TimeSpan.Zero;

    /// <summary>How long a snapshot restored from the Recycle Bin stays <c>pending</c> before <c>completed</c>. Default zero.</summary>
    public TimeSpan SnapshotRestoreDuration { get; set; } = TimeSpan.Zero;

    /// <summary>Concurrent (pending) copies allowed per destination region; more → ResourceLimitExceeded.</summary>
    public int MaxConcurrentCopiesPerRegion { get; set; } = 300;

    /// <summary>Token-bucket throttling with EC2's bucket sizes, measured on the simulator's clock. Off by default.</summary>
    public bool ThrottlingEnabled { get; set; }

    /// <summary>How long a terminated instance stays visible to DescribeInstances / DescribeImageReferences.</summary>
    public TimeSpan TerminatedInstanceVisibility { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long an AMI usage report stays <c>pending</c> before <c>available</c> (AWS: minutes to hours). Default 1 h.</summary>
    public TimeSpan UsageReportDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Behave like moto: DeregisterImage ignores DeleteAssociatedSnapshots (snapshots stay, no results returned).</summary>
    public bool IgnoreDeleteAssociatedSnapshots { get; set; }

    /// <summary>DescribeImageReferences reports instances and launch templates too (as EC2 does, to a version depth).
    /// Off: only the other resource types (SSM parameters, recipes), so a test can prove the dedicated instance and
    /// launch template sources stand on their own. Default true.</summary>
    public bool ImageReferencesReportInstancesAndTemplates { get; set; } = true;

    /// <summary>Answer with the alternative value of every error code EC2 does not document
    /// (<see cref="SimulatedErrorCodes.Alternative"/>). Default false.</summary>
    public bool AlternativeErrorCodes { get; set; }

    /// <summary>How long a deregistered image's name stays taken (InvalidAMIName.Duplicate). EC2 documents that names
    /// free slowly, not how slowly (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html):
    /// ASSUMED. Default zero (free at once); tests that depend on reuse run with a hold too.</summary>
    public TimeSpan DeregisteredNameHold { get; set; }
}
