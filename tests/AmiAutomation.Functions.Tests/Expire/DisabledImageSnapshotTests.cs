using AmiAutomation.Functions.Common;
using AmiAutomation.Simulation;

namespace AmiAutomation.Functions.Tests.Expire;

/// <summary>
/// Whether DeregisterImage with DeleteAssociatedSnapshots deletes a disabled image's snapshots is not documented
/// (docs/simulator-behaviours.md row 42). The disable stage deregisters disabled images, so it runs under both
/// assumptions (<see cref="SimulatorOptions.AlternativeErrorCodes"/>): either the snapshots go to the Recycle Bin with
/// the image, or they stay and every one is reported by id and code; none is lost unreported either way.
/// </summary>
public sealed class DisabledImageSnapshotTests : DisableStageScenario
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task DisabledImageDeregistered_SnapshotsBinnedOrEachReportedNotDeleted(bool alternative)
    {
        _h.Ec2.Options.AlternativeErrorCodes = alternative;
        var image = DueForDisable(b => b.WithSnapshot(8).WithSnapshot(4));
        Newest();
        await ExpireAsync();
        Assert.Equal("disabled", State(image));
        var snapshots = _h.Ec2.SnapshotIdsOf(Region, image);
        _h.Time.SetUtcNow(DisableRecord(image)!.DisabledAt!.Value + ExpireAfterDisabled);

        var summary = await ExpireAsync();

        AssertLine(summary, image, Deregister, Succeeded, "DisabledLongEnough");
        Assert.Equal("gone", State(image));
        Assert.True(_h.Ec2.IsImageInRecycleBin(Region, image));
        var totals = summary.Deregistration!;
        if (alternative)
        {
            Assert.Equal(0, totals.SnapshotsDeleted);
            Assert.Equal(snapshots.Order(StringComparer.Ordinal), totals.SnapshotsNotDeleted.Select(s => s.SnapshotId).Order(StringComparer.Ordinal));
            Assert.All(totals.SnapshotsNotDeleted, s => Assert.Equal(SimulatedErrorCodes.Alternative.DisabledImageSnapshot, s.ReturnCode));
            Assert.All(snapshots, s => Assert.NotNull(_h.Ec2.FindSnapshot(Region, s)));
            Assert.Equal(2, _h.Metric(MetricNames.SnapshotsNotDeleted, SimulatedErrorCodes.Alternative.DisabledImageSnapshot));
        }
        else
        {
            Assert.Equal(2, totals.SnapshotsDeleted);
            Assert.Empty(totals.SnapshotsNotDeleted);
            Assert.All(snapshots, s => Assert.True(_h.Ec2.IsSnapshotInRecycleBin(Region, s)));
        }
    }
}
