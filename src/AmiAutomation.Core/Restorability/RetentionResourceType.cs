namespace AmiAutomation.Core.Restorability;

/// <summary>What a Recycle Bin retention rule keeps (rbin <c>ResourceType</c>).</summary>
public enum RetentionResourceType
{
    /// <summary><c>EC2_IMAGE</c>: EBS-backed AMIs.</summary>
    Ec2Image,

    /// <summary><c>EBS_SNAPSHOT</c>.</summary>
    EbsSnapshot,
}
