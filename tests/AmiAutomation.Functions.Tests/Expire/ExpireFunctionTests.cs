using AmiAutomation.Core.Ledger;
using AmiAutomation.Core.Tagging;
using AmiAutomation.Functions.Common;
using AmiAutomation.Functions.Expire;
using AmiAutomation.Functions.Tests.Common;
using AmiAutomation.Simulation.Seeding;

namespace AmiAutomation.Functions.Tests.Expire;

/// <summary>The expire function end to end against the simulator: each rule and each "never".</summary>
public sealed class ExpireFunctionTests : ExpireScenarioTests
{
    [Fact]
    public async Task DeprecatedLongEnough_Deregistered_ShortlyDeprecatedKept()
    {
        var old = Expired(deprecatedDaysAgo: 40);
        var recent = Expired(daysOld: 150, deprecatedDaysAgo: 10);
        var newest = Newest();

        var summary = await _h.InvokeAsync(_h.Expire());

        Assert.Equal(("succeeded", "DeprecatedLongEnough"), (Line(summary, old).Outcome, Line(summary, old).Reason));
        Assert.Equal("NotDue", Line(summary, recent).Reason);
        Assert.Equal("NewestInFamily", Line(summary, newest).Reason);
        Assert.False(Exists(old));
        Assert.True(_h.Ec2.IsImageInRecycleBin(SweepHarness.Region, old));
        Assert.True(Exists(recent));
        Assert.Equal(1, summary.Deregistration!.Deregistered);
        Assert.Equal(1, summary.Deregistration.SnapshotsDeleted);
        Assert.Equal(8, summary.Deregistration.SnapshotGiBReleased);
        Assert.Equal(0.4, summary.Deregistration.EstimatedMonthlySavingUsd);
        Assert.Equal(1, _h.Metric(MetricNames.AmisDeregistered));
        Assert.Equal(8, _h.Metric(MetricNames.SnapshotGiBReleased));
    }

    [Fact]
    public async Task ExpiresAtTagPassed_Deregistered()
    {
        var image = _h.AddImage(b => b.Named("svc-a").Tagged(TagNames.Family, "svc").CreatedDaysAgo(20)
            .Tagged(TagNames.ExpiresAt, TagTime.Format(SweepHarness.Start.AddDays(-1))));
        Newest();

        var summary = await _h.InvokeAsync(_h.Expire());

        Assert.Equal(("succeeded", "ExpiresAtPassed"), (Line(summary, image).Outcome, Line(summary, image).Reason));
        Assert.False(Exists(image));
    }

    [Fact]
    public async Task OlderThanRetention_ButNewestKAlwaysKept()
    {
        _h.Live()
            .Set(ExpireSettings.ExpireAfterDeprecatedDaysVariable, "off")
            .Set(ExpireSettings.ExpireOlderThanDaysVariable, "60")
            .Set(ExpireSettings.KeepNewestVariable, "2");
        var ids = new[] { 200, 150, 100, 90 }.Select(days => _h.AddImage(b => b.Named($"db-{days}").Tagged(TagNames.Family, "db").CreatedDaysAgo(days))).ToList();

        var summary = await _h.InvokeAsync(_h.Expire());

        Assert.Equal(["succeeded", "succeeded", "skipped", "skipped"], ids.Select(id => Line(summary, id).Outcome));
        Assert.All(ids.Take(2), id => Assert.Equal("OlderThanRetention", Line(summary, id).Reason));
        Assert.All(ids.Skip(2), id => Assert.Equal("NewestInFamily", Line(summary, id).Reason));
        Assert.All(ids.Skip(2), id => Assert.True(Exists(id)));
    }

    [Fact]
    public async Task InUseByInstance_Kept()
    {
        var used = Expired();
        Newest();
        _h.Ec2.AddInstance(SweepHarness.Region, used, "stopped");

        var summary = await _h.InvokeAsync(_h.Expire());

        Assert.Equal("InUse", Line(summary, used).Reason);
        Assert.True(Exists(used));
    }

    [Fact]
    public async Task InUseByOldLaunchTemplateVersion_Kept()
    {
        var pinned = Expired();
        var newest = Newest();
        _h.Ec2.AddLaunchTemplate(SweepHarness.Region, "web-lt", pinned, newest, newest);
        _h.Ec2.SetDefaultLaunchTemplateVersion(SweepHarness.Region, "web-lt", 3);

        var summary = await _h.InvokeAsync(_h.Expire());

        Assert.Equal("InUse", Line(summary, pinned).Reason);
        Assert.Contains("launch template", Line(summary, pinned).Reasons[0], StringComparison.Ordinal);
        Assert.True(Exists(pinned));
    }

    [Fact]
    public async Task ReferencedOnlyThroughDescribeImageReferences_Kept()
    {
        var ssm = Expired();
        var recipe = Expired();
        Newest();
        _h.Ec2.AddSsmParameter(SweepHarness.Region, "/golden/svc", ssm);
        _h.Ec2.AddImageReference(SweepHarness.Region, recipe, "imagebuilder:ImageRecipe", "arn:aws:imagebuilder:eu-west-1:123456789012:image-recipe/svc/1.0.0");

        var summary = await _h.InvokeAsync(_h.Expire());

        Assert.Equal("InUse", Line(summary, ssm).Reason);
        Assert.Equal("InUse", Line(summary, recipe).Reason);
        Assert.True(Exists(ssm));
        Assert.True(Exists(recipe));
    }

    [Fact]
    public async Task LaunchedRecently_Kept()
    {
        var launched = Expired(more: b => b.LastLaunchedAt(SweepHarness.Start.AddDays(-5)));
        Newest();

        var summary = await _h.InvokeAsync(_h.Expire());

        Assert.Equal("RecentlyLaunched", Line(summary, launched).Reason);
        Assert.True(Exists(launched));
    }

    [Fact]
    public async Task KeepTagHoldAndProtection_Kept()
    {
        var kept = Expired(more: b => b.Tagged(TagNames.Keep, ""));
        var held = Expired(more: b => b.Tagged(TagNames.KeepUntil, TagTime.Format(SweepHarness.Start.AddDays(3))));
        var guarded = Expired(more: b => b.DeregistrationProtected());
        Newest();

        var summary = await _h.InvokeAsync(_h.Expire());

        Assert.Equal("KeepTag", Line(summary, kept).Reason);
        Assert.Equal("HeldUntil", Line(summary, held).Reason);
        Assert.Equal("DeregistrationProtected", Line(summary, guarded).Reason);
        Assert.All(new[] { kept, held, guarded }, id => Assert.True(Exists(id)));
        Assert.Empty(_h.LiveMutations());
    }

    [Fact]
    public async Task NotOwned_ForeignImagesNeverListedAndWrongAccountTouchesNothing()
    {
        var foreign = _h.AddImage(b => b.Named("svc-foreign").OwnedBy("210987654321").Public().CreatedDaysAgo(300)
            .DeprecatedAt(SweepHarness.Start.AddDays(-100)));
        var ours = Expired();
        Newest();
        _h.Live().Set(CommonSettings.AccountIdVariable, "999999999999");

        var summary = await _h.InvokeAsync(_h.Expire());

        Assert.DoesNotContain(summary.Decisions, d => d.ImageId == foreign);
        Assert.Equal("NotOwned", Line(summary, ours).Reason);
        Assert.True(Exists(ours));
        Assert.Empty(_h.LiveMutations());
    }

    [Theory]
    [InlineData("aws:dlm:lifecycle-policy-id", "policy-1", "ManagedByDataLifecycleManager")]
    [InlineData("Ec2ImageBuilderArn", "arn:aws:imagebuilder:eu-west-1:123456789012:image/svc/1.0.0/1", "ManagedByImageBuilder")]
    [InlineData("aws:backup:source-resource", "arn:aws:ec2:eu-west-1:123456789012:instance/i-0123456789abcdef0", "ManagedByAwsBackup")]
    public async Task ManagedByAnotherService_Kept(string tag, string value, string reason)
    {
        var managed = Expired(more: b => b.Tagged(tag, value));
        Newest();

        var summary = await _h.InvokeAsync(_h.Expire());

        Assert.Equal(reason, Line(summary, managed).Reason);
        Assert.True(Exists(managed));
    }

    [Fact]
    public async Task PublicImage_KeptUnlessAllowed()
    {
        var image = Expired(more: b => b.Public());
        Newest();

        var kept = await _h.InvokeAsync(_h.Expire());
        _h.Live().Set(ExpireSettings.AllowPublicVariable, "true");
        var allowed = await _h.InvokeAsync(_h.Expire());

        Assert.Equal("PublicImage", Line(kept, image).Reason);
        Assert.Equal("succeeded", Line(allowed, image).Outcome);
        Assert.False(Exists(image));
    }

    [Fact]
    public async Task LastOfFamily_KeptEvenWhenEveryImageIsEligible()
    {
        var first = Expired(family: "solo", daysOld: 300, more: b => b.Disabled());
        var second = Expired(family: "solo", daysOld: 200, more: b => b.Disabled());

        var summary = await _h.InvokeAsync(_h.Expire());

        Assert.Equal("succeeded", Line(summary, first).Outcome);
        Assert.Equal("LastOfFamily", Line(summary, second).Reason);
        Assert.NotNull(_h.Image(second));
    }

    [Fact]
    public async Task InstanceStoreBacked_KeptUnlessAllowed()
    {
        var image = Expired(more: b => b.InstanceStore("my-bucket/svc/image.manifest.xml"));
        Newest();

        var kept = await _h.InvokeAsync(_h.Expire());
        _h.Live().Set(ExpireSettings.AllowInstanceStoreVariable, "true");
        var allowed = await _h.InvokeAsync(_h.Expire());

        Assert.Equal("InstanceStoreBacked", Line(kept, image).Reason);
        Assert.Equal("succeeded", Line(allowed, image).Outcome);
        Assert.Contains(Line(allowed, image).Reasons, r => r.Contains("my-bucket/svc/image.manifest.xml", StringComparison.Ordinal));
        Assert.False(allowed.DestructiveRunAborted);
    }

    [Fact]
    public async Task PolicyCap_OldestFirst_RestBlastRadiusCapReached()
    {
        _h.Live().Set(ExpireSettings.MaxDeregistrationsPerRunVariable, "2");
        var ids = new[] { 400, 300, 200, 100 }.Select(days => Expired(daysOld: days)).ToList();
        Newest();

        var summary = await _h.InvokeAsync(_h.Expire());

        Assert.Equal(["succeeded", "succeeded", "skipped", "skipped"], ids.Select(id => Line(summary, id).Outcome));
        Assert.Equal("BlastRadiusCapReached", Line(summary, ids[3]).Reason);
        Assert.Equal(2, _h.Ec2.Calls.CountOf("DeregisterImage"));
    }

    [Fact]
    public async Task ExecutorCap_RestNotStarted()
    {
        _h.Live().Set(CommonSettings.MaxDestructiveActionsPerRunVariable, "1");
        var ids = new[] { 400, 300, 200 }.Select(days => Expired(daysOld: days)).ToList();
        Newest();

        var summary = await _h.InvokeAsync(_h.Expire());

        Assert.Equal(["succeeded", "not-started", "not-started"], ids.Select(id => Line(summary, id).Outcome));
        Assert.Equal(1, _h.Ec2.Calls.CountOf("DeregisterImage"));
        Assert.True(summary.Completed);
    }
}
