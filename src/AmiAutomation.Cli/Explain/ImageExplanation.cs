namespace AmiAutomation.Cli.Explain;

/// <summary>One image: what it is, the evidence the functions read, and each function's verdict with what comes next.</summary>
public sealed record ImageExplanation
{
    /// <summary>The status of an image found in the inventory.</summary>
    public const string Explained = "explained";

    /// <summary>No region asked about lists the id (nor holds it in the Recycle Bin).</summary>
    public const string NotFound = "not-found";

    /// <summary>The id exists but another account owns it: the functions never act on it.</summary>
    public const string NotOwned = "not-owned";

    /// <summary>Deregistered: the image is in the Recycle Bin.</summary>
    public const string InRecycleBin = "in-recycle-bin";

    public required string ImageId { get; init; }

    /// <summary><see cref="Explained"/>, <see cref="NotFound"/>, <see cref="NotOwned"/> or <see cref="InRecycleBin"/>.</summary>
    public required string Status { get; init; }

    /// <summary>For an image not explained: what was found instead, in a sentence.</summary>
    public string? Message { get; init; }

    public string? Region { get; init; }
    public string? Name { get; init; }
    public string? OwnerId { get; init; }
    public string? State { get; init; }
    public DateTimeOffset? CreationDate { get; init; }
    public long? AgeDays { get; init; }
    public DateTimeOffset? DeprecationTime { get; init; }
    public DateTimeOffset? LastLaunchedTime { get; init; }

    /// <summary>The tags the rules read (<c>ami-lifecycle:*</c>), as EC2 returned them.</summary>
    public IReadOnlyDictionary<string, string>? Tags { get; init; }

    /// <summary>Every reference found, with the source that found it.</summary>
    public IReadOnlyList<ExplainReference>? References { get; init; }

    /// <summary>How each inventory source fared (a failed or disabled source found nothing it could have found).</summary>
    public IReadOnlyList<ExplainSource>? Sources { get; init; }

    public ExplainFamily? Family { get; init; }
    public IReadOnlyList<FunctionExplanation>? Functions { get; init; }

    /// <summary>The restore function's view: would a deregistration of this image be recoverable from the Recycle Bin.</summary>
    public string? RecycleBin { get; init; }
}
