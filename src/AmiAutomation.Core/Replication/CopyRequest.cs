namespace AmiAutomation.Core.Replication;

/// <summary>One CopyImage call, fully decided: sent through the destination region's client.</summary>
public sealed record CopyRequest
{
    public required string SourceImageId { get; init; }
    public required string SourceRegion { get; init; }
    public required string DestinationRegion { get; init; }

    /// <summary>The source's name: EC2 keeps names unique per region, so a second copy would clash.</summary>
    public required string Name { get; init; }

    public required string Description { get; init; }

    /// <summary>Deterministic idempotency token (<see cref="CopyClientToken"/>).</summary>
    public required string ClientToken { get; init; }

    /// <summary>1 for the first try; a retry after a failed copy counts up.</summary>
    public required int Attempt { get; init; }

    /// <summary>KMS key in the destination (COPY_KMS_KEYS); null = EC2's default for the snapshots.</summary>
    public string? KmsKeyId { get; init; }

    public bool Encrypted => KmsKeyId is not null;

    /// <summary>Let EC2 copy the source's user tags. False when the source carries our own control tags (a copy of a
    /// copy): then <see cref="Tags"/> holds the filtered source tags explicitly.</summary>
    public required bool CopyImageTags { get; init; }

    /// <summary>Tags set on the new image through TagSpecifications: lineage, the start record (<see cref="CopyRecord"/>),
    /// and the source's tags when <see cref="CopyImageTags"/> is false.</summary>
    public required IReadOnlyDictionary<string, string> Tags { get; init; }

    /// <summary>The source's tags left out: no room within EC2's 50 tags beside ours (reported).</summary>
    public IReadOnlyList<string> DroppedTags { get; init; } = [];
}
