namespace AmiAutomation.Simulation.Fleet;

/// <summary>How a family names its builds and who manages it.</summary>
internal enum FamilyStyle
{
    /// <summary><c>web-2024.03.01</c></summary>
    DottedDate,

    /// <summary><c>base-al2023-1.2.3</c></summary>
    SemVer,

    /// <summary><c>batch-build-1234</c></summary>
    BuildNumber,

    /// <summary>Instance store-backed legacy images.</summary>
    InstanceStore,

    /// <summary>Data Lifecycle Manager snapshots-of-instances (tag <c>aws:dlm:lifecycle-policy-id</c>).</summary>
    DataLifecycleManager,

    /// <summary>AWS Backup recovery points (name <c>AwsBackup_*</c>, tag <c>aws:backup:source-resource</c>).</summary>
    AwsBackup,

    /// <summary>EC2 Image Builder output (tags <c>CreatedBy</c>, <c>Ec2ImageBuilderArn</c>).</summary>
    ImageBuilder,
}
