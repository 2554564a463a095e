using AmiAutomation.Core.Families;
using AmiAutomation.Core.Images;
using AmiAutomation.Core.Restore;
using static AmiAutomation.Core.Tests.Restore.RestoreTestData;

namespace AmiAutomation.Core.Tests.Restore;

public sealed class RecycleBinCatalogTests
{
    [Fact]
    public void Build_JoinsLedgerAndFallsBackToDescriptions_NewestFirst()
    {
        var recorded = Bin("ami-0000000000000000a", "web-2026-01-01", Now.AddDays(-5));
        var unrecorded = Bin("ami-0000000000000000b", "db-2026-02-01", Now.AddDays(-1));
        var record = Record("ami-0000000000000000a", "web-2026-01-01", "web") with
        {
            Snapshots = [new SnapshotInfo("snap-0000000000000001", 8, "/dev/xvda"), new SnapshotInfo("snap-0000000000000002", 100, "/dev/xvdb")],
        };
        var snapshots = new[]
        {
            new BinnedSnapshot { SnapshotId = "snap-0000000000000001", Description = "Created by CreateImage(i-01234567) for ami-0000000000000000a" },
            new BinnedSnapshot { SnapshotId = "snap-0000000000000009", Description = "Created by CreateImage(i-01234567) for ami-0000000000000000b" },
            new BinnedSnapshot { SnapshotId = "snap-000000000000000f", Description = "unrelated" },
        };

        var entries = RecycleBinCatalog.Build([recorded, unrecorded], [record], snapshots, FamilyResolver.Default);

        Assert.Equal(["ami-0000000000000000b", "ami-0000000000000000a"], entries.Select(e => e.Image.ImageId));
        var first = entries[0];
        Assert.Null(first.Ledger);
        Assert.Equal("db", first.Family);
        Assert.Equal(SnapshotSource.Description, first.SnapshotSource);
        Assert.Equal([new BinEntrySnapshot("snap-0000000000000009", 0, true)], first.Snapshots);
        var second = entries[1];
        Assert.Same(record, second.Ledger);
        Assert.Equal("web", second.Family);
        Assert.Equal(
            [new BinEntrySnapshot("snap-0000000000000001", 8, true), new BinEntrySnapshot("snap-0000000000000002", 100, false)],
            second.Snapshots);
    }

    [Fact]
    public void Build_EmptyBin_IsEmpty() =>
        Assert.Empty(RecycleBinCatalog.Build([], [Record("ami-0000000000000000a")], [], FamilyResolver.Default));
}
