using AmiAutomation.Core.Images;
using AmiAutomation.Core.Planning;
using AmiAutomation.Core.Replication;
using AmiAutomation.Core.Tagging;
using AmiAutomation.Core.Tests.Support;
using static AmiAutomation.Core.Tests.Replication.ReplicationTestData;

namespace AmiAutomation.Core.Tests.Replication;

public class CopyPlannerTests
{
    private static readonly CopyPolicy Policy = new()
    {
        TargetRegions = ["us-east-1"],
        KmsKeys = new Dictionary<string, string>(StringComparer.Ordinal) { ["us-east-1"] = "arn:aws:kms:us-east-1:111122223333:key/abc" },
    };

    private static SourceCopyPlan Plan(AmiImage source, CopyPlanContext context, IReadOnlyDictionary<string, IReadOnlyList<AmiImage>>? copies = null) =>
        CopyPlanner.Plan(source, "web", CopyTargetResolver.Resolve(source, "web", context), copies ?? Copies(), context);

    [Fact]
    public void Plan_NoCopyYet_PlansFirstAttemptWithTokenKmsAndLineage()
    {
        var source = Source();

        var plan = Plan(source, Context(Policy));

        var copy = Assert.Single(plan.Copies);
        Assert.Equal(DecisionAction.Copy, copy.Decision.Action);
        Assert.Equal("us-east-1", copy.Decision.TargetRegion);
        Assert.Equal(ReasonCode.CopyPolicy, copy.Decision.PrimaryReason);
        var request = copy.Request;
        Assert.Equal(1, request.Attempt);
        Assert.Equal(CopyClientToken.For(source.ImageId, "us-east-1"), request.ClientToken);
        Assert.Equal(source.Region, request.SourceRegion);
        Assert.Equal(source.Name, request.Name);
        Assert.True(request.Encrypted);
        Assert.Equal("arn:aws:kms:us-east-1:111122223333:key/abc", request.KmsKeyId);
        Assert.True(request.CopyImageTags);
        Assert.Equal(source.ImageId, request.Tags[TagNames.SourceImage]);
        Assert.Equal(Own, request.Tags[TagNames.SourceRegion]);
        Assert.Equal(TagNames.ManagedByValue, request.Tags[TagNames.ManagedBy]);
        Assert.StartsWith($"Copy of {source.ImageId} from {Own} by ami-automation", request.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_NoKmsKeyForRegion_NotEncrypted()
    {
        var plan = Plan(Source(tags: (TagNames.CopyTo, "ap-south-1")), Context(Policy));

        Assert.False(Assert.Single(plan.Copies).Request.Encrypted);
        Assert.Null(plan.Copies[0].Request.KmsKeyId);
    }

    [Fact]
    public void Plan_AvailableCopy_AlreadyCopiedAndMarkedDone()
    {
        var source = Source();

        var plan = Plan(source, Context(Policy), Copies(("us-east-1", [CopyOf(source, "us-east-1", "ami-00000000000000c01")])));

        Assert.Empty(plan.Copies);
        Assert.Equal(ReasonCode.AlreadyCopied, Assert.Single(plan.Decisions).PrimaryReason);
        Assert.Equal(["us-east-1"], plan.MarkDone);
    }

    [Fact]
    public void Plan_AvailableCopyAlreadyMarkedDone_NothingToTag()
    {
        var source = Source(tags: (CopyAttempts.KeyFor("us-east-1"), "done"));

        var plan = Plan(source, Context(Policy), Copies(("us-east-1", [CopyOf(source, "us-east-1", "ami-00000000000000c01")])));

        Assert.Empty(plan.MarkDone);
    }

    [Fact]
    public void Plan_CopyFoundOnlyBySourceImageId_CountsAsCopy()
    {
        var source = Source();
        var untagged = CopyOf(source, "us-east-1", "ami-00000000000000c01") with { Tags = new Dictionary<string, string>() };

        var plan = Plan(source, Context(Policy), Copies(("us-east-1", [untagged])));

        Assert.Equal(ReasonCode.AlreadyCopied, Assert.Single(plan.Decisions).PrimaryReason);
    }

    [Fact]
    public void Plan_PendingCopy_CopyPending()
    {
        var source = Source();

        var plan = Plan(source, Context(Policy), Copies(("us-east-1", [CopyOf(source, "us-east-1", "ami-00000000000000c01", ImageState.Pending)])));

        Assert.Empty(plan.Copies);
        Assert.Equal(ReasonCode.CopyPending, Assert.Single(plan.Decisions).PrimaryReason);
    }

    [Fact]
    public void Plan_DoneButCopyGone_NotCopiedAgain()
    {
        var plan = Plan(Source(tags: (CopyAttempts.KeyFor("us-east-1"), "done")), Context(Policy, CopyTrigger.Reconcile));

        Assert.Empty(plan.Copies);
        Assert.Equal(ReasonCode.AlreadyCopied, Assert.Single(plan.Decisions).PrimaryReason);
    }

    [Fact]
    public void Plan_FailedCopy_RetriedWithNextAttemptsToken()
    {
        var source = Source(tags: (CopyAttempts.KeyFor("us-east-1"), "1"));

        var plan = Plan(source, Context(Policy, CopyTrigger.Reconcile), Copies(("us-east-1", [CopyOf(source, "us-east-1", "ami-00000000000000c01", ImageState.Failed)])));

        var copy = Assert.Single(plan.Copies);
        Assert.Equal(2, copy.Request.Attempt);
        Assert.Equal(CopyClientToken.For(source.ImageId, "us-east-1", 2), copy.Request.ClientToken);
        Assert.Equal(ReasonCode.CopyFailed, copy.Decision.PrimaryReason);
    }

    [Fact]
    public void Plan_AttemptsRecordedButNoCopyLeft_Retried()
    {
        var plan = Plan(Source(tags: (CopyAttempts.KeyFor("us-east-1"), "1")), Context(Policy, CopyTrigger.Reconcile));

        Assert.Equal(2, Assert.Single(plan.Copies).Request.Attempt);
    }

    [Theory]
    [InlineData(3, 3)]
    [InlineData(5, 3)]
    [InlineData(1, 1)]
    public void Plan_AttemptsUsedUp_GivesUp(int attempts, int maxAttempts)
    {
        var source = Source(tags: (CopyAttempts.KeyFor("us-east-1"), attempts.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        var plan = Plan(source, Context(Policy with { MaxAttempts = maxAttempts }, CopyTrigger.Reconcile),
            Copies(("us-east-1", [CopyOf(source, "us-east-1", "ami-00000000000000c01", ImageState.Failed)])));

        Assert.Empty(plan.Copies);
        var decision = Assert.Single(plan.Decisions);
        Assert.Equal(ReasonCode.CopyFailed, decision.PrimaryReason);
        Assert.Contains("giving up", decision.Reasons[0].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_FailedCopiesWithoutTag_CountAsAttempts()
    {
        var source = Source();
        var failed = Enumerable.Range(1, 3).Select(i => CopyOf(source, "us-east-1", $"ami-00000000000000c0{i}", ImageState.Failed)).ToArray();

        var plan = Plan(source, Context(Policy, CopyTrigger.Reconcile), Copies(("us-east-1", failed)));

        Assert.Empty(plan.Copies);
        Assert.Equal(ReasonCode.CopyFailed, Assert.Single(plan.Decisions).PrimaryReason);
    }

    [Fact]
    public void Plan_ReconcileOldImageNeverCopied_OutsideLookBack()
    {
        var old = Source(ageDays: 30);

        var reconcile = Plan(old, Context(Policy, CopyTrigger.Reconcile));
        var byEvent = Plan(old, Context(Policy, CopyTrigger.Event));
        var unlimited = Plan(old, Context(Policy with { ReconcileLookback = null }, CopyTrigger.Reconcile));

        Assert.Equal(ReasonCode.NotSelected, Assert.Single(reconcile.Decisions).PrimaryReason);
        Assert.Single(byEvent.Copies);
        Assert.Single(unlimited.Copies);
    }

    [Fact]
    public void Plan_OwnRegionNamed_TargetIsOwnRegionSkip()
    {
        var plan = Plan(Source(tags: (TagNames.CopyTo, $"{Own} us-east-1")), Context(Policy));

        Assert.Contains(plan.Decisions, d => d.PrimaryReason == ReasonCode.TargetIsOwnRegion && d.TargetRegion == Own);
        Assert.Equal("us-east-1", Assert.Single(plan.Copies).Request.DestinationRegion);
    }

    [Fact]
    public void Plan_OnlyInvalidNames_OneSkipAndNamesReported()
    {
        var plan = Plan(Source(tags: (TagNames.CopyTo, "mars-north-1x")), Context(Policy));

        Assert.Empty(plan.Copies);
        Assert.Equal(ReasonCode.NotSelected, Assert.Single(plan.Decisions).PrimaryReason);
        Assert.Equal(["mars-north-1x"], plan.InvalidRegions);
    }

    [Fact]
    public void Plan_CopyOfCopyAllowed_NeverGoesBackToItsOrigin()
    {
        var original = Source();
        var copy = CopyOf(original, Own, "ami-00000000000000c01") with { Region = Own };
        copy = copy.WithTags((TagNames.SourceRegion, "us-east-1"), (TagNames.CopyTo, "us-east-1,ap-south-1"));

        var plan = Plan(copy, Context(Policy with { AllowCopiesOfCopies = true }));

        Assert.Contains(plan.Decisions, d => d.TargetRegion == "us-east-1" && d.PrimaryReason == ReasonCode.IsOwnCopy);
        Assert.Equal("ap-south-1", Assert.Single(plan.Copies).Request.DestinationRegion);
    }

    [Fact]
    public void Plan_SkippedSource_OneDecisionNoCopies()
    {
        var plan = Plan(Source() with { State = ImageState.Pending }, Context(Policy));

        Assert.Empty(plan.Copies);
        Assert.Equal(ReasonCode.NotAvailable, Assert.Single(plan.Decisions).PrimaryReason);
    }

    [Fact]
    public void BuildRequest_SourceWithControlTags_SendsFilteredTagsExplicitly()
    {
        var source = Source(tags: [("team", "web"), (CopyAttempts.KeyFor("us-east-1"), "1"), (TagNames.CopyFinishedAt, "2025-01-01T00:00:00Z"), ("aws:backup:x", "y")]);

        var request = CopyPlanner.BuildRequest(source, "us-east-1", 2, Policy);

        Assert.False(request.CopyImageTags);
        Assert.Equal("web", request.Tags["team"]);
        Assert.Equal(source.ImageId, request.Tags[TagNames.SourceImage]);
        Assert.DoesNotContain(TagNames.CopyFinishedAt, request.Tags.Keys);
        Assert.DoesNotContain(CopyAttempts.KeyFor("us-east-1"), request.Tags.Keys);
        Assert.DoesNotContain("aws:backup:x", request.Tags.Keys);
    }

    [Fact]
    public void BuildRequest_LongDescription_TruncatedTo255()
    {
        var source = Source() with { Description = new string('d', 400) };

        var request = CopyPlanner.BuildRequest(source, "us-east-1", 1, Policy);

        Assert.Equal(CopyNames.MaxDescriptionLength, request.Description.Length);
    }

    [Fact]
    public void Plan_Always_OneDecisionPerNamedDestination()
    {
        var source = Source(tags: (TagNames.CopyTo, $"us-east-1,ap-south-1,{Own}"));

        var plan = Plan(source, Context(Policy), Copies(("ap-south-1", [CopyOf(source, "ap-south-1", "ami-00000000000000c01")])));

        Assert.Equal(3, plan.Decisions.Count);
        Assert.Equal([Own, "us-east-1", "ap-south-1"], plan.Decisions.Select(d => d.TargetRegion));
        Assert.All(plan.Decisions, d => Assert.Equal(TestImages.Region, d.Image.Region));
    }
}
