namespace AmiAutomation.Core.Images;

/// <summary>Who manages an image's lifecycle. Images managed by AWS services are never touched unless a policy opts in.</summary>
public enum ImageManager
{
    /// <summary>Nobody claims it: ours to govern under policy.</summary>
    Nobody,

    /// <summary>Created or copied by AmiAutomation (lineage tags).</summary>
    Us,

    /// <summary>Amazon Data Lifecycle Manager (tag <c>aws:dlm:lifecycle-policy-id</c>).</summary>
    DataLifecycleManager,

    /// <summary>AWS Backup (name <c>AwsBackup_*</c> or tag <c>aws:backup:source-resource</c>); only AWS Backup may remove it.</summary>
    AwsBackup,

    /// <summary>EC2 Image Builder (tag <c>CreatedBy = EC2 Image Builder</c> or <c>Ec2ImageBuilderArn</c>).</summary>
    ImageBuilder,
}
