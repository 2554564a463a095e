namespace AmiAutomation.Aws.Throttling;

/// <summary>EC2's throttling groups (ec2-api-throttling): each has its own bucket size and refill rate.</summary>
public enum Ec2ActionClass
{
    /// <summary>Non-mutating Describe/List calls (DescribeImages, DescribeImageAttribute, DescribeLaunchTemplate(Version)s,
    /// DescribeImageReferences, List*InRecycleBin, filtered or paginated DescribeInstances/DescribeSnapshots): 100, +20/s.</summary>
    Describe,

    /// <summary>DescribeInstances / DescribeSnapshots sent unfiltered and unpaginated: 50, +10/s.</summary>
    UnfilteredDescribe,

    /// <summary>Default mutating calls (Enable/DisableImageDeprecation, Disable/EnableImage, deregistration protection,
    /// Restore*FromRecycleBin): 50, +5/s.</summary>
    Mutate,

    /// <summary>CopyImage: 100, +1/s.</summary>
    CopyImage,

    /// <summary>CreateTags / DeleteTags: 100, +10/s.</summary>
    Tagging,

    /// <summary>DeregisterImage, DeleteSnapshot, ModifyImageAttribute: 100, +5/s.</summary>
    Deregister,
}
