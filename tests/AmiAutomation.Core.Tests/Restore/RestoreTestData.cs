using AmiAutomation.Core.Images;
using AmiAutomation.Core.Ledger;
using AmiAutomation.Core.Restore;

namespace AmiAutomation.Core.Tests.Restore;

/// <summary>Builders for the restore tests: ledger records, bin entries, registered images, candidates.</summary>
internal static class RestoreTestData
{
    public const string Region = "eu-west-1";
    public const string Account = "123456789012";
    public static readonly DateTimeOffset Now = new(2026, 3, 4, 10, 0, 0, TimeSpan.Zero);

    public static LedgerRecord Record(string imageId, string name = "web-2026-01-01", string family = "web", DateTimeOffset? recordedAt = null,
        LedgerStatus status = LedgerStatus.Deregistered) => new()
    {
        ImageId = imageId,
        Region = Region,
        Name = name,
        Family = family,
        RunId = "run-1",
        RecordedAt = recordedAt ?? Now.AddDays(-3),
        ExpiresAt = (recordedAt ?? Now.AddDays(-3)).AddDays(30),
        Status = status,
        Snapshots = [new SnapshotInfo("snap-00000001", 8, "/dev/xvda")],
    };

    public static BinnedImage Bin(string imageId, string name = "web-2026-01-01", DateTimeOffset? enteredAt = null) => new()
    {
        ImageId = imageId,
        Name = name,
        EnteredAt = enteredAt ?? Now.AddDays(-3),
        ExitsAt = (enteredAt ?? Now.AddDays(-3)).AddDays(30),
    };

    public static AmiImage Image(string imageId, string name = "web-2026-01-01", string owner = Account) => new()
    {
        ImageId = imageId,
        Region = Region,
        Name = name,
        OwnerId = owner,
        CreationDate = Now.AddDays(-60),
        State = ImageState.Available,
    };

    public static RestoreCandidate InBin(string imageId, string name, DateTimeOffset enteredAt, string? family = null) => new()
    {
        ImageId = imageId,
        Bin = Bin(imageId, name, enteredAt),
        Ledger = family is null ? null : Record(imageId, name, family, enteredAt.AddSeconds(-5)),
    };
}
