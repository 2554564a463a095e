using AmiAutomation.Core.Tagging;
using AmiAutomation.Functions.Common;
using AmiAutomation.Functions.Expire;
using AmiAutomation.Functions.Tests.Common;
using AmiAutomation.Simulation.Seeding;

namespace AmiAutomation.Functions.Tests.Expire;

/// <summary>The stack's Recycle Bin rules are tag-level: they retain only what expire tags right before it deregisters.</summary>
public sealed class RecycleBinTaggerTests
{
    private static readonly KeyValuePair<string, string?> RetainTag = new(TagNames.RecycleBin, TagNames.RecycleBinValue);

    private readonly SweepHarness _h = new();

    public RecycleBinTaggerTests()
    {
        _h.Live().Set(ExpireSettings.KeepNewestVariable, "1");
        _h.Ec2.ClearRecycleBinRules(SweepHarness.Region);
        _h.Ec2.AddRecycleBinRule(SweepHarness.Region, new RecycleBinRule(RecycleBinResourceType.Ec2Image, 30) { ResourceTags = [RetainTag] });
        _h.Ec2.AddRecycleBinRule(SweepHarness.Region, new RecycleBinRule(RecycleBinResourceType.EbsSnapshot, 30) { ResourceTags = [RetainTag] });
    }

    [Fact]
    public async Task Expire_TagsImageAndSnapshots_SoTagLevelRulesRetainThem()
    {
        var expired = Expired();
        var snapshots = _h.Ec2.SnapshotIdsOf(SweepHarness.Region, expired);
        var other = _h.AddImage(b => b.Named("unrelated").Tagged(TagNames.Keep, "true"));

        var summary = await _h.InvokeAsync(_h.Expire());

        Assert.Equal("succeeded", summary.Decisions.Single(d => d.ImageId == expired).Outcome);
        Assert.True(_h.Ec2.IsImageInRecycleBin(SweepHarness.Region, expired));
        Assert.Equal(2, snapshots.Count);
        Assert.All(snapshots, s => Assert.True(_h.Ec2.IsSnapshotInRecycleBin(SweepHarness.Region, s), $"{s} not retained"));
        Assert.Equal(TagNames.RecycleBinValue, _h.Ec2.TagsOf(SweepHarness.Region, expired)[TagNames.RecycleBin]);
        Assert.False(_h.Ec2.TagsOf(SweepHarness.Region, other).ContainsKey(TagNames.RecycleBin));
    }

    [Fact]
    public async Task TaggingFails_NothingDeregistered()
    {
        var expired = Expired();
        _h.Ec2.Faults.FailNext("CreateTags", 1, "UnauthorizedOperation", System.Net.HttpStatusCode.Forbidden);

        var summary = await _h.InvokeAsync(_h.Expire());

        var line = summary.Decisions.Single(d => d.ImageId == expired);
        Assert.Equal("failed", line.Outcome);
        Assert.Equal("DeregistrationGuardFailed", line.ErrorCode);
        Assert.NotNull(_h.Image(expired));
        Assert.Equal(0, _h.Ec2.Calls.CountOf("DeregisterImage"));
    }

    [Fact]
    public async Task DryRun_TagsNothing()
    {
        var expired = Expired();
        _h.Environment[CommonSettings.DryRunVariable] = "true";

        await _h.InvokeAsync(_h.Expire());

        Assert.False(_h.Ec2.TagsOf(SweepHarness.Region, expired).ContainsKey(TagNames.RecycleBin));
        Assert.Equal(0, _h.Ec2.Calls.CountOf("CreateTags"));
    }

    private string Expired()
    {
        _h.AddImage(b => b.Named("svc-new").Tagged(TagNames.Family, "svc").CreatedDaysAgo(1));
        return _h.AddImage(b => b.Named("svc-old").Tagged(TagNames.Family, "svc").CreatedDaysAgo(200)
            .DeprecatedAt(SweepHarness.Start.AddDays(-60)).WithSnapshot(8).WithSnapshot(20));
    }
}
