using System.Net;
using AmiAutomation.Core.Ledger;
using AmiAutomation.Core.Tagging;
using AmiAutomation.Functions.Common;
using AmiAutomation.Functions.Copy;
using AmiAutomation.Functions.Deprecate;
using AmiAutomation.Functions.Expire;
using AmiAutomation.Functions.Restore;
using AmiAutomation.Lambda.Tests.Support;
using AmiAutomation.Simulation.Fleet;
using Amazon.EC2.Model;
using static AmiAutomation.Lambda.Tests.Support.SimulatedStack;

namespace AmiAutomation.Lambda.Tests.Iam;

/// <summary>
/// Drives every function through each of its code paths that call AWS, one invocation at a time in one simulated
/// account, and records every authorization each invocation needed (<see cref="SimulatedStack.RequestsSince"/>) as a
/// <see cref="LockstepInvocation"/>. Runs once for the test class; the tests evaluate template.yaml against the records.
/// </summary>
/// <remarks>
/// Paths: deprecate live and dry run; expire scheduled (live, dry run), manual, a failed reference source (fail
/// closed), a refused deregistration; copy start, finish, reconcile, dry run, KMS-encrypted copy, a failed start retried
/// by the reconciler; restore list, by id, resumed, by name (throttled, then called again to resume), by family (dry run,
/// then live), an image with no ledger record, an id not in the bin; self-healing events (a CloudTrail launch-template
/// launch by Auto Scaling, an Auto Scaling launch-configuration failure). To add a path: seed what it needs, invoke through
/// <see cref="RunAsync{T}"/> with a scenario label, and assert its outcome in <see cref="IamPolicyLockstepTests"/> so a
/// path that silently stops doing its work is noticed.
/// </remarks>
public sealed partial class LockstepScenarios : IAsyncLifetime
{
    public const string ShareAccount = "444455556666";
    public const string BatchFamily = "lockstep-batch";
    public const string CopyKey = "arn:aws:kms:us-east-1:123456789012:key/0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0";
    private readonly List<LockstepInvocation> _invocations = [];
    private readonly Dictionary<string, object> _outputs = new(StringComparer.Ordinal);

    internal SimulatedStack Stack { get; } = new();

    /// <summary>Every invocation, in order.</summary>
    internal IReadOnlyList<LockstepInvocation> Invocations => _invocations;

    /// <summary>Scenario label → the function's output.</summary>
    public IReadOnlyDictionary<string, object> Outputs => _outputs;

    public RunSummary DeprecateSweep { get; private set; } = null!;

    public RunSummary ExpireSweep { get; private set; } = null!;

    public RunSummary ExpireSelected { get; private set; } = null!;

    /// <summary>The scheduled sweeps again while another run holds the lease: blocked.</summary>
    public RunSummary DeprecateBlocked { get; private set; } = null!;

    public RunSummary ExpireBlocked { get; private set; } = null!;

    public CopyOutput CopyStarted { get; private set; } = null!;

    public CopyOutput CopyFinished { get; private set; } = null!;

    public CopyOutput CopyReconciled { get; private set; } = null!;

    public RestoreOutput RestoreList { get; private set; } = null!;

    public RestoreOutput Restored { get; private set; } = null!;

    public RestoreOutput RestoreResumed { get; private set; } = null!;

    /// <summary>Deregistered by expire (two snapshots, shared, deprecated 60 days ago), then restored by id.</summary>
    public string Expired { get; private set; } = string.Empty;

    /// <summary>Deregistered by expire, brought back half-way by an earlier restore, then finished by the restore function.</summary>
    public string ExpiredResumed { get; private set; } = string.Empty;

    /// <summary>Deregistered by expire, restored by name.</summary>
    public string ExpiredByName { get; private set; } = string.Empty;

    /// <summary>Deregistered by expire, restored by family (the most recently deregistered of it).</summary>
    public string ExpiredByFamily { get; private set; } = string.Empty;

    /// <summary>Deregistered by someone else into the Recycle Bin: no ledger record.</summary>
    public string BinnedWithoutRecord { get; private set; } = string.Empty;

    public string CopySource { get; private set; } = string.Empty;

    public string Copy { get; private set; } = string.Empty;

    /// <summary>Source of the KMS-encrypted copy (its snapshot encrypted too).</summary>
    public string EncryptedSource { get; private set; } = string.Empty;

    /// <summary>Source whose first CopyImage failed; the reconciler started it again.</summary>
    public string RetriedSource { get; private set; } = string.Empty;

    /// <summary>The function's output of the scenario labelled <paramref name="scenario"/>.</summary>
    public T Output<T>(string scenario) => (T)_outputs[scenario];

    public async Task InitializeAsync()
    {
        await DeprecateAsync();
        await ExpireAsync();
        await CopyAsync();
        await RestoreAsync();
        await OnDemandAsync();
        await BlockedAsync();
        await DisableStageAsync();
    }

    /// <summary>Disabled by expire's disable stage, then enabled by the restore function (twice: the second is a no-op).</summary>
    public string Disabled { get; private set; } = string.Empty;

    /// <summary>Disabled by expire's disable stage, then deregistered by it once disabled long enough.</summary>
    public string DisabledThenExpired { get; private set; } = string.Empty;

    public RestoreOutput Enabled { get; private set; } = null!;

    public RestoreOutput EnabledAgain { get; private set; } = null!;

    /// <summary>
    /// The disable stage (last: it moves the clock): expire disables two deprecated images (ledger disable records,
    /// DisableImage); restore enables one (EnableImage, hold tag, record marked enabled), then again (already available:
    /// its launch permissions read, nothing to add); 11 days later expire deregisters the other, disabled long enough.
    /// </summary>
    private async Task DisableStageAsync()
    {
        const string Family = "lockstep-scream";
        Disabled = Stack.Ec2.AddImage(Home, b => b.Named("lockstep-scream-2025-06-01").Tagged(TagNames.Family, Family)
            .CreatedDaysAgo(300).DeprecatedAt(Stack.Time.GetUtcNow().AddDays(-100)).WithSnapshot(8));
        DisabledThenExpired = Stack.Ec2.AddImage(Home, b => b.Named("lockstep-scream-2025-06-11").Tagged(TagNames.Family, Family)
            .CreatedDaysAgo(290).DeprecatedAt(Stack.Time.GetUtcNow().AddDays(-90)).WithSnapshot(8));
        foreach (var days in new[] { 30, 20, 10 })
        {
            Stack.Ec2.AddImage(Home, b => b.Named($"{Family}-new-{days}").Tagged(TagNames.Family, Family).CreatedDaysAgo(days).WithSnapshot(8));
        }

        var stage = new Dictionary<string, string>
        {
            [ExpireSettings.DisableAfterDeprecatedDaysVariable] = "30",
            [ExpireSettings.ExpireAfterDisabledDaysVariable] = "10",
        };
        await RunAsync("expire, disable stage", ExpireFunction.FunctionName, Home, stage, Manual(Disabled, DisabledThenExpired), Stack.SweepAsync);
        Enabled = await RunAsync("restore enable", RestoreFunction.FunctionName, Home, null, $$"""{"enable": ["{{Disabled}}"]}""", Stack.RestoreAsync);
        EnabledAgain = await RunAsync("restore enable, already available", RestoreFunction.FunctionName, Home, null, $$"""{"enable": ["{{Disabled}}"]}""", Stack.RestoreAsync);
        Stack.Time.Advance(TimeSpan.FromDays(11));
        await RunAsync("expire, disable stage, disabled long enough", ExpireFunction.FunctionName, Home, stage, Manual(DisabledThenExpired), Stack.SweepAsync);
    }

    /// <summary>Runs that find the run lease held: the lease's conditional put fails and the holder is read.</summary>
    private async Task BlockedAsync()
    {
        var now = Stack.Time.GetUtcNow();
        var holder = new RunLeaseHolder(Home, "lockstep-other-run", "expire", now, now.AddHours(2));
        await Stack.RunLease.TryAcquireAsync(holder, Stack.Time.GetUtcNow(), CancellationToken.None);
        var noWait = new Dictionary<string, string> { [CommonSettings.RunLeaseWaitSecondsVariable] = "0" };
        DeprecateBlocked = await RunAsync("deprecate, run lease held", DeprecateFunction.FunctionName, Home, noWait, """{"source": "schedule"}""", Stack.SweepAsync);
        ExpireBlocked = await RunAsync("expire, run lease held", ExpireFunction.FunctionName, Home, noWait, """{"source": "schedule"}""", Stack.SweepAsync);
        await Stack.RunLease.ReleaseAsync(holder, CancellationToken.None);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public LedgerRecord? LedgerRecord(string imageId) => Stack.Ledger.Records.SingleOrDefault(r => r.ImageId == imageId);

    /// <summary>deprecate: the scheduled sweep over a generated fleet (instances, launch templates with SSM aliases,
    /// references), first as a dry run, then live.</summary>
    private async Task DeprecateAsync()
    {
        FleetGenerator.Generate(Stack.Ec2, new FleetOptions { ImageCount = 240, Regions = [Home, UsEast], Seed = 11, Now = Start, AddRecycleBinRules = false });
        await RunAsync("deprecate dry run", DeprecateFunction.FunctionName, Home, DryRun, Schedule, Stack.SweepAsync);
        DeprecateSweep = await RunAsync("deprecate schedule", DeprecateFunction.FunctionName, Home, null, Schedule, Stack.SweepAsync);
    }

    /// <summary>
    /// expire: the scheduled sweep as a dry run, then live over the fleet (ledger write, Recycle Bin tags on image and
    /// snapshots, re-check, DeregisterImage with its snapshots, Recycle Bin check); a manual run on four images of our
    /// own so they are certainly in the bin for the restore scenarios whatever the blast-radius cap left out; a manual run
    /// whose reference source fails (nothing destructive) and one whose DeregisterImage is refused.
    /// </summary>
    private async Task ExpireAsync()
    {
        const string Family = "lockstep-app";
        Expired = Stack.Ec2.AddImage(Home, b => b.Named("lockstep-app-2025-08-16").Tagged(TagNames.Family, Family).Tagged("team", "lockstep")
            .CreatedDaysAgo(200).DeprecatedAt(Start.AddDays(-60)).WithSnapshot(8).WithSnapshot(16).SharedWithAccount(ShareAccount));
        ExpiredResumed = Stack.Ec2.AddImage(Home, b => b.Named("lockstep-app-2025-08-26").Tagged(TagNames.Family, Family)
            .CreatedDaysAgo(190).DeprecatedAt(Start.AddDays(-50)).WithSnapshot(8).SharedWithAccount(ShareAccount));
        ExpiredByName = Stack.Ec2.AddImage(Home, b => b.Named("lockstep-app-2025-09-05").Tagged(TagNames.Family, Family)
            .CreatedDaysAgo(180).DeprecatedAt(Start.AddDays(-40)).WithSnapshot(8));
        ExpiredByFamily = Stack.Ec2.AddImage(Home, b => b.Named("lockstep-batch-2025-09-15").Tagged(TagNames.Family, BatchFamily)
            .CreatedDaysAgo(170).DeprecatedAt(Start.AddDays(-40)).WithSnapshot(8).Tagged(TagNames.Keep, "FALSE"));
        foreach (var (family, days) in new[] { Family, BatchFamily }.SelectMany(f => new[] { 30, 20, 10 }.Select(d => (f, d))))
        {
            Stack.Ec2.AddImage(Home, b => b.Named($"{family}-new-{days}").Tagged(TagNames.Family, family).CreatedDaysAgo(days).WithSnapshot(8));
        }

        // Expired and ExpiredResumed are shared: under EXPIRE_SHARED_IMAGES=when-unused the first runs request AMI usage
        // reports (CreateImageUsageReport), and once those are available and show no use a later run reads them and expires.
        var whenUnused = new Dictionary<string, string> { [ExpireSettings.ExpireSharedImagesVariable] = ExpireSettings.SharedImagesWhenUnused };
        await RunAsync("expire dry run", ExpireFunction.FunctionName, Home, DryRun, Schedule, Stack.SweepAsync);
        ExpireSweep = await RunAsync("expire schedule", ExpireFunction.FunctionName, Home, whenUnused, Schedule, Stack.SweepAsync);
        await RunAsync("expire manual, usage reports pending", ExpireFunction.FunctionName, Home, whenUnused, Manual(Expired, ExpiredResumed), Stack.SweepAsync);
        Stack.Time.Advance(Stack.Ec2.Options.UsageReportDelay + TimeSpan.FromSeconds(1));
        ExpireSelected = await RunAsync("expire manual", ExpireFunction.FunctionName, Home, whenUnused, Manual(Expired, ExpiredResumed, ExpiredByName, ExpiredByFamily), Stack.SweepAsync);

        var failing = Stack.Ec2.AddImage(Home, b => b.Named("lockstep-app-2025-07-01").Tagged(TagNames.Family, Family)
            .CreatedDaysAgo(230).DeprecatedAt(Start.AddDays(-90)).WithSnapshot(8));
        Stack.Ec2.Faults.FailNext("DescribeImageReferences", 1, "InternalError", HttpStatusCode.InternalServerError);
        await RunAsync("expire, reference source failed", ExpireFunction.FunctionName, Home, null, Manual(failing), Stack.SweepAsync);
        Stack.Ec2.Faults.Clear();
        Stack.Ec2.Faults.FailNext("DeregisterImage", 1, "UnauthorizedOperation");
        await RunAsync("expire, DeregisterImage refused", ExpireFunction.FunctionName, Home, null, Manual(failing), Stack.SweepAsync);
        Stack.Ec2.Faults.Clear();
    }

    /// <summary>copy: the source's "available" event (CopyImage to the copy-to region, lineage and attempt tags), the
    /// copy's own "available" event in its region (shares, deprecation, finished tag), the hourly reconcile; a dry run;
    /// a KMS-encrypted copy of an encrypted source; a start that fails and is retried by the reconciler; an older copy with
/// all 50 tags in use finished (DeleteTags makes room).</summary>
    private async Task CopyAsync()
    {
        CopySource = Stack.Ec2.AddImage(Home, b => b.Named("lockstep-web-2026-03-04").Tagged(TagNames.Family, "lockstep-web")
            .Tagged(TagNames.CopyTo, UsEast).CreatedAgo(TimeSpan.FromHours(1)).WithSnapshot(8)
            .SharedWithAccount(ShareAccount).DeprecatedAt(Start.AddDays(90)));
        await RunAsync("copy dry run", CopyFunction.FunctionName, Home, DryRun, AmiStateChange(Home, CopySource, "available"), Stack.CopyAsync);
        CopyStarted = await RunAsync("copy start", CopyFunction.FunctionName, Home, null, AmiStateChange(Home, CopySource, "available"), Stack.CopyAsync);
        Stack.Time.Advance(Stack.Ec2.Options.CopyDuration + TimeSpan.FromSeconds(1));
        Copy = Stack.Ec2.ListImages(UsEast).Single(i => i.SourceImageId == CopySource).ImageId;
        CopyFinished = await RunAsync("copy finish", CopyFunction.FunctionName, UsEast, null, AmiStateChange(UsEast, Copy, "available"), Stack.CopyAsync);
        CopyReconciled = await RunAsync("copy reconcile", CopyFunction.FunctionName, Home, null, """{"action": "reconcile"}""", Stack.CopyAsync);

        EncryptedSource = Stack.Ec2.AddImage(Home, b => b.Named("lockstep-db-2026-03-04").Tagged(TagNames.Family, "lockstep-db")
            .Tagged(TagNames.CopyTo, UsEast).CreatedAgo(TimeSpan.FromHours(1)).WithSnapshot(8, encrypted: true, kmsKeyId: "arn:aws:kms:eu-west-1:123456789012:key/11111111-2222-3333-4444-555555555555"));
        await RunAsync(
            "copy encrypted with a KMS key",
            CopyFunction.FunctionName,
            Home,
            new Dictionary<string, string> { [CopySettings.KmsKeysVariable] = $"{UsEast}={CopyKey}" },
            AmiStateChange(Home, EncryptedSource, "available"),
            Stack.CopyAsync);

        RetriedSource = Stack.Ec2.AddImage(Home, b => b.Named("lockstep-api-2026-03-04").Tagged(TagNames.Family, "lockstep-api")
            .Tagged(TagNames.CopyTo, UsEast).CreatedAgo(TimeSpan.FromHours(1)).WithSnapshot(8));
        Stack.Ec2.Faults.FailNext("CopyImage", 1, "ResourceLimitExceeded");
        await RunAsync("copy start failed", CopyFunction.FunctionName, Home, null, AmiStateChange(Home, RetriedSource, "available"), Stack.CopyAsync);
        Stack.Ec2.Faults.Clear();
        Stack.Time.Advance(TimeSpan.FromHours(1));
        await RunAsync("copy reconcile retries the failed start", CopyFunction.FunctionName, Home, null, """{"action": "reconcile"}""", Stack.CopyAsync);

        // A copy here, made by an older version with all 50 tags in use: finishing it removes an inherited tag first.
        Stack.Ec2.AddImage(Home, b =>
        {
            b.Named("lockstep-full-copy").CopiedFrom("ami-0fffffffffffffff1", UsEast).CreatedAgo(TimeSpan.FromHours(2)).WithSnapshot(8)
                .Tagged(TagNames.SourceImage, "ami-0fffffffffffffff1").Tagged(TagNames.SourceRegion, UsEast).Tagged(TagNames.ManagedBy, TagNames.ManagedByValue);
            for (var i = 0; i < 47; i++)
            {
                b.Tagged(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"inherited-{i:00}"), "v");
            }
        });
        await RunAsync("copy reconcile finishes a full older copy", CopyFunction.FunctionName, Home, null, """{"action": "reconcile"}""", Stack.CopyAsync);
    }

    /// <summary>
    /// restore: list the bin; restore by id (snapshots first, wait, image, hold tags, deprecation re-applied from the
    /// ledger, ledger marked); finish an earlier restore that stopped after the image came back — EC2 brought it back
    /// without its share and with a deprecation time (undocumented; the simulator's default reading differs, so the
    /// test sets that state itself) and RESTORE_DEPRECATION=clear clears it; by name, throttled at
    /// RestoreImageFromRecycleBin (partial), then called again to resume; by family as a dry run, then live; an image some other tool deregistered
    /// into the bin (no ledger record); an id that is not in the bin.
    /// </summary>
    private async Task RestoreAsync()
    {
        BinnedWithoutRecord = await DeregisterElsewhereAsync();
        RestoreList = await RunAsync("restore list", RestoreFunction.FunctionName, Home, null, """{"action": "list"}""", Stack.RestoreAsync);
        Restored = await RunAsync("restore by id", RestoreFunction.FunctionName, Home, null, $$"""{"imageId": "{{Expired}}"}""", Stack.RestoreAsync);

        await RestoreHalfWayAsync(ExpiredResumed);
        RestoreResumed = await RunAsync(
            "restore resumed",
            RestoreFunction.FunctionName,
            Home,
            new Dictionary<string, string> { [RestoreSettings.DeprecationVariable] = "clear" },
            $$"""{"imageId": "{{ExpiredResumed}}"}""",
            Stack.RestoreAsync);

        Stack.Ec2.Faults.FailNext("RestoreImageFromRecycleBin", 1, "RequestLimitExceeded", HttpStatusCode.ServiceUnavailable);
        await RunAsync("restore by name, throttled", RestoreFunction.FunctionName, Home, null, """{"name": "lockstep-app-2025-09-05"}""", Stack.RestoreAsync);
        Stack.Ec2.Faults.Clear();
        await RunAsync("restore by name, called again", RestoreFunction.FunctionName, Home, null, """{"name": "lockstep-app-2025-09-05"}""", Stack.RestoreAsync);
        await RunAsync("restore by family dry run", RestoreFunction.FunctionName, Home, DryRun, $$"""{"family": "{{BatchFamily}}"}""", Stack.RestoreAsync);
        await RunAsync("restore by family", RestoreFunction.FunctionName, Home, null, $$"""{"family": "{{BatchFamily}}"}""", Stack.RestoreAsync);
        await RunAsync("restore without ledger record", RestoreFunction.FunctionName, Home, null, $$"""{"imageId": "{{BinnedWithoutRecord}}"}""", Stack.RestoreAsync);
        await RunFailingAsync("restore of an id not in the bin", RestoreFunction.FunctionName, Home, """{"imageId": "ami-0000000000000dead"}""", Stack.RestoreAsync);
    }

    /// <summary>An image another tool deregistered with its snapshot into the bin (tagged for the stack's rules), so
    /// the ledger has no record of it (not attributed to any function).</summary>
    private async Task<string> DeregisterElsewhereAsync()
    {
        var imageId = Stack.Ec2.AddImage(Home, b => b.Named("lockstep-tools-2025-06-01").Tagged(TagNames.Family, "lockstep-tools")
            .Tagged(TagNames.RecycleBin, TagNames.RecycleBinValue).CreatedDaysAgo(250).WithSnapshot(8));
        var client = Stack.Ec2.ClientFor(Home);
        await client.CreateTagsAsync(new CreateTagsRequest
        {
            Resources = [.. Stack.Ec2.SnapshotIdsOf(Home, imageId)],
            Tags = [new Tag(TagNames.RecycleBin, TagNames.RecycleBinValue)],
        });
        await client.DeregisterImageAsync(new DeregisterImageRequest { ImageId = imageId, DeleteAssociatedSnapshots = true });
        return imageId;
    }

    /// <summary>What an earlier restore call that hit its deadline right after RestoreImageFromRecycleBin leaves
    /// behind (not attributed to any function).</summary>
    private async Task RestoreHalfWayAsync(string imageId)
    {
        var client = Stack.Ec2.ClientFor(Home);
        var record = await Stack.Ledger.GetAsync(Home, imageId, CancellationToken.None)
            ?? throw new InvalidOperationException($"expire wrote no ledger record for {imageId}");
        foreach (var snapshot in record.Snapshots)
        {
            await client.RestoreSnapshotFromRecycleBinAsync(new RestoreSnapshotFromRecycleBinRequest { SnapshotId = snapshot.SnapshotId });
        }

        Stack.Time.Advance(Stack.Ec2.Options.SnapshotRestoreDuration + TimeSpan.FromSeconds(1));
        await client.RestoreImageFromRecycleBinAsync(new RestoreImageFromRecycleBinRequest { ImageId = imageId });
        await client.ModifyImageAttributeAsync(new ModifyImageAttributeRequest
        {
            ImageId = imageId,
            LaunchPermission = new LaunchPermissionModifications { Remove = [new LaunchPermission { UserId = ShareAccount }] },
        });
        await client.EnableImageDeprecationAsync(new EnableImageDeprecationRequest { ImageId = imageId, DeprecateAt = Stack.Time.GetUtcNow().AddDays(30).UtcDateTime });
    }

    private static readonly IReadOnlyDictionary<string, string> DryRun = new Dictionary<string, string> { [CommonSettings.DryRunVariable] = "true" };

    private const string Schedule = """{"source": "schedule"}""";

    private static string Manual(params string[] imageIds) =>
        $$"""{"source": "manual", "dryRun": false, "imageIds": [{{string.Join(", ", imageIds.Select(id => $"\"{id}\""))}}]}""";

    private async Task<T> RunAsync<T>(
        string scenario,
        string handler,
        string region,
        IReadOnlyDictionary<string, string>? overrides,
        string payload,
        Func<Runtime.Functions.ILambdaFunction, string, Task<T>> invoke)
        where T : notnull
    {
        var mark = Stack.Mark();
        var function = Stack.Create(handler, region, overrides);
        var output = await invoke(function, payload);
        _invocations.Add(new LockstepInvocation(handler, region, scenario, Stack.RequestsSince(mark, region)));
        _outputs.Add(scenario, output);
        return output;
    }

    /// <summary>A path on which the function fails the invocation (Lambda reports the error); the output is the exception.</summary>
    private async Task RunFailingAsync<T>(string scenario, string handler, string region, string payload, Func<Runtime.Functions.ILambdaFunction, string, Task<T>> invoke)
    {
        var mark = Stack.Mark();
        var function = Stack.Create(handler, region);
        var failure = await Record.ExceptionAsync(() => invoke(function, payload))
            ?? throw new InvalidOperationException($"Scenario '{scenario}' was to fail the invocation, but it succeeded.");
        _invocations.Add(new LockstepInvocation(handler, region, scenario, Stack.RequestsSince(mark, region)));
        _outputs.Add(scenario, failure);
    }
}
