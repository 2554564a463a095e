using AmiAutomation.Aws.Ledger;
using AmiAutomation.Core.Images;
using AmiAutomation.Core.Ledger;
using AmiAutomation.Core.Tagging;
using AmiAutomation.Functions.Common;
using AmiAutomation.Functions.Copy;
using AmiAutomation.Lambda.Tests.Iam.Policy;
using AmiAutomation.Lambda.Tests.Iam.Recording;
using AmiAutomation.Lambda.Tests.Support;
using AmiAutomation.Lambda.Tests.Template;
using Amazon.DynamoDBv2;
using YamlDotNet.RepresentationModel;
using static AmiAutomation.Lambda.Tests.Support.SimulatedStack;

namespace AmiAutomation.Lambda.Tests.Iam;

/// <summary>
/// template.yaml's policy for each function, evaluated (<see cref="IamPolicy"/>) against every authorization the
/// function needed on all of its AWS-calling paths on the simulator (<see cref="LockstepScenarios"/>): each must be
/// allowed (a refusal fails in production), and each action of each Allow statement must be needed by some path
/// (privilege nobody uses is a risk with no benefit).
/// </summary>
/// <remarks>
/// What is recorded, and how to add a service or a path:
/// <list type="bullet">
/// <item>EC2 requests pass <see cref="AuthorizationRecordingProxy"/>; <see cref="Ec2Authorizations"/> turns each into
/// requests on ARNs with tags — add a case there for a new mutating action — plus <see cref="ImpliedPermissions"/>
/// (permissions EC2 checks as the caller because of a parameter) and <see cref="CompanionPermissions"/> (permissions
/// another service principal uses on the caller's behalf, with <c>aws:CalledVia</c>).</item>
/// <item>Another simulated service records its calls in the simulator's CallLog as <c>service:Action</c>
/// (<c>autoscaling:DescribeLaunchConfigurations</c>, <c>rbin:ListRules</c>); <see cref="InvocationRequests"/> picks them
/// up on <c>*</c> — add the action's resource ARN to <see cref="InvocationRequests.ServiceResource"/> if it has one.</item>
/// <item>DynamoDB calls are recorded by name through <see cref="PermissionLog.Add(string)"/> (see
/// <see cref="DynamoDbActionRecordingLedger"/>) and evaluated on the ledger table's ARN.</item>
/// <item>A new path: add an invocation to <see cref="LockstepScenarios"/> (seed, <c>RunAsync</c> with a label) and a test
/// here that its output shows the work was done.</item>
/// <item>A new grant in template.yaml then passes only if some recorded path needs it; a new condition operator or
/// intrinsic function fails loudly until <see cref="IamCondition"/>/<see cref="IamPolicyReader"/> model it.</item>
/// </list>
/// </remarks>
[Collection(LockstepCollection.Name)]
public sealed class IamPolicyLockstepTests(LockstepScenarios scenarios)
{
    private readonly SamTemplate _template = SamTemplate.Load();

    public static TheoryData<string> Handlers() => new(HandlerRegistry.Names);

    [Theory]
    [MemberData(nameof(Handlers))]
    public void Policy_AllowsEveryCallTheFunctionMakes(string handler)
    {
        var invocations = Invocations(handler);
        var bypassed = invocations.SelectMany(i => i.Authorizations.Bypassed).ToList();
        Assert.True(bypassed.Count == 0, $"EC2 calls bypassed the recording proxy, so their resources and implied permissions are unknown: {string.Join("; ", bypassed)}");

        var refused = LockstepCheck.Refused(invocations, region => LockstepPolicies.For(_template, handler, region));
        Assert.True(refused.Count == 0, $"template.yaml refuses '{handler}' {refused.Count} call(s) its code makes:\n{string.Join("\n", refused)}");
    }

    [Theory]
    [MemberData(nameof(Handlers))]
    public void Policy_GrantsNothingNoPathUses(string handler)
    {
        var unused = LockstepCheck.Unused(Invocations(handler), region => LockstepPolicies.For(_template, handler, region));
        Assert.True(unused.Count == 0, $"template.yaml grants '{handler}' privilege no code path uses:\n{string.Join("\n", unused)}");
    }

    [Fact]
    public void Policies_GrantOnlyServicesTheLockstepObserves()
    {
        foreach (var (_, handler, _) in _template.Functions())
        {
            var unobserved = LockstepCheck.Unobserved(LockstepPolicies.For(_template, handler, Home), scenarios.Invocations);
            Assert.True(
                unobserved.Count == 0,
                $"'{handler}' is granted actions of [{string.Join(", ", unobserved)}], a service no lockstep recorder sees: record its calls "
                + $"(see {nameof(IamPolicyLockstepTests)}' remarks) so the grant can be checked against the code.");
        }
    }

    [Fact]
    public void Lockstep_RecordsEveryKindOfAuthorization()
    {
        var requests = scenarios.Invocations.SelectMany(i => i.Authorizations.Requests).ToList();
        Assert.Contains(requests, r => r.Action == "ec2:DeleteSnapshot" && r.Origin.Contains("DeleteAssociatedSnapshots", StringComparison.Ordinal));
        Assert.Contains(requests, r => r.Action == "kms:ReEncryptTo" && r.Resource == LockstepScenarios.CopyKey);
        Assert.Contains(requests, r => r.Action == "imagebuilder:GetContainerRecipe" && r.CalledVia.SequenceEqual([CompanionPermissions.ImageReferencesService]));
        Assert.Contains(requests, r => r.Action == "ssm:GetParameters" && r.CalledVia.Count == 0 && r.Origin.Contains("ResolveAlias", StringComparison.Ordinal));
        Assert.Contains(requests, r => r.Action == "ec2:DeregisterImage" && r.ResourceTags.ContainsKey(TagNames.Family));
        Assert.Contains(requests, r => r.Action == "ec2:CreateTags" && r.RequestTags.ContainsKey(TagNames.RecycleBin));
        Assert.Contains(requests, r => r.Action == "dynamodb:PutItem" && r.Resource == LedgerTableArn(Home));
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
                nameof(IDeregistrationLedger.PutDisableRecordAsync) => ledger.PutDisableRecordAsync(SampleDisableRecord(), CancellationToken.None),
                nameof(IDeregistrationLedger.GetDisableRecordAsync) => ledger.GetDisableRecordAsync(Home, "ami-0123456789abcdef0", CancellationToken.None),
                nameof(IDeregistrationLedger.ListDisableRecordsAsync) => ledger.ListDisableRecordsAsync(Home, CancellationToken.None),
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
    public void Scenarios_RunsWhileTheLeaseIsHeld_AreBlocked()
    {
        Assert.Equal(AmiAutomation.Functions.Common.RunStatus.Blocked, scenarios.DeprecateBlocked.Status);
        Assert.Equal(AmiAutomation.Functions.Common.RunStatus.Blocked, scenarios.ExpireBlocked.Status);
        Assert.Contains("lockstep-other-run", scenarios.ExpireBlocked.BlockedReason, StringComparison.Ordinal);
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

    [Fact]
    public void RestoreOnDemand_BothEventsEnabledTheirImageWithItsShares()
    {
        Assert.Equal("enabled", scenarios.OnDemandByTemplate.Status);
        Assert.Equal("enabled", scenarios.OnDemandByGroup.Status);
        var ec2 = scenarios.Stack.Ec2;
        Assert.All(new[] { scenarios.DisabledForTemplateGroup, scenarios.DisabledForConfigurationGroup }, id =>
        {
            Assert.Equal("available", ec2.FindImage(Home, id)?.State.Value);
            Assert.Contains(new LaunchPermission(LaunchPermissionKind.Account, LockstepScenarios.ShareAccount), ec2.LaunchPermissionsOf(Home, id));
        });
    }

    [Fact]
    public void DisableStage_DisabledEnabledAndExpired()
    {
        var ec2 = scenarios.Stack.Ec2;
        Assert.Equal("enabled", scenarios.Enabled.Enabled!.Single().Status);
        Assert.Equal("already-available", scenarios.EnabledAgain.Enabled!.Single().Status);
        Assert.Equal("available", ec2.FindImage(Home, scenarios.Disabled)!.State.Value);
        Assert.True(ec2.TagsOf(Home, scenarios.Disabled).ContainsKey(TagNames.KeepUntil));
        Assert.Null(ec2.FindImage(Home, scenarios.DisabledThenExpired));
        Assert.True(ec2.IsImageInRecycleBin(Home, scenarios.DisabledThenExpired));
        Assert.Contains(scenarios.Stack.Ledger.DisableRecords, r => r.ImageId == scenarios.Disabled && r.Status == DisableRecordStatus.Enabled);
        Assert.NotNull(scenarios.LedgerRecord(scenarios.DisabledThenExpired));
    }

    private IReadOnlySet<string> Granted(string handler) =>
        SamTemplate.GrantedActions(_template.Functions().Single(f => f.Handler == handler).Properties);

    private List<LockstepInvocation> Invocations(string handler)
    {
        var invocations = scenarios.Invocations.Where(i => i.Handler == handler).ToList();
        Assert.True(invocations.Count > 0, $"No lockstep scenario drives '{handler}': add one to {nameof(LockstepScenarios)}.");
        return invocations;
    }

    private static DisableRecord SampleDisableRecord() => new()
    {
        ImageId = "ami-0123456789abcdef0",
        Region = Home,
        Name = "web-server-2026-01-15",
        Family = "web-server",
        State = ImageState.Available,
        RunId = "run-1",
        RecordedAt = Start,
    };

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
