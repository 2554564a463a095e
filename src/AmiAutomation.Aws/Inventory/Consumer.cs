namespace AmiAutomation.Aws.Inventory;

/// <summary>One thing that can launch an image: its id (launch configuration name, sir-…, sfr-…) and the image id it names
/// (null or empty when it names none: the source reading it is then not trusted, see <see cref="ConsumerCollector"/>).</summary>
internal readonly record struct Consumer(string ResourceId, string? ImageId)
{
    /// <summary>What <see cref="ImageId"/> holds. One rule for the inventory (<see cref="ConsumerCollector"/>) and the
    /// executor's re-check: only an image id can protect an image; anything else means the image launched is unknown.</summary>
    public ConsumerImage Names => string.IsNullOrEmpty(ImageId)
        ? ConsumerImage.Nothing
        : ImageId.StartsWith("ami-", StringComparison.Ordinal) ? ConsumerImage.ImageId : ConsumerImage.NotAnImageId;
}
