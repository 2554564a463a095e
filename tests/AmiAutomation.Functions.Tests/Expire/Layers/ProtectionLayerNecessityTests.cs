using AmiAutomation.Core.Tagging;
using AmiAutomation.Functions.Common;
using AmiAutomation.Functions.Expire;
using AmiAutomation.Functions.Tests.Common;
using AmiAutomation.Simulation.Seeding;

namespace AmiAutomation.Functions.Tests.Expire.Layers;

/// <summary>
/// Each protection of ImageProtections and each family rule, ALONE between an expired image and its deregistration,
/// end to end through the live expire function, with a positive control deregistered in the same run. Where EC2 itself
/// would refuse (protected, AWS Backup, not owned), the test also proves no DeregisterImage was sent for the image:
/// our layer must stand without EC2's.
/// </summary>
public sealed class ProtectionLayerNecessityTests : LayerNecessityScenario
{
    public static TheoryData<string, string> Protections => new()
    {
        { "keep-blank", "KeepTag" },
        { "keep-yes", "KeepTag" },
        { "keep-until-future", "HeldUntil" },
        { "keep-until-far-future", "HeldUntil" },
        { "keep-until-unreadable", "HeldUntil" },
        { "deregistration-protected", "DeregistrationProtected" },
        { "deregistration-protected-cooldown", "DeregistrationProtected" },
        { "aws-backup-tag", "ManagedByAwsBackup" },
        { "aws-backup-name", "ManagedByAwsBackup" },
        { "dlm", "ManagedByDataLifecycleManager" },
        { "image-builder", "ManagedByImageBuilder" },
        { "pending", "NotAvailable" },
        { "failed", "NotAvailable" },
        { "public", "PublicImage" },
        { "instance-store", "InstanceStoreBacked" },
        { "recently-launched", "RecentlyLaunched" },
    };

    [Theory]
    [MemberData(nameof(Protections))]
    public async Task Protection_AloneKeepsExpiredImage(string trait, string reason)
    {
        var needed = Needed(b => Apply(b, trait));

        var summary = await RunAsync();

        AssertSkippedFor(summary, needed, reason);
        Assert.Single(Line(summary, needed).Reasons);
        AssertOnlyControlDeregistered(summary, needed);
    }

    [Fact]
    public async Task NotOwned_AloneKeepsSharedImageAListingClaimsIsOurs()
    {
        _h.Live().Set(CommonSettings.AccountIdVariable, SweepHarness.AccountId);
        _h.Ec2.Lies.ListSharedImagesAsOwned = true;
        var foreign = Needed(b => b.OwnedBy("210987654321").SharedWithAccount(SweepHarness.AccountId));

        var summary = await RunAsync();

        AssertSkippedFor(summary, foreign, "NotOwned");
        AssertOnlyControlDeregistered(summary, foreign);
    }

    [Fact]
    public async Task NewestK_AloneKeepsTheNewestExpiredImagesOfAFamily()
    {
        _h.Live().Set(ExpireSettings.KeepNewestVariable, "2");
        var oldest = Expired(family: "db", daysOld: 400);
        var second = Expired(family: "db", daysOld: 350);
        var newest = Expired(family: "db", daysOld: 340);

        var summary = await RunAsync();

        Assert.False(Exists(oldest));
        AssertSkippedFor(summary, second, "NewestInFamily");
        AssertSkippedFor(summary, newest, "NewestInFamily");
        Assert.True(Exists(second));
        Assert.True(Exists(newest));
        // K = 2 also keeps both images of the control family: the oldest db image is this run's positive control.
        Assert.Equal(1, _h.Ec2.Calls.CountOf("DeregisterImage"));
    }

    [Fact]
    public async Task LastOfFamily_AloneKeepsTheLastDisabledImageOfAFamily()
    {
        // Disabled images are never "newest K" (only available images rank), so only last-of-family keeps one.
        var older = Expired(family: "legacy", daysOld: 400, more: b => b.Disabled());
        var last = Expired(family: "legacy", daysOld: 350, more: b => b.Disabled());

        var summary = await RunAsync();

        Assert.False(Exists(older));
        Assert.Equal("LastOfFamily", Line(summary, last).Reason);
        Assert.True(Exists(last));
        Assert.Equal(2, _h.Ec2.Calls.CountOf("DeregisterImage"));
    }

    private static void Apply(ImageBuilder b, string trait)
    {
        _ = trait switch
        {
            "keep-blank" => b.Tagged(TagNames.Keep, string.Empty),
            "keep-yes" => b.Tagged(TagNames.Keep, "yes"),
            "keep-until-future" => b.Tagged(TagNames.KeepUntil, TagTime.Format(SweepHarness.Start.AddDays(3))),
            "keep-until-far-future" => b.Tagged(TagNames.KeepUntil, "9999-12-31T23:59:59Z"),
            "keep-until-unreadable" => b.Tagged(TagNames.KeepUntil, "next tuesday"),
            "deregistration-protected" => b.DeregistrationProtected(),
            "deregistration-protected-cooldown" => b.DeregistrationProtected(withCooldown: true),
            "aws-backup-tag" => b.Tagged("aws:backup:source-resource", "arn:aws:ec2:eu-west-1:123456789012:instance/i-0123456789abcdef0"),
            "aws-backup-name" => b.Named("AwsBackup_i-0123456789abcdef0_" + Guid.NewGuid().ToString("N")),
            "dlm" => b.Tagged("aws:dlm:lifecycle-policy-id", "policy-0123456789abcdef0"),
            "image-builder" => b.Tagged("CreatedBy", "EC2 Image Builder"),
            "pending" => b.Pending(TimeSpan.FromDays(365)),
            "failed" => b.Failed(),
            "public" => b.Public(),
            "instance-store" => b.InstanceStore("s3://bundles/svc/image.manifest.xml"),
            "recently-launched" => b.LastLaunchedAt(SweepHarness.Start.AddDays(-5)),
            _ => throw new ArgumentOutOfRangeException(nameof(trait), trait, "unknown trait"),
        };
    }
}
