using AmiAutomation.Core.Images;
using AmiAutomation.Core.Planning;
using AmiAutomation.Core.Replication;
using AmiAutomation.Core.Tagging;
using AmiAutomation.Core.Tests.Support;
using static AmiAutomation.Core.Tests.Replication.ReplicationTestData;

namespace AmiAutomation.Core.Tests.Replication;

public class CopyTargetResolverTests
{
    private static readonly CopyPolicy Policy = new() { TargetRegions = ["us-east-1", "eu-central-1"] };

    [Theory]
    [InlineData("us-east-1,eu-central-1", new[] { "us-east-1", "eu-central-1" })]
    [InlineData("us-east-1 eu-central-1", new[] { "us-east-1", "eu-central-1" })]
    [InlineData(" us-east-1 ,  eu-central-1;ap-south-1 ", new[] { "us-east-1", "eu-central-1", "ap-south-1" })]
    [InlineData("us-east-1,us-east-1", new[] { "us-east-1" })]
    public void Resolve_CopyToTag_SplitsOnCommasAndSpaces(string tag, string[] expected)
    {
        var selection = CopyTargetResolver.Resolve(Source(tags: (TagNames.CopyTo, tag)), "web", Context(Policy));

        Assert.Equal(expected, selection.Regions);
        Assert.Equal(ReasonCode.CopyToTag, selection.Origin!.Code);
    }

    [Fact]
    public void Resolve_TagPresent_WinsOverPolicy()
    {
        var selection = CopyTargetResolver.Resolve(Source(tags: (TagNames.CopyTo, "ap-south-1")), "web", Context(Policy));

        Assert.Equal(["ap-south-1"], selection.Regions);
    }

    [Fact]
    public void Resolve_ManualRegions_WinOverTag()
    {
        var selection = CopyTargetResolver.Resolve(Source(tags: (TagNames.CopyTo, "ap-south-1")), "web", Context(Policy, CopyTrigger.Manual, ["sa-east-1"]));

        Assert.Equal(["sa-east-1"], selection.Regions);
        Assert.Equal(ReasonCode.CopyRequested, selection.Origin!.Code);
    }

    [Fact]
    public void Resolve_EmptyTag_SwitchesCopyingOff()
    {
        var selection = CopyTargetResolver.Resolve(Source(tags: (TagNames.CopyTo, " ")), "web", Context(Policy));

        Assert.True(selection.IsSkipped);
        Assert.Equal(ReasonCode.NotSelected, selection.SourceSkip[0].Code);
    }

    [Fact]
    public void Resolve_NoTagNoPolicy_NotSelected()
    {
        var selection = CopyTargetResolver.Resolve(Source(), "web", Context());

        Assert.Equal(ReasonCode.NotSelected, Assert.Single(selection.SourceSkip).Code);
        Assert.Contains("COPY_TARGET_REGIONS", selection.SourceSkip[0].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_PolicyFamilies_LimitPolicyCopies()
    {
        var policy = Policy with { Families = new HashSet<string>(["db"], StringComparer.Ordinal) };

        var web = CopyTargetResolver.Resolve(Source(), "web", Context(policy));
        var db = CopyTargetResolver.Resolve(Source(), "db", Context(policy));

        Assert.Equal(ReasonCode.NotSelected, web.SourceSkip[0].Code);
        Assert.Contains("'web'", web.SourceSkip[0].Detail, StringComparison.Ordinal);
        Assert.Equal(["us-east-1", "eu-central-1"], db.Regions);
    }

    [Fact]
    public void Resolve_TagSelector_LimitsPolicyCopies()
    {
        var policy = Policy with { TagSelector = new CopyTagSelector("replicate", "true") };

        var without = CopyTargetResolver.Resolve(Source(), "web", Context(policy));
        var with = CopyTargetResolver.Resolve(Source(tags: ("replicate", "true")), "web", Context(policy));
        var otherValue = CopyTargetResolver.Resolve(Source(tags: ("replicate", "false")), "web", Context(policy));

        Assert.True(without.IsSkipped);
        Assert.False(with.IsSkipped);
        Assert.True(otherValue.IsSkipped);
    }

    [Fact]
    public void Resolve_InvalidNames_ReportedAndNotUsed()
    {
        var selection = CopyTargetResolver.Resolve(Source(tags: (TagNames.CopyTo, "us-east-1,eu-wst,US-EAST-2")), "web", Context(Policy));

        Assert.Equal(["us-east-1"], selection.Regions);
        Assert.Equal(["eu-wst", "US-EAST-2"], selection.InvalidRegions);
    }

    [Fact]
    public void Resolve_OwnRegion_FlaggedNotTargeted()
    {
        var selection = CopyTargetResolver.Resolve(Source(tags: (TagNames.CopyTo, $"{Own},us-east-1")), "web", Context(Policy));

        Assert.Equal(["us-east-1"], selection.Regions);
        Assert.True(selection.NamedOwnRegion);
    }

    [Fact]
    public void Resolve_CopyWithLineageTag_LoopGuardSkips()
    {
        var copy = CopyOf(Source(), Own, "ami-00000000000000c01").WithTags((TagNames.CopyTo, "us-east-1"));

        var selection = CopyTargetResolver.Resolve(copy, "web", Context(Policy));

        Assert.Equal(ReasonCode.IsOwnCopy, Assert.Single(selection.SourceSkip).Code);
    }

    [Fact]
    public void Resolve_CopyBySomeoneElse_SourceImageIdAlone_LoopGuardSkips()
    {
        var copy = Source() with { SourceImageId = "ami-0000000000000ffff", SourceRegion = "us-west-2" };

        var selection = CopyTargetResolver.Resolve(copy, "web", Context(Policy));

        Assert.Equal(ReasonCode.IsOwnCopy, Assert.Single(selection.SourceSkip).Code);
    }

    [Fact]
    public void Resolve_CopiesOfCopiesAllowed_CopyIsASource()
    {
        var copy = CopyOf(Source(), Own, "ami-00000000000000c01");

        var selection = CopyTargetResolver.Resolve(copy, "web", Context(Policy with { AllowCopiesOfCopies = true }));

        Assert.False(selection.IsSkipped);
    }

    [Theory]
    [InlineData(ImageState.Pending)]
    [InlineData(ImageState.Failed)]
    [InlineData(ImageState.Disabled)]
    public void Resolve_NotAvailable_Skipped(ImageState state)
    {
        var selection = CopyTargetResolver.Resolve(Source() with { State = state }, "web", Context(Policy));

        Assert.Equal(ReasonCode.NotAvailable, Assert.Single(selection.SourceSkip).Code);
    }

    [Fact]
    public void Resolve_ForeignOwner_NotOwned()
    {
        var selection = CopyTargetResolver.Resolve(Source() with { OwnerId = TestImages.OtherAccount }, "web", Context(Policy with { AccountId = TestImages.Account }));

        Assert.Equal(ReasonCode.NotOwned, Assert.Single(selection.SourceSkip).Code);
    }

    [Fact]
    public void Resolve_AwsBackup_NeverEvenWhenTaggedOrRequested()
    {
        var image = Source(tags: (TagNames.CopyTo, "us-east-1")) with { ManagedBy = ImageManager.AwsBackup };

        Assert.Equal(ReasonCode.ManagedByAwsBackup, CopyTargetResolver.Resolve(image, "web", Context(Policy)).SourceSkip[0].Code);
        Assert.Equal(ReasonCode.ManagedByAwsBackup, CopyTargetResolver.Resolve(image, "web", Context(Policy, CopyTrigger.Manual, ["us-east-1"])).SourceSkip[0].Code);
    }

    [Theory]
    [InlineData(ImageManager.DataLifecycleManager, ReasonCode.ManagedByDataLifecycleManager)]
    [InlineData(ImageManager.ImageBuilder, ReasonCode.ManagedByImageBuilder)]
    public void Resolve_ServiceManaged_OnlyWhenAskedExplicitlyOrIncluded(ImageManager manager, ReasonCode reason)
    {
        var byPolicy = CopyTargetResolver.Resolve(Source() with { ManagedBy = manager }, "web", Context(Policy));
        var byTag = CopyTargetResolver.Resolve(Source(tags: (TagNames.CopyTo, "us-east-1")) with { ManagedBy = manager }, "web", Context(Policy));
        var included = CopyTargetResolver.Resolve(
            Source() with { ManagedBy = manager }, "web", Context(Policy with { IncludeDataLifecycleManager = true, IncludeImageBuilder = true }));

        Assert.Equal(reason, Assert.Single(byPolicy.SourceSkip).Code);
        Assert.False(byTag.IsSkipped);
        Assert.False(included.IsSkipped);
    }
}
