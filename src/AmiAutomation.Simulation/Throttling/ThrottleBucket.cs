namespace AmiAutomation.Simulation.Throttling;

/// <summary>EC2's throttling action groups (https://docs.aws.amazon.com/ec2/latest/devguide/ec2-api-throttling.html). Each action has its own bucket of its group's size.</summary>
public enum ThrottleBucket
{
    /// <summary>Non-mutating Describe/List calls: 100 tokens, 20/s.</summary>
    Describe,

    /// <summary>DescribeInstances / DescribeSnapshots without filters and without paging: 50 tokens, 10/s.</summary>
    UnfilteredDescribe,

    /// <summary>Default mutating calls (deprecation, disable/enable, protection, restores): 50 tokens, 5/s.</summary>
    Mutating,

    /// <summary>CopyImage: 100 tokens, 1/s.</summary>
    CopyImage,

    /// <summary>CreateTags / DeleteTags: 100 tokens, 10/s.</summary>
    Tagging,

    /// <summary>DeregisterImage, DeleteSnapshot, ModifyImageAttribute: 100 tokens, 5/s.</summary>
    Destructive,
}
