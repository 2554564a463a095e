using System.Net;
using AmiAutomation.Aws.Replication;
using AmiAutomation.Core.Execution;
using AmiAutomation.Core.Replication;
using AmiAutomation.Core.Tagging;
using static AmiAutomation.Aws.Tests.Replication.ReplicationSetup;

namespace AmiAutomation.Aws.Tests.Replication;

public sealed class Ec2CopyStarterTests
{
    [Fact]
    public async Task StartAsync_Live_CopyInDestinationWithLineageTagsAndUserTags()
    {
        var setup = new ReplicationSetup();
        var source = setup.AddSource();

        var outcome = await setup.Starter.StartAsync(Planned(source), dryRun: false, CancellationToken.None);

        Assert.Equal(OutcomeStatus.Succeeded, outcome.Status);
        var copy = setup.Ec2.FindImage(Destination, outcome.NewImageId!)!;
        Assert.Equal(source.ImageId, copy.SourceImageId);
        Assert.Equal(Home, copy.SourceImageRegion);
        var tags = setup.Ec2.TagsOf(Destination, copy.ImageId);
        Assert.Equal(source.ImageId, tags[TagNames.SourceImage]);
        Assert.Equal("web", tags["team"]);
        Assert.Equal(1, setup.Ec2.Calls.CountOf("CopyImage", Destination));
        Assert.Equal(0, setup.Ec2.Calls.CountOf("CopyImage", Home));
    }

    [Fact]
    public async Task StartAsync_SameRequestTwice_SameImage()
    {
        var setup = new ReplicationSetup();
        var source = setup.AddSource();

        var first = await setup.Starter.StartAsync(Planned(source), false, CancellationToken.None);
        var second = await setup.Starter.StartAsync(Planned(source), false, CancellationToken.None);

        Assert.Equal(first.NewImageId, second.NewImageId);
        Assert.Single(setup.Ec2.ListImages(Destination));
    }

    [Fact]
    public async Task StartAsync_DryRun_DryRunOutcomeNoImage()
    {
        var setup = new ReplicationSetup();
        var source = setup.AddSource();

        var outcome = await setup.Starter.StartAsync(Planned(source), dryRun: true, CancellationToken.None);

        Assert.Equal(OutcomeStatus.DryRun, outcome.Status);
        Assert.Empty(setup.Ec2.ListImages(Destination));
    }

    [Fact]
    public async Task StartAsync_ResourceLimitExceeded_Deferred()
    {
        var setup = new ReplicationSetup();
        setup.Ec2.Faults.FailNext("CopyImage", 1, Ec2CopyErrorCodes.ResourceLimitExceeded);

        var outcome = await setup.Starter.StartAsync(Planned(setup.AddSource()), false, CancellationToken.None);

        Assert.Equal(OutcomeStatus.Deferred, outcome.Status);
        Assert.Equal(Ec2CopyErrorCodes.ResourceLimitExceeded, outcome.ErrorCode);
    }

    [Fact]
    public async Task StartAsync_NameHeldByAnUnrelatedImage_FailedNamingBoth()
    {
        var setup = new ReplicationSetup();
        var source = setup.AddSource();
        var squatter = setup.Ec2.AddImage(Destination, b => b.Named(source.Name));

        var outcome = await setup.Starter.StartAsync(Planned(source), false, CancellationToken.None);

        Assert.Equal(OutcomeStatus.Failed, outcome.Status);
        Assert.Equal(Ec2CopyErrorCodes.DuplicateName, outcome.ErrorCode);
        Assert.Contains(squatter, outcome.Detail, StringComparison.Ordinal);
        Assert.Contains(source.Name, outcome.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_NameHeldByOurPendingCopy_AlreadyCopied()
    {
        var setup = new ReplicationSetup();
        var source = setup.AddSource();
        var first = await setup.Starter.StartAsync(Planned(source), false, CancellationToken.None);

        var retry = await setup.Starter.StartAsync(Planned(source, attempt: 2), false, CancellationToken.None);

        Assert.Equal(OutcomeStatus.SkippedOnRecheck, retry.Status);
        Assert.Equal(Ec2CopyErrorCodes.AlreadyCopied, retry.ErrorCode);
        Assert.Equal(first.NewImageId, retry.NewImageId);
    }

    [Fact]
    public async Task StartAsync_NameHeldByOurFailedCopy_RetriesUnderAnAttemptName()
    {
        var setup = new ReplicationSetup();
        var source = setup.AddSource();
        setup.Ec2.AddImage(Destination, b => b.Named(source.Name).Failed().CopiedFrom(source.ImageId, Home).Tagged(TagNames.SourceImage, source.ImageId));

        var retry = await setup.Starter.StartAsync(Planned(source, attempt: 2), false, CancellationToken.None);

        Assert.Equal(OutcomeStatus.Succeeded, retry.Status);
        Assert.Equal($"{source.Name} (copy attempt 2)", setup.Ec2.FindImage(Destination, retry.NewImageId!)!.Name);
    }

    [Fact]
    public async Task StartAsync_FollowUpTaggingFails_StillSucceededWithANote()
    {
        var setup = new ReplicationSetup();
        setup.Ec2.Faults.FailNext("CreateTags", 1, "InvalidAMIID.NotFound", HttpStatusCode.BadRequest, Destination);

        var outcome = await setup.Starter.StartAsync(Planned(setup.AddSource()), false, CancellationToken.None);

        Assert.Equal(OutcomeStatus.Succeeded, outcome.Status);
        Assert.Contains("lineage CreateTags failed", outcome.Detail, StringComparison.Ordinal);
        Assert.Contains(TagNames.SourceImage, setup.Ec2.TagsOf(Destination, outcome.NewImageId!).Keys);
    }

    [Fact]
    public async Task StartAsync_UnknownError_FailedWithCodeAndRegion()
    {
        var setup = new ReplicationSetup();
        setup.Ec2.Faults.FailNext("CopyImage", 1, "AuthFailure", HttpStatusCode.Forbidden);

        var outcome = await setup.Starter.StartAsync(Planned(setup.AddSource()), false, CancellationToken.None);

        Assert.Equal(OutcomeStatus.Failed, outcome.Status);
        Assert.Equal("AuthFailure", outcome.ErrorCode);
        Assert.Contains(Destination, outcome.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TagSourceAsync_TagLimit_ReturnsTheError()
    {
        var setup = new ReplicationSetup();
        var source = setup.AddSource();
        setup.Ec2.Faults.FailNext("CreateTags", 1, Ec2CopyErrorCodes.TagLimitExceeded, HttpStatusCode.BadRequest, Home);

        var error = await setup.Starter.TagSourceAsync(source, new Dictionary<string, string> { [CopyAttempts.KeyFor(Destination)] = "1" }, false, CancellationToken.None);

        Assert.Contains(Ec2CopyErrorCodes.TagLimitExceeded, error, StringComparison.Ordinal);
    }
}
