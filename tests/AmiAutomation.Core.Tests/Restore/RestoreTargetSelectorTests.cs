using AmiAutomation.Core.Families;
using AmiAutomation.Core.Ledger;
using AmiAutomation.Core.Restore;
using static AmiAutomation.Core.Tests.Restore.RestoreTestData;

namespace AmiAutomation.Core.Tests.Restore;

public sealed class RestoreTargetSelectorTests
{
    private static readonly FamilyResolver Families = FamilyResolver.Default;

    [Fact]
    public void Select_Name_PicksTheMostRecentlyDeregisteredMatchInTheBin()
    {
        var older = InBin("ami-0000000000000000a", "web", Now.AddDays(-10));
        var newer = InBin("ami-0000000000000000b", "web", Now.AddDays(-2));
        var other = InBin("ami-0000000000000000c", "db", Now.AddDays(-1));

        var selection = RestoreTargetSelector.Select(RestoreTarget.ForName("web"), [older, other, newer], Families);

        Assert.Equal("ami-0000000000000000b", selection.Chosen?.ImageId);
        Assert.Equal(["ami-0000000000000000b", "ami-0000000000000000a"], selection.Matches.Select(m => m.ImageId));
        Assert.Contains(selection.Notes, n => n.Contains("ami-0000000000000000a", StringComparison.Ordinal) && n.Contains("by imageId", StringComparison.Ordinal));
    }

    [Fact]
    public void Select_WithoutBinTimes_OrdersByLedgerRecordTime()
    {
        var a = new RestoreCandidate { ImageId = "ami-0000000000000000a", Bin = Bin("ami-0000000000000000a", "web") with { EnteredAt = null }, Ledger = Record("ami-0000000000000000a", "web", recordedAt: Now.AddDays(-1)) };
        var b = new RestoreCandidate { ImageId = "ami-0000000000000000b", Bin = Bin("ami-0000000000000000b", "web") with { EnteredAt = null }, Ledger = Record("ami-0000000000000000b", "web", recordedAt: Now.AddDays(-5)) };

        var selection = RestoreTargetSelector.Select(RestoreTarget.ForName("web"), [b, a], Families);

        Assert.Equal("ami-0000000000000000a", selection.Chosen?.ImageId);
    }

    [Fact]
    public void Select_Family_UsesTheLedgerFamily_ElseTheNameDerivedFamily()
    {
        var recorded = InBin("ami-0000000000000000a", "custom-name-1", Now.AddDays(-5), family: "web-server");
        var unrecorded = InBin("ami-0000000000000000b", "web-server-2026-01-15", Now.AddDays(-1));
        var otherFamily = InBin("ami-0000000000000000c", "db-2026-01-15", Now);

        var selection = RestoreTargetSelector.Select(RestoreTarget.ForFamily("web-server"), [recorded, unrecorded, otherFamily], Families);

        Assert.Equal(["ami-0000000000000000b", "ami-0000000000000000a"], selection.Matches.Select(m => m.ImageId));
        Assert.Equal("ami-0000000000000000b", selection.Chosen?.ImageId);
    }

    [Fact]
    public void Select_NewestMatchRegisteredAgain_ChoosesItSoARepeatNeverRestoresAnOlderOne()
    {
        var restored = new RestoreCandidate
        {
            ImageId = "ami-0000000000000000b",
            Ledger = Record("ami-0000000000000000b", "web-2", "web", Now.AddDays(-1), LedgerStatus.Restored),
            Registered = Image("ami-0000000000000000b", "web-2"),
        };
        var older = InBin("ami-0000000000000000a", "web-1", Now.AddDays(-9), family: "web");

        var selection = RestoreTargetSelector.Select(RestoreTarget.ForFamily("web"), [older, restored], Families);

        Assert.Equal("ami-0000000000000000b", selection.Chosen?.ImageId);
        Assert.True(selection.Chosen!.IsRegistered);
    }

    [Fact]
    public void Select_NewestMatchGoneForGood_PassesOverItWithANote()
    {
        var gone = new RestoreCandidate { ImageId = "ami-0000000000000000b", Ledger = Record("ami-0000000000000000b", "web-2", "web", Now.AddDays(-1)) };
        var older = InBin("ami-0000000000000000a", "web-1", Now.AddDays(-9), family: "web");

        var selection = RestoreTargetSelector.Select(RestoreTarget.ForFamily("web"), [gone, older], Families);

        Assert.Equal("ami-0000000000000000a", selection.Chosen?.ImageId);
        Assert.Contains(selection.Notes, n => n.Contains("ami-0000000000000000b", StringComparison.Ordinal) && n.Contains("gone for good", StringComparison.Ordinal));
    }

    [Fact]
    public void Select_NothingAvailable_ReturnsNoChoice()
    {
        var gone = new RestoreCandidate { ImageId = "ami-0000000000000000b", Ledger = Record("ami-0000000000000000b") };

        var selection = RestoreTargetSelector.Select(RestoreTarget.ForImageId("ami-0000000000000000b"), [gone], Families);

        Assert.False(selection.Found);
        Assert.Single(selection.Notes);
    }

    [Fact]
    public void Select_Name_MatchesLedgerNameOrBinNameExactly()
    {
        var candidate = InBin("ami-0000000000000000a", "Web-1", Now);

        Assert.False(RestoreTargetSelector.Select(RestoreTarget.ForName("web-1"), [candidate], Families).Found);
        Assert.True(RestoreTargetSelector.Select(RestoreTarget.ForName("Web-1"), [candidate], Families).Found);
    }

    [Fact]
    public void KnownValues_Kind_ListsIdsNamesOrFamilies()
    {
        var candidates = new[] { InBin("ami-0000000000000000a", "web-2026-01-01", Now, family: "web"), InBin("ami-0000000000000000b", "db-2026-01-01", Now) };

        Assert.Equal(["ami-0000000000000000a", "ami-0000000000000000b"], RestoreTargetSelector.KnownValues(RestoreTargetKind.ImageId, candidates, Families));
        Assert.Contains("db-2026-01-01", RestoreTargetSelector.KnownValues(RestoreTargetKind.Name, candidates, Families));
        Assert.Equal(["web", "db"], RestoreTargetSelector.KnownValues(RestoreTargetKind.Family, candidates, Families));
    }
}
