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
/// account, and attributes the IAM actions each invocation needed to its function (see
/// <see cref="SimulatedStack.ActionsSince"/>). Runs once for the test class; the tests check the results.
/// </summary>
public sealed class LockstepScenarios : IAsyncLifetime
{
    public const string ShareAccount = "444455556666";
    private readonly Dictionary<string, HashSet<string>> _called = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _tagKeys = new(StringComparer.Ordinal);

    internal SimulatedStack Stack { get; } = new();

    /// <summary>Handler → every IAM action its invocations needed (ec2:, dynamodb:).</summary>
    public IReadOnlyDictionary<string, HashSet<string>> Called => _called;

    /// <summary>Handler → the keys of every tag its CreateTags calls wrote.</summary>
    public IReadOnlyDictionary<string, HashSet<string>> TagKeys => _tagKeys;

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

    public string CopySource { get; private set; } = string.Empty;

    public string Copy { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        await DeprecateAsync();
        await ExpireAsync();
        await CopyAsync();
        await RestoreAsync();
        await BlockedAsync();
    }

    /// <summary>Runs that find the run lease held: the lease's conditional put fails and the holder is read.</summary>
    private async Task BlockedAsync()
    {
        var now = Stack.Time.GetUtcNow();
        var holder = new RunLeaseHolder(Home, "lockstep-other-run", "expire", now, now.AddHours(2));
        await Stack.RunLease.TryAcquireAsync(holder, Stack.Time.GetUtcNow(), CancellationToken.None);
        var noWait = new Dictionary<string, string> { [CommonSettings.RunLeaseWaitSecondsVariable] = "0" };
        DeprecateBlocked = await RunAsync(DeprecateFunction.FunctionName, Home, noWait, """{"source": "schedule"}""", Stack.SweepAsync);
        ExpireBlocked = await RunAsync(ExpireFunction.FunctionName, Home, noWait, """{"source": "schedule"}""", Stack.SweepAsync);
        await Stack.RunLease.ReleaseAsync(holder, CancellationToken.None);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>deprecate: the scheduled sweep, live, over a generated fleet (instances, launch templates, references).</summary>
    private async Task DeprecateAsync()
    {
        FleetGenerator.Generate(Stack.Ec2, new FleetOptions { ImageCount = 240, Regions = [Home, UsEast], Seed = 11, Now = Start, AddRecycleBinRules = false });
        DeprecateSweep = await RunAsync(DeprecateFunction.FunctionName, Home, null, """{"source": "schedule"}""", Stack.SweepAsync);
    }

    /// <summary>
    /// expire: the scheduled sweep, live, over the fleet (ledger write, Recycle Bin tags on image and snapshots, re-check,
    /// DeregisterImage with its snapshots, Recycle Bin check), then a manual run on two images of our own so both are
    /// certainly in the bin for the restore scenarios whatever the blast-radius cap left out.
    /// </summary>
    private async Task ExpireAsync()
    {
        const string Family = "lockstep-app";
        Expired = Stack.Ec2.AddImage(Home, b => b.Named("lockstep-app-2025-08-16").Tagged(TagNames.Family, Family).Tagged("team", "lockstep")
            .CreatedDaysAgo(200).DeprecatedAt(Start.AddDays(-60)).WithSnapshot(8).WithSnapshot(16).SharedWithAccount(ShareAccount));
        ExpiredResumed = Stack.Ec2.AddImage(Home, b => b.Named("lockstep-app-2025-08-26").Tagged(TagNames.Family, Family)
            .CreatedDaysAgo(190).DeprecatedAt(Start.AddDays(-50)).WithSnapshot(8).SharedWithAccount(ShareAccount));
        foreach (var days in new[] { 30, 20, 10 })
        {
            Stack.Ec2.AddImage(Home, b => b.Named($"lockstep-app-new-{days}").Tagged(TagNames.Family, Family).CreatedDaysAgo(days).WithSnapshot(8));
        }

        ExpireSweep = await RunAsync(ExpireFunction.FunctionName, Home, null, """{"source": "schedule"}""", Stack.SweepAsync);
        ExpireSelected = await RunAsync(ExpireFunction.FunctionName, Home, null, $$"""{"source": "manual", "dryRun": false, "imageIds": ["{{Expired}}", "{{ExpiredResumed}}"]}""", Stack.SweepAsync);
    }

    /// <summary>copy: the source's "available" event (CopyImage to the copy-to region, lineage and attempt tags), the
    /// copy's own "available" event in its region (shares, deprecation, finished tag), the hourly reconcile.</summary>
    private async Task CopyAsync()
    {
        CopySource = Stack.Ec2.AddImage(Home, b => b.Named("lockstep-web-2026-03-04").Tagged(TagNames.Family, "lockstep-web")
            .Tagged(TagNames.CopyTo, UsEast).CreatedAgo(TimeSpan.FromHours(1)).WithSnapshot(8)
            .SharedWithAccount(ShareAccount).DeprecatedAt(Start.AddDays(90)));
        CopyStarted = await RunAsync(CopyFunction.FunctionName, Home, null, AmiStateChange(Home, CopySource, "available"), Stack.CopyAsync);
        Stack.Time.Advance(Stack.Ec2.Options.CopyDuration + TimeSpan.FromSeconds(1));
        Copy = Stack.Ec2.ListImages(UsEast).Single(i => i.SourceImageId == CopySource).ImageId;
        CopyFinished = await RunAsync(CopyFunction.FunctionName, UsEast, null, AmiStateChange(UsEast, Copy, "available"), Stack.CopyAsync);
        CopyReconciled = await RunAsync(CopyFunction.FunctionName, Home, null, """{"action": "reconcile"}""", Stack.CopyAsync);
    }

    /// <summary>
    /// restore: list the bin; restore by id (snapshots first, wait, image, hold tags, deprecation re-applied from the
    /// ledger, ledger marked); finish an earlier restore that stopped after the image came back — EC2 brought it back
    /// without its share and with a deprecation time (undocumented; the simulator's default reading differs, so the
    /// test sets that state itself) and RESTORE_DEPRECATION=clear clears it.
    /// </summary>
    private async Task RestoreAsync()
    {
        RestoreList = await RunAsync(RestoreFunction.FunctionName, Home, null, """{"action": "list"}""", Stack.RestoreAsync);
        Restored = await RunAsync(RestoreFunction.FunctionName, Home, null, $$"""{"imageId": "{{Expired}}"}""", Stack.RestoreAsync);

        await RestoreHalfWayAsync(ExpiredResumed);
        RestoreResumed = await RunAsync(
            RestoreFunction.FunctionName,
            Home,
            new Dictionary<string, string> { [RestoreSettings.DeprecationVariable] = "clear" },
            $$"""{"imageId": "{{ExpiredResumed}}"}""",
            Stack.RestoreAsync);
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

    private async Task<T> RunAsync<T>(
        string handler, string region, IReadOnlyDictionary<string, string>? overrides, string payload, Func<Runtime.Functions.ILambdaFunction, string, Task<T>> invoke)
    {
        var mark = Stack.Mark();
        var function = Stack.Create(handler, region, overrides);
        var output = await invoke(function, payload);
        if (!_called.TryGetValue(handler, out var actions))
        {
            actions = new HashSet<string>(StringComparer.Ordinal);
            _called[handler] = actions;
        }

        actions.UnionWith(Stack.ActionsSince(mark));
        if (!_tagKeys.TryGetValue(handler, out var keys))
        {
            keys = new HashSet<string>(StringComparer.Ordinal);
            _tagKeys[handler] = keys;
        }

        keys.UnionWith(Stack.TagKeysSince(mark));
        return output;
    }

    public LedgerRecord? LedgerRecord(string imageId) => Stack.Ledger.Records.SingleOrDefault(r => r.ImageId == imageId);
}
