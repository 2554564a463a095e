namespace AmiAutomation.Functions.Expire;

/// <summary>What <see cref="RecycleBinVerifier"/> found for one deregistered image and its deleted snapshots.</summary>
public sealed record RecycleBinCheck(string ImageId, IReadOnlyList<BinResourceCheck> Resources, int Attempts, TimeSpan Waited)
{
    public bool AllInBin => Resources.All(r => r.Status == BinStatus.InBin);

    public IReadOnlyList<BinResourceCheck> Misses => [.. Resources.Where(r => r.Status != BinStatus.InBin)];

    /// <summary><see cref="BinStatus.NotInBin"/> when anything is known lost, else <see cref="BinStatus.CouldNotCheck"/> or <see cref="BinStatus.InBin"/>.</summary>
    public BinStatus Worst => Resources.Any(r => r.Status == BinStatus.NotInBin)
        ? BinStatus.NotInBin
        : Resources.Any(r => r.Status == BinStatus.CouldNotCheck) ? BinStatus.CouldNotCheck : BinStatus.InBin;

    public string Describe() => AllInBin
        ? $"{ImageId} and its {Resources.Count(r => !r.IsImage)} deleted snapshot(s) are in the Recycle Bin ({Attempts} poll(s))"
        : string.Join("; ", Misses.Select(m => m.Describe(ImageId, Waited, Attempts)));
}
