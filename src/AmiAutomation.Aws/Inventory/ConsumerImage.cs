namespace AmiAutomation.Aws.Inventory;

/// <summary>What a <see cref="Consumer"/> names as its image.</summary>
internal enum ConsumerImage
{
    /// <summary>An image id (<c>ami-…</c>).</summary>
    ImageId,

    /// <summary>No image id at all (AWS requires one; only a lying endpoint or an unknown shape sends none).</summary>
    Nothing,

    /// <summary>Something else: an SSM alias nobody resolved, or garbage from an emulator.</summary>
    NotAnImageId,
}
