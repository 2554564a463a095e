namespace AmiAutomation.Functions.Expire;

/// <summary>One image or snapshot as <see cref="RecycleBinVerifier"/> last saw it.</summary>
public sealed record BinResourceCheck(string ResourceId, bool IsImage, BinStatus Status, DateTimeOffset? ExitTime, string? LastError)
{
    public string Describe(string imageId, TimeSpan waited, int attempts)
    {
        var what = IsImage ? $"image {ResourceId}" : $"snapshot {ResourceId} of {imageId}";
        var rule = IsImage ? "EC2_IMAGE" : "EBS_SNAPSHOT";
        return Status switch
        {
            BinStatus.InBin => $"{what} is in the Recycle Bin (purged at {ExitTime:u})",
            BinStatus.NotInBin => $"{what} was not in the Recycle Bin after {waited.TotalSeconds:0} s ({attempts} poll(s)): "
                + $"no available {rule} retention rule kept it, so it was deleted for good",
            _ => $"could not check whether {what} is in the Recycle Bin ({LastError ?? "no answer"}): "
                + $"the {(IsImage ? "image" : "snapshot")} may well be in the bin, but nothing proves it",
        };
    }
}
