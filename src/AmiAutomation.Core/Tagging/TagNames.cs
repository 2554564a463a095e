namespace AmiAutomation.Core.Tagging;

/// <summary>
/// The tag vocabulary, all under one prefix so IAM conditions and Recycle Bin rules can match it.
/// README's "Tag reference" documents each key; keep the two in step.
/// </summary>
public static class TagNames
{
    public const string Prefix = "ami-lifecycle:";

    /// <summary>Family the image belongs to; overrides the name-derived family.</summary>
    public const string Family = Prefix + "family";

    /// <summary>Any value but "false": never deprecate, expire or otherwise retire this image.</summary>
    public const string Keep = Prefix + "keep";

    /// <summary>RFC 3339 time (or date) until which the image is held (set on restore).</summary>
    public const string KeepUntil = Prefix + "keep-until";

    /// <summary>RFC 3339 time (or date) after which the image may be expired.</summary>
    public const string ExpiresAt = Prefix + "expires-at";

    /// <summary>Comma- or space-separated region names the image is copied to.</summary>
    public const string CopyTo = Prefix + "copy-to";

    /// <summary>Lineage on a copy we made: the source image id.</summary>
    public const string SourceImage = Prefix + "source-image";

    /// <summary>Lineage on a copy we made: the source region.</summary>
    public const string SourceRegion = Prefix + "source-region";

    /// <summary>Set on a copy once its launch permissions and deprecation were carried over.</summary>
    public const string CopyFinishedAt = Prefix + "copy-finished-at";

    /// <summary>Set when the restore function brought the image back from the Recycle Bin.</summary>
    public const string RestoredAt = Prefix + "restored-at";

    /// <summary>Marks images this product manages (copies it made, images it restored).</summary>
    public const string ManagedBy = Prefix + "managed-by";

    public const string ManagedByValue = "ami-automation";

    /// <summary>Set on an image and its snapshots right before the expire function deregisters them; the stack's
    /// tag-level Recycle Bin rules match it, so only what we retire is retained.</summary>
    public const string RecycleBin = Prefix + "recycle-bin";

    public const string RecycleBinValue = "retain";
}
