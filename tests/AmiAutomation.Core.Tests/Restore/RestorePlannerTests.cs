using AmiAutomation.Core.Images;
using AmiAutomation.Core.Ledger;
using AmiAutomation.Core.Restore;
using AmiAutomation.Core.Tagging;
using static AmiAutomation.Core.Tests.Restore.RestoreTestData;

namespace AmiAutomation.Core.Tests.Restore;

public sealed class RestorePlannerTests
{
    private static readonly RestorePolicy Policy = new();

    private static readonly RestoreCandidate Binned = new() { ImageId = "ami-0000000000000000a", Bin = Bin("ami-0000000000000000a") };

    [Fact]
    public void PlanRecovery_MixedSnapshots_RestoresBinnedAwaitsRestoringKeepsReady()
    {
        var plan = RestorePlanner.PlanRecovery(Binned,
        [
            new("snap-0000000000000001", 8, SnapshotCondition.InRecycleBin),
            new("snap-0000000000000002", 50, SnapshotCondition.Restoring),
            new("snap-0000000000000003", 20, SnapshotCondition.Ready),
        ], SnapshotSource.Ledger);

        Assert.False(plan.IsBlocked);
        Assert.True(plan.RestoreImage);
        Assert.Equal(["snap-0000000000000001"], plan.SnapshotsToRestore);
        Assert.Equal(["snap-0000000000000001", "snap-0000000000000002"], plan.SnapshotsToAwait);
        Assert.Equal(["snap-0000000000000003"], plan.SnapshotsReady);
        Assert.Empty(plan.Notes);
    }

    [Fact]
    public void PlanRecovery_MissingSnapshot_IsBlockedAndNamesIt()
    {
        var plan = RestorePlanner.PlanRecovery(Binned,
        [
            new("snap-0000000000000001", 8, SnapshotCondition.InRecycleBin),
            new("snap-0000000000000002", 8, SnapshotCondition.Missing),
        ], SnapshotSource.Ledger);

        Assert.True(plan.IsBlocked);
        Assert.False(plan.RestoreImage);
        Assert.Empty(plan.SnapshotsToRestore);
        Assert.Equal(["snap-0000000000000002"], plan.MissingSnapshots);
    }

    [Fact]
    public void PlanRecovery_FailedSnapshot_IsBlocked() =>
        Assert.Equal(["snap-0000000000000001"], RestorePlanner.PlanRecovery(Binned, [new("snap-0000000000000001", 8, SnapshotCondition.Failed)], SnapshotSource.Ledger).FailedSnapshots);

    [Fact]
    public void PlanRecovery_RegisteredImage_NeedsNothing()
    {
        var plan = RestorePlanner.PlanRecovery(Binned with { Bin = null, Registered = Image("ami-0000000000000000a") },
            [new("snap-0000000000000001", 8, SnapshotCondition.InRecycleBin)], SnapshotSource.Ledger);

        Assert.False(plan.RestoreImage);
        Assert.Empty(plan.SnapshotsToRestore);
    }

    [Theory]
    [InlineData(0, "no snapshot whose description names it")]
    [InlineData(2, "completeness cannot be checked")]
    public void PlanRecovery_FromDescriptions_SaysSo(int count, string expected)
    {
        var snapshots = Enumerable.Range(1, count).Select(i => new SnapshotRequirement($"snap-000000000000000{i}", 0, SnapshotCondition.InRecycleBin)).ToList();

        var plan = RestorePlanner.PlanRecovery(Binned, snapshots, SnapshotSource.Description);

        Assert.True(plan.RestoreImage);
        Assert.Contains(plan.Notes, n => n.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void PlanReapply_Tags_DropAwsKeysAndAddTheHold()
    {
        var record = Record("ami-0000000000000000a") with
        {
            Tags = new Dictionary<string, string> { ["team"] = "web", ["aws:backup:source-resource"] = "x", ["AWS:other"] = "y" },
        };

        var plan = RestorePlanner.PlanReapply(record, null, Policy with { Hold = TimeSpan.FromDays(7) }, Now);

        Assert.Equal("web", plan.Tags["team"]);
        Assert.DoesNotContain(plan.Tags.Keys, k => k.StartsWith("aws:", StringComparison.OrdinalIgnoreCase));
        Assert.Equal("2026-03-04T10:00:00Z", plan.Tags[TagNames.RestoredAt]);
        Assert.Equal("2026-03-11T10:00:00Z", plan.Tags[TagNames.KeepUntil]);
        Assert.Equal(TagNames.ManagedByValue, plan.Tags[TagNames.ManagedBy]);
        Assert.True(plan.MarkLedgerRestored);
    }

    [Fact]
    public void PlanReapply_RecycleBinMark_NeitherReappliedNorKept()
    {
        var record = Record("ami-0000000000000000a") with
        {
            Tags = new Dictionary<string, string> { ["team"] = "web", [TagNames.RecycleBin] = TagNames.RecycleBinValue },
        };
        var current = Image("ami-0000000000000000a") with
        {
            Tags = new Dictionary<string, string> { ["team"] = "web", [TagNames.RecycleBin] = TagNames.RecycleBinValue },
        };

        var plan = RestorePlanner.PlanReapply(record, current, Policy, Now);

        Assert.DoesNotContain(TagNames.RecycleBin, plan.Tags.Keys);
        Assert.Equal([TagNames.RecycleBin], plan.TagsToRemove);
        Assert.DoesNotContain(TagNames.RecycleBin, RestorePlanner.DesiredTags(record, Policy, Now).Keys);
    }

    [Fact]
    public void PlanReapply_NoRecycleBinMarkOnTheImage_NothingToRemove()
    {
        var record = Record("ami-0000000000000000a");
        var current = Image("ami-0000000000000000a") with { Tags = new Dictionary<string, string>(RestorePlanner.DesiredTags(record, Policy, Now)) };

        var plan = RestorePlanner.PlanReapply(record, current, Policy, Now);

        Assert.Empty(plan.TagsToRemove);
    }

    [Fact]
    public void PlanReapply_TagsAlreadyPresent_AreNotWrittenAgain()
    {
        var record = Record("ami-0000000000000000a") with { Tags = new Dictionary<string, string> { ["team"] = "web", ["env"] = "prod" } };
        var current = Image("ami-0000000000000000a") with
        {
            Tags = new Dictionary<string, string>(RestorePlanner.DesiredTags(record, Policy, Now)) { ["env"] = "dev" },
        };

        var plan = RestorePlanner.PlanReapply(record, current, Policy, Now);

        Assert.Equal(new Dictionary<string, string> { ["env"] = "prod" }, plan.Tags);
    }

    [Fact]
    public void PlanReapply_TooManyTags_KeepsTheHoldAndNotesWhatDoesNotFit()
    {
        var tags = Enumerable.Range(0, 50).ToDictionary(i => $"k{i:D2}", i => "v");
        var record = Record("ami-0000000000000000a") with { Tags = tags };

        var plan = RestorePlanner.PlanReapply(record, null, Policy, Now);

        Assert.Equal(RestorePlanner.MaxTagsPerResource, plan.Tags.Count);
        Assert.Contains(TagNames.KeepUntil, plan.Tags.Keys);
        Assert.Contains(plan.Notes, n => n.Contains("k49", StringComparison.Ordinal));
    }

    [Fact]
    public void PlanReapply_PublicPermissionNotAllowed_IsSkippedAndRemovedWhenPresent()
    {
        var record = Record("ami-0000000000000000a") with
        {
            LaunchPermissions = [LaunchPermission.Public, new(LaunchPermissionKind.Account, "210987654321")],
        };
        var current = Image("ami-0000000000000000a") with { IsPublic = true };

        var plan = RestorePlanner.PlanReapply(record, current, Policy, Now);

        Assert.Equal([new LaunchPermission(LaunchPermissionKind.Account, "210987654321")], plan.LaunchPermissionsToAdd);
        Assert.True(plan.RemovePublicAccess);
        Assert.Contains(plan.Notes, n => n.Contains("RESTORE_ALLOW_PUBLIC", StringComparison.Ordinal));
    }

    [Fact]
    public void PlanReapply_PublicAllowed_IsReapplied()
    {
        var record = Record("ami-0000000000000000a") with { LaunchPermissions = [LaunchPermission.Public] };

        var plan = RestorePlanner.PlanReapply(record, Image("ami-0000000000000000a"), Policy with { AllowPublic = true }, Now);

        Assert.Equal([LaunchPermission.Public], plan.LaunchPermissionsToAdd);
        Assert.False(plan.RemovePublicAccess);
    }

    [Fact]
    public void PlanReapply_PermissionsAlreadyPresent_AreNotAddedAgain()
    {
        var share = new LaunchPermission(LaunchPermissionKind.Organization, "arn:aws:organizations::123456789012:organization/o-abc");
        var record = Record("ami-0000000000000000a") with { LaunchPermissions = [share] };

        var plan = RestorePlanner.PlanReapply(record, Image("ami-0000000000000000a") with { LaunchPermissions = [share] }, Policy, Now);

        Assert.Empty(plan.LaunchPermissionsToAdd);
    }

    [Fact]
    public void PlanReapply_LedgerMode_FutureTime_IsSetAgain()
    {
        var at = Now.AddDays(20);

        var plan = RestorePlanner.PlanReapply(Record("ami-0000000000000000a") with { DeprecationTime = at }, Image("ami-0000000000000000a"), Policy, Now);

        Assert.Equal(DeprecationChange.SetAt(at), plan.Deprecation);
    }

    [Fact]
    public void PlanReapply_LedgerMode_PastTime_DeprecatesAgainSoon()
    {
        var plan = RestorePlanner.PlanReapply(Record("ami-0000000000000000a") with { DeprecationTime = Now.AddDays(-40) }, Image("ami-0000000000000000a"), Policy, Now);

        Assert.Equal(DeprecationChangeKind.Set, plan.Deprecation.Kind);
        Assert.InRange(plan.Deprecation.At!.Value, Now.AddMinutes(1), Now.AddMinutes(2));
        Assert.Equal(0, plan.Deprecation.At.Value.Second);
    }

    [Fact]
    public void PlanReapply_LedgerMode_AlreadyDeprecatedAsRecorded_ChangesNothing()
    {
        var at = Now.AddDays(20);
        var current = Image("ami-0000000000000000a") with { DeprecationTime = at.AddSeconds(20) };

        var plan = RestorePlanner.PlanReapply(Record("ami-0000000000000000a") with { DeprecationTime = at }, current, Policy, Now);

        Assert.Equal(DeprecationChange.None, plan.Deprecation);
    }

    [Fact]
    public void PlanReapply_LedgerMode_NoRecordedTime_ClearsACurrentOne()
    {
        var current = Image("ami-0000000000000000a") with { DeprecationTime = Now.AddDays(5) };

        Assert.Equal(DeprecationChange.Clear, RestorePlanner.PlanReapply(Record("ami-0000000000000000a"), current, Policy, Now).Deprecation);
        Assert.Equal(DeprecationChange.None, RestorePlanner.PlanReapply(Record("ami-0000000000000000a"), Image("ami-0000000000000000a"), Policy, Now).Deprecation);
    }

    [Theory]
    [InlineData(RestoreDeprecationMode.Keep, DeprecationChangeKind.None)]
    [InlineData(RestoreDeprecationMode.Clear, DeprecationChangeKind.Clear)]
    [InlineData(RestoreDeprecationMode.Ledger, DeprecationChangeKind.Set)]
    public void PlanReapply_DeprecationMode_DecidesTheCall(RestoreDeprecationMode mode, DeprecationChangeKind expected)
    {
        var record = Record("ami-0000000000000000a") with { DeprecationTime = Now.AddDays(3) };
        var current = Image("ami-0000000000000000a") with { DeprecationTime = Now.AddDays(100) };

        Assert.Equal(expected, RestorePlanner.PlanReapply(record, current, Policy with { Deprecation = mode }, Now).Deprecation.Kind);
    }

    [Fact]
    public void PlanReapply_NoRecord_OnlyTheHoldAndNoLedgerMark()
    {
        var plan = RestorePlanner.PlanReapply(null, Image("ami-0000000000000000a"), Policy, Now);

        Assert.Equal([TagNames.KeepUntil, TagNames.ManagedBy, TagNames.RestoredAt], plan.Tags.Keys.Order(StringComparer.Ordinal));
        Assert.Empty(plan.LaunchPermissionsToAdd);
        Assert.Equal(DeprecationChange.None, plan.Deprecation);
        Assert.False(plan.MarkLedgerRestored);
        Assert.Contains(plan.Notes, n => n.Contains("No ledger record", StringComparison.Ordinal));
    }

    [Fact]
    public void PlanReapply_RecordAlreadyRestored_DoesNotMarkAgain() =>
        Assert.False(RestorePlanner.PlanReapply(Record("ami-0000000000000000a", status: LedgerStatus.Restored), null, Policy, Now).MarkLedgerRestored);

    [Fact]
    public void PlanReapply_ResumingAfterTheHoldWasWritten_KeepsTheOriginalRestoreTime()
    {
        var record = Record("ami-0000000000000000a", recordedAt: Now.AddDays(-2));
        var earlier = Now.AddMinutes(-30);
        var current = Image("ami-0000000000000000a") with
        {
            Tags = new Dictionary<string, string>(RestorePlanner.DesiredTags(record, Policy, earlier)),
        };

        var plan = RestorePlanner.PlanReapply(record, current, Policy, Now);

        Assert.Empty(plan.Tags);
    }

    [Fact]
    public void RestoreTime_MarkOlderThanTheRecord_IsFromAnEarlierCycleAndIgnored()
    {
        var record = Record("ami-0000000000000000a", recordedAt: Now.AddDays(-2));
        var current = Image("ami-0000000000000000a") with
        {
            Tags = new Dictionary<string, string> { [TagNames.RestoredAt] = TagTime.Format(Now.AddDays(-100)) },
        };

        Assert.Equal(Now, RestorePlanner.RestoreTime(record, current, Now));
        Assert.Equal(Now, RestorePlanner.RestoreTime(record, null, Now));
    }
}
