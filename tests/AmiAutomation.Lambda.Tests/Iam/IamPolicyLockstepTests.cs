using AmiAutomation.Aws.Ledger;
using AmiAutomation.Core.Images;
using AmiAutomation.Core.Ledger;
using AmiAutomation.Core.Tagging;
using AmiAutomation.Functions.Common;
using AmiAutomation.Functions.Copy;
using AmiAutomation.Lambda.Tests.Support;
using AmiAutomation.Lambda.Tests.Template;
using Amazon.DynamoDBv2;
using YamlDotNet.RepresentationModel;
using static AmiAutomation.Lambda.Tests.Support.SimulatedStack;

namespace AmiAutomation.Lambda.Tests.Iam;

/// <summary>
/// template.yaml grants each function exactly the EC2 and DynamoDB actions it calls when driven through all of its
/// AWS-calling paths on the simulator (<see cref="LockstepScenarios"/>): a missing grant fails in production, an
/// unused one is privilege nobody needs. KMS actions are used by EC2 on the copy function's behalf (encrypted
/// CopyImage) and cannot be observed here; they are checked for place and condition instead.
/// </summary>
public sealed class IamPolicyLockstepTests(LockstepScenarios scenarios) : IClassFixture<LockstepScenarios>
{
    private static readonly string[] ObservableNamespaces = ["ec2", "dynamodb"];
    private readonly SamTemplate _template = SamTemplate.Load();

    public static TheoryData<string> Handlers() => new(HandlerRegistry.Names);

    [Theory]
    [MemberData(nameof(Handlers))]
    public void Policy_GrantsExactlyTheEc2AndDynamoDbActionsTheFunctionCalls(string handler)
    {
        Assert.True(scenarios.Called.TryGetValue(handler, out var called), $"No lockstep scenario drives '{handler}': add one to {nameof(LockstepScenarios)}.");
        var granted = Granted(handler).Where(a => ObservableNamespaces.Contains(PolicyStatement.Namespace(a))).ToHashSet(StringComparer.Ordinal);

        var missing = called.Except(granted).Order(StringComparer.Ordinal).ToList();
        var unused = granted.Except(called).Order(StringComparer.Ordinal).ToList();

        Assert.True(
            missing.Count == 0 && unused.Count == 0,
            $"template.yaml's '{handler}' policy is out of step with the code. Called but not granted: [{string.Join(", ", missing)}]. "
            + $"Granted but called by no path: [{string.Join(", ", unused)}].");
    }

    [Fact]
    public void Policies_UseOnlyEc2DynamoDbAndKmsActions()
    {
        foreach (var (_, handler, _) in _template.Functions())
        {
            var other = Granted(handler).Where(a => PolicyStatement.Namespace(a) is not ("ec2" or "dynamodb" or "kms")).ToList();
            Assert.True(other.Count == 0, $"'{handler}' grants [{string.Join(", ", other)}]: this lockstep test cannot check them; extend it first.");
        }
    }

    [Fact]
    public void CreateTagsLimitedToTagKeys_AllowsEveryKeyTheFunctionWrites()
    {
        var checkedStatements = 0;
        foreach (var (_, handler, properties) in _template.Functions())
        {
            foreach (var statement in PolicyStatement.Of(properties).Where(s => s.Actions.Contains("ec2:CreateTags")))
            {
                if (SamTemplate.Child(statement.Condition ?? new YamlMappingNode(), "ForAllValues:StringEquals", "aws:TagKeys") is not YamlSequenceNode keys)
                {
                    continue;
                }

                var allowed = keys.Children.OfType<YamlScalarNode>().Select(k => k.Value!).ToHashSet(StringComparer.Ordinal);
                var written = scenarios.TagKeys.GetValueOrDefault(handler) ?? [];
                Assert.NotEmpty(written);
                var refused = written.Except(allowed).Order(StringComparer.Ordinal).ToList();
                Assert.True(refused.Count == 0, $"'{handler}' writes tag keys [{string.Join(", ", refused)}] that statement {statement.Sid} does not allow (aws:TagKeys).");
                checkedStatements++;
            }
        }

        Assert.True(checkedStatements > 0, "no CreateTags statement limits tag keys: expire's Recycle Bin tagging should (aws:TagKeys).");
    }

    [Fact]
    public void KmsActions_OnlyOnCopy_AndOnlyThroughEc2()
    {
        foreach (var (_, handler, properties) in _template.Functions())
        {
            foreach (var statement in PolicyStatement.Of(properties).Where(s => s.Actions.Any(a => PolicyStatement.Namespace(a) == "kms")))
            {
                Assert.True(handler == CopyFunction.FunctionName, $"'{handler}' grants KMS actions ({statement.Sid}); only copy encrypts (through CopyImage).");
                Assert.All(statement.Actions, a => Assert.Equal("kms", PolicyStatement.Namespace(a)));
                var viaService = SamTemplate.Child(statement.Condition ?? new YamlMappingNode(), "StringLike", "kms:ViaService") as YamlScalarNode;
                Assert.True(viaService is not null, $"copy's KMS statement {statement.Sid} has no StringLike kms:ViaService condition.");
                Assert.Equal("ec2.*.amazonaws.com", viaService.Value);
            }
        }

        Assert.Contains(Granted(CopyFunction.FunctionName), a => PolicyStatement.Namespace(a) == "kms");
    }

    [Fact]
    public async Task LedgerActionMap_IsWhatDynamoDbDeregistrationLedgerSends()
    {
        var methods = typeof(IDeregistrationLedger).GetMethods().Select(m => m.Name).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(methods, DynamoDbActionRecordingLedger.ActionOf.Keys.Order(StringComparer.Ordinal));

        foreach (var method in methods)
        {
            var (client, recorder) = SdkCallRecorder.Create<IAmazonDynamoDB>();
            var ledger = new DynamoDbDeregistrationLedger(client, LedgerTable);
            Task call = method switch
            {
                nameof(IDeregistrationLedger.PutAsync) => ledger.PutAsync(SampleRecord(), CancellationToken.None),
                nameof(IDeregistrationLedger.GetAsync) => ledger.GetAsync(Home, "ami-0123456789abcdef0", CancellationToken.None),
                nameof(IDeregistrationLedger.ListAsync) => ledger.ListAsync(Home, CancellationToken.None),
                nameof(IDeregistrationLedger.UpdateStatusAsync) => ledger.UpdateStatusAsync(Home, "ami-0123456789abcdef0", LedgerStatus.Restored, Start, CancellationToken.None),
                nameof(IDeregistrationLedger.GetLatchAsync) => ledger.GetLatchAsync(Home, CancellationToken.None),
                nameof(IDeregistrationLedger.SetLatchAsync) => ledger.SetLatchAsync(new RecycleBinLatch { Region = Home, SetAt = Start, RunId = "r", ImageId = "ami-0123456789abcdef0", Reason = "x" }, CancellationToken.None),
                nameof(IDeregistrationLedger.ClearLatchAsync) => ledger.ClearLatchAsync(Home, "ops", "why", Start, CancellationToken.None),
                _ => throw new InvalidOperationException($"IDeregistrationLedger.{method} is new: add it here and to {nameof(DynamoDbActionRecordingLedger)}."),
            };
            await call;

            var sent = recorder.Calls.Select(c => "dynamodb:" + c[..^"Async".Length]).Distinct(StringComparer.Ordinal);
            Assert.Equal([DynamoDbActionRecordingLedger.ActionOf[method]], sent);
        }
    }

    [Fact]
    public void Deprecate_SweptTheFleetLive()
    {
        var sweep = scenarios.DeprecateSweep;
        Assert.Empty(sweep.FailedSources);
        Assert.False(sweep.DryRun);
        Assert.True(sweep.Outcomes.GetValueOrDefault(OutcomeNames.Succeeded) > 0, "the sweep deprecated nothing");
    }

    [Fact]
    public void Expire_DeregisteredIntoTheRecycleBinWithSnapshotsAndLedger()
    {
        foreach (var sweep in new[] { scenarios.ExpireSweep, scenarios.ExpireSelected })
        {
            Assert.Empty(sweep.FailedSources);
            Assert.False(sweep.DestructiveRunAborted, sweep.AbortReason);
        }

        Assert.True(scenarios.ExpireSweep.Deregistration!.Deregistered > 0, "the scheduled sweep deregistered nothing");
        Assert.True(scenarios.ExpireSweep.Deregistration.SnapshotsDeleted > 0, "no snapshot was deleted with its image");
        var restoredLater = new[] { scenarios.Expired, scenarios.ExpiredResumed };
        Assert.All(restoredLater, id => Assert.NotNull(scenarios.LedgerRecord(id)));
        var record = scenarios.LedgerRecord(scenarios.Expired)!;
        Assert.Equal(2, record.Snapshots.Count);
        Assert.Contains(new LaunchPermission(LaunchPermissionKind.Account, LockstepScenarios.ShareAccount), record.LaunchPermissions);
        Assert.Equal(Start.AddDays(-60), record.DeprecationTime);
    }

    [Fact]
    public void Copy_StartedFinishedAndReconciled()
    {
        Assert.Equal(1, scenarios.CopyStarted.Counts.Started);
        Assert.Equal(1, scenarios.CopyFinished.Counts.Finished);
        Assert.Equal("reconcile", scenarios.CopyReconciled.Kind);
        Assert.Empty(scenarios.CopyStarted.Summary.Errors);
        Assert.Empty(scenarios.CopyFinished.Summary.Errors);
        var copy = scenarios.Stack.Ec2;
        Assert.Contains(new LaunchPermission(LaunchPermissionKind.Account, LockstepScenarios.ShareAccount), copy.LaunchPermissionsOf(UsEast, scenarios.Copy));
        Assert.NotNull(copy.FindImage(UsEast, scenarios.Copy)!.DeprecationTime);
        Assert.True(copy.TagsOf(UsEast, scenarios.Copy).ContainsKey(TagNames.CopyFinishedAt));
    }

    [Fact]
    public void Restore_ListedRestoredAndResumed()
    {
        Assert.Contains(scenarios.RestoreList.Images!, i => i.ImageId == scenarios.Expired);
        Assert.Equal("restored", scenarios.Restored.Status);
        Assert.Equal("restored", scenarios.RestoreResumed.Status);
        var ec2 = scenarios.Stack.Ec2;
        Assert.NotNull(ec2.FindImage(Home, scenarios.Expired)!.DeprecationTime);
        Assert.Null(ec2.FindImage(Home, scenarios.ExpiredResumed)!.DeprecationTime);
        Assert.Contains(new LaunchPermission(LaunchPermissionKind.Account, LockstepScenarios.ShareAccount), ec2.LaunchPermissionsOf(Home, scenarios.ExpiredResumed));
        Assert.All(new[] { scenarios.Expired, scenarios.ExpiredResumed }, id => Assert.Equal(LedgerStatus.Restored, scenarios.LedgerRecord(id)!.Status));
    }

    private IReadOnlySet<string> Granted(string handler) =>
        SamTemplate.GrantedActions(_template.Functions().Single(f => f.Handler == handler).Properties);

    private static LedgerRecord SampleRecord() => new()
    {
        ImageId = "ami-0123456789abcdef0",
        Region = Home,
        Name = "web-server-2026-01-15",
        Family = "web-server",
        RunId = "run-1",
        RecordedAt = Start,
        ExpiresAt = Start.AddDays(30),
    };
}
