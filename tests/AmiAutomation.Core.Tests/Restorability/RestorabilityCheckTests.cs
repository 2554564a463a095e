using AmiAutomation.Core.Restorability;

namespace AmiAutomation.Core.Tests.Restorability;

/// <summary>
/// Whether a deregistration would be restorable from the Recycle Bin: an available rule must surely keep the image and
/// each snapshot, and no snapshot may be kept for less time than the image might be (a restored image without its
/// snapshots cannot launch). Every refusal names the resource, the rule and what to change.
/// </summary>
public class RestorabilityCheckTests
{
    private const string RetainKey = "ami-lifecycle:recycle-bin";

    private static RetentionRule Image(string id, int days, bool available = true) => new(id, RetentionResourceType.Ec2Image, days, available);

    private static RetentionRule Snapshot(string id, int days, bool available = true) => new(id, RetentionResourceType.EbsSnapshot, days, available);

    private static RetentionRule OnTag(RetentionRule rule, string key, string? value) => rule with { ResourceTags = [new(key, value)] };

    private static TaggedResource Resource(string id, params (string Key, string Value)[] tags) =>
        new(id, tags.ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal));

    [Fact]
    public void ForRun_NoRules_BothMissingAndNamed()
    {
        var verdict = RestorabilityCheck.ForRun([]);

        Assert.False(verdict.IsRestorable);
        Assert.Equal(
            [
                "no available EC2_IMAGE retention rule matches tag ami-lifecycle:recycle-bin=retain",
                "no available EBS_SNAPSHOT retention rule matches tag ami-lifecycle:recycle-bin=retain",
            ],
            verdict.Problems);
        Assert.Equal(string.Join("; ", verdict.Problems), verdict.Reason);
        Assert.Null(verdict.ImageRetentionDays);
        Assert.Null(verdict.SnapshotRetentionDays);
    }

    [Fact]
    public void ForRun_RegionLevelRulesForBoth_RestorableWithTheirDays()
    {
        var verdict = RestorabilityCheck.ForRun([Image("r-img", 7), Snapshot("r-snap", 10)]);

        Assert.True(verdict.IsRestorable, verdict.Reason);
        Assert.Equal(string.Empty, verdict.Reason);
        Assert.Equal(7, verdict.ImageRetentionDays);
        Assert.Equal(10, verdict.SnapshotRetentionDays);
    }

    [Fact]
    public void ForRun_TagLevelRulesOnOurTag_Restorable() =>
        Assert.True(RestorabilityCheck.ForRun([OnTag(Image("r-img", 7), RetainKey, "retain"), OnTag(Snapshot("r-snap", 7), RetainKey, "retain")]).IsRestorable);

    [Fact]
    public void ForRun_TagLevelRuleOnAnotherValue_Missing()
    {
        var verdict = RestorabilityCheck.ForRun([OnTag(Image("r-img", 7), RetainKey, "keep"), Snapshot("r-snap", 7)]);

        Assert.Equal(["no available EC2_IMAGE retention rule matches tag ami-lifecycle:recycle-bin=retain"], verdict.Problems);
    }

    [Fact]
    public void ForRun_SnapshotRuleDoesNotKeepImages_ImageMissing()
    {
        var verdict = RestorabilityCheck.ForRun([Snapshot("r-snap", 7), Snapshot("r-snap2", 9)]);

        Assert.Single(verdict.Problems);
        Assert.StartsWith("no available EC2_IMAGE retention rule", verdict.Problems[0], StringComparison.Ordinal);
        Assert.Equal(9, verdict.SnapshotRetentionDays);
    }

    [Fact]
    public void ForRun_PendingImageRule_MissingWithHintAndCountedAsPossible()
    {
        var verdict = RestorabilityCheck.ForRun([Image("r-img", 14, available: false), Snapshot("r-snap", 7)]);

        Assert.Equal(2, verdict.Problems.Count);
        Assert.Equal(
            "no available EC2_IMAGE retention rule matches tag ami-lifecycle:recycle-bin=retain (rule r-img matches but is not available yet (pending; a new rule can take up to 30 minutes))",
            verdict.Problems[0]);
        Assert.Equal(
            "EBS_SNAPSHOT retention for tag ami-lifecycle:recycle-bin=retain is 7 days (rule r-snap) but EC2_IMAGE retention may be 14 days (rule r-img): "
            + "a restored image could find its snapshots purged; keep snapshots at least as long as images",
            verdict.Problems[1]);
        Assert.Equal(14, verdict.ImageRetentionDays);
    }

    [Fact]
    public void ForRun_PendingSnapshotRule_DoesNotCount()
    {
        var verdict = RestorabilityCheck.ForRun([Image("r-img", 7), Snapshot("r-snap", 7, available: false)]);

        Assert.Equal(["no available EBS_SNAPSHOT retention rule matches tag ami-lifecycle:recycle-bin=retain (rule r-snap matches but is not available yet (pending; a new rule can take up to 30 minutes))"], verdict.Problems);
        Assert.Null(verdict.SnapshotRetentionDays);
    }

    [Fact]
    public void ForImage_PendingRuleThatDoesNotMatch_GivesNoHint()
    {
        // A pending rule for other tags is irrelevant: saying it "matches but is not available yet" would send the
        // operator to wait for a rule that will never keep this image.
        var verdict = RestorabilityCheck.ForImage(
            [OnTag(Image("r-db", 7, available: false), "team", "db"), Snapshot("r-snap", 7)], Resource("ami-1", ("team", "web")), [Resource("snap-1")]);

        Assert.Equal(["no available EC2_IMAGE retention rule matches image ami-1 (its tags plus ami-lifecycle:recycle-bin=retain)"], verdict.Problems);
    }

    [Fact]
    public void ForRun_SnapshotsKeptExactlyAsLongAsImages_Restorable() =>
        Assert.True(RestorabilityCheck.ForRun([Image("r-img", 7), Snapshot("r-snap", 7)]).IsRestorable);

    [Fact]
    public void ForRun_SnapshotsKeptOneDayLess_NotRestorable()
    {
        var verdict = RestorabilityCheck.ForRun([Image("r-img", 8), Snapshot("r-snap", 7)]);

        Assert.Equal(
            ["EBS_SNAPSHOT retention for tag ami-lifecycle:recycle-bin=retain is 7 days (rule r-snap) but EC2_IMAGE retention may be 8 days (rule r-img): "
                + "a restored image could find its snapshots purged; keep snapshots at least as long as images"],
            verdict.Problems);
    }

    [Fact]
    public void ForRun_SeveralRules_LongestSnapshotGuaranteeAndLongestImagePossibility()
    {
        // Image rules 3 and 10 days: the image may stay 10. Snapshot rules 5 and 12: 12 is guaranteed, enough.
        var verdict = RestorabilityCheck.ForRun([Image("r-a", 3), Image("r-b", 10), Snapshot("s-a", 5), Snapshot("s-b", 12)]);

        Assert.True(verdict.IsRestorable, verdict.Reason);
        Assert.Equal(10, verdict.ImageRetentionDays);
        Assert.Equal(12, verdict.SnapshotRetentionDays);
    }

    [Fact]
    public void ForRun_EqualRetention_NamesTheFirstRuleByIdentifier()
    {
        var verdict = RestorabilityCheck.ForRun([Image("r-z", 9), Image("r-a", 9), Snapshot("s-z", 4), Snapshot("s-a", 4)]);

        Assert.Contains("is 4 days (rule s-a)", verdict.Reason, StringComparison.Ordinal);
        Assert.Contains("may be 9 days (rule r-a)", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ForRun_KeyOnlyRule_NotReliedOnButCountedAsPossible()
    {
        var verdict = RestorabilityCheck.ForRun([OnTag(Image("r-key", 30), RetainKey, null), Image("r-img", 5), Snapshot("r-snap", 7)]);

        // The key-only rule is no guarantee, but the image might be kept 30 days: 7-day snapshots are too short.
        Assert.Equal(30, verdict.ImageRetentionDays);
        Assert.Single(verdict.Problems);
        Assert.Contains("may be 30 days (rule r-key)", verdict.Problems[0], StringComparison.Ordinal);
    }

    [Fact]
    public void ForRun_OnlyKeyOnlyRule_MissingWithHint() =>
        Assert.Equal(
            "no available EC2_IMAGE retention rule matches tag ami-lifecycle:recycle-bin=retain (rule r-key names a tag key without a value; AWS does not document that this matches, so it is not relied on)",
            RestorabilityCheck.ForRun([OnTag(Image("r-key", 7), RetainKey, null), Snapshot("r-snap", 7)]).Problems[0]);

    [Fact]
    public void ForImage_ExcludedByRegionRule_NamesTheExcludingTagAndTheImage()
    {
        var rules = new[]
        {
            Image("r-img", 7) with { ExcludeResourceTags = [new("env", "prod")] },
            Snapshot("r-snap", 7),
        };

        var verdict = RestorabilityCheck.ForImage(rules, Resource("ami-1", ("env", "prod")), [Resource("snap-1")]);

        Assert.Equal(
            ["no available EC2_IMAGE retention rule matches image ami-1 (its tags plus ami-lifecycle:recycle-bin=retain) (region-level rule r-img excludes it by tag env=prod)"],
            verdict.Problems);
    }

    [Fact]
    public void ForImage_SeveralHints_OrderedByRuleAndJoined()
    {
        var rules = new[]
        {
            Image("r-b", 7, available: false),
            OnTag(Image("r-a", 7), "team", null),
            Image("r-c", 7) with { ExcludeResourceTags = [new("team", "web")] },
            Snapshot("r-snap", 7),
        };

        var verdict = RestorabilityCheck.ForImage(rules, Resource("ami-1", ("team", "web")), [Resource("snap-1")]);

        Assert.Equal(
            "no available EC2_IMAGE retention rule matches image ami-1 (its tags plus ami-lifecycle:recycle-bin=retain) ("
            + "rule r-a names a tag key without a value; AWS does not document that this matches, so it is not relied on; "
            + "rule r-b matches but is not available yet (pending; a new rule can take up to 30 minutes); "
            + "region-level rule r-c excludes it by tag team=web)",
            verdict.Problems[0]);
    }

    [Fact]
    public void ForImage_OneSnapshotExcluded_NamesThatSnapshotOfTheImage()
    {
        var rules = new[] { Image("r-img", 7), Snapshot("r-snap", 7) with { ExcludeResourceTags = [new("tier", "scratch")] } };

        var verdict = RestorabilityCheck.ForImage(rules, Resource("ami-1"), [Resource("snap-1"), Resource("snap-2", ("tier", "scratch"))]);

        Assert.Equal(
            ["no available EBS_SNAPSHOT retention rule matches snapshot snap-2 of ami-1 (its tags plus ami-lifecycle:recycle-bin=retain) (region-level rule r-snap excludes it by tag tier=scratch)"],
            verdict.Problems);
        Assert.Equal(7, verdict.SnapshotRetentionDays);
    }

    [Fact]
    public void ForImage_SnapshotsWithDifferentGuarantees_ShortestReportedAndEachTooShortNamed()
    {
        var rules = new[] { Image("r-img", 10), OnTag(Snapshot("s-long", 20), "tier", "gold"), Snapshot("s-short", 4) };

        var verdict = RestorabilityCheck.ForImage(rules, Resource("ami-1"), [Resource("snap-gold", ("tier", "gold")), Resource("snap-plain")]);

        Assert.Equal(4, verdict.SnapshotRetentionDays);
        Assert.Equal(
            ["EBS_SNAPSHOT retention for snapshot snap-plain of ami-1 (its tags plus ami-lifecycle:recycle-bin=retain) is 4 days (rule s-short) but EC2_IMAGE retention may be 10 days (rule r-img): "
                + "a restored image could find its snapshots purged; keep snapshots at least as long as images"],
            verdict.Problems);
    }

    [Fact]
    public void ForImage_ShortestIsTheMinimumWhateverTheOrder()
    {
        var rules = new[] { Image("r-img", 2), OnTag(Snapshot("s-long", 20), "tier", "gold"), Snapshot("s-short", 4) };

        var verdict = RestorabilityCheck.ForImage(rules, Resource("ami-1"), [Resource("snap-plain"), Resource("snap-gold", ("tier", "gold"))]);

        Assert.True(verdict.IsRestorable, verdict.Reason);
        Assert.Equal(4, verdict.SnapshotRetentionDays);
    }

    [Fact]
    public void ForImage_ImageTagWithOtherValueForOurKey_OurValueWins_AndInputUntouched()
    {
        var image = Resource("ami-1", (RetainKey, "no"));
        var rules = new[] { OnTag(Image("r-img", 7), RetainKey, "retain"), OnTag(Snapshot("r-snap", 7), RetainKey, "retain") };

        Assert.True(RestorabilityCheck.ForImage(rules, image, [Resource("snap-1")]).IsRestorable);
        Assert.Equal("no", image.Tags[RetainKey]);
    }

    [Fact]
    public void ForImage_NoSnapshots_OnlyTheImageMatters()
    {
        var verdict = RestorabilityCheck.ForImage([Image("r-img", 7)], Resource("ami-1"), []);

        Assert.True(verdict.IsRestorable, verdict.Reason);
        Assert.Null(verdict.SnapshotRetentionDays);
    }

    [Fact]
    public void ForRun_NullRules_Throws() =>
        Assert.Throws<ArgumentNullException>(() => RestorabilityCheck.ForRun(null!));

    [Fact]
    public void RetainTag_IsOurKeyAndValue()
    {
        Assert.Equal(new KeyValuePair<string, string>(RetainKey, "retain"), RestorabilityCheck.RetainTag);
        Assert.Equal("ami-lifecycle:recycle-bin=retain", RestorabilityCheck.RetainTagText);
    }
}
