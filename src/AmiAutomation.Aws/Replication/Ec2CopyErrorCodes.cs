namespace AmiAutomation.Aws.Replication;

/// <summary>The CopyImage-specific EC2 error codes the copy function branches on (the shared ones are in Ec2ErrorCodes).</summary>
public static class Ec2CopyErrorCodes
{
    /// <summary>Too many copies in flight to the destination (300 per region): deferred, not failed.</summary>
    public const string ResourceLimitExceeded = "ResourceLimitExceeded";

    /// <summary>The destination already has an image with this name.</summary>
    public const string DuplicateName = "InvalidAMIName.Duplicate";

    /// <summary>The ClientToken was used before with other parameters.</summary>
    public const string IdempotentParameterMismatch = "IdempotentParameterMismatch";

    /// <summary>The source has too many tags for the copy, or the attempts tag does not fit on the source.</summary>
    public const string TagLimitExceeded = "TagLimitExceeded";

    /// <summary>Recorded (in outcomes, not by EC2) when a second attempt found the copy already there.</summary>
    public const string AlreadyCopied = "AlreadyCopied";
}
