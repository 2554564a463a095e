namespace AmiAutomation.Core.Restorability;

/// <summary>The rbin API names of <see cref="RetentionResourceType"/>.</summary>
public static class RetentionResourceTypes
{
    public const string Ec2ImageName = "EC2_IMAGE";
    public const string EbsSnapshotName = "EBS_SNAPSHOT";

    public static string ApiName(this RetentionResourceType type) =>
        type == RetentionResourceType.EbsSnapshot ? EbsSnapshotName : Ec2ImageName;
}
