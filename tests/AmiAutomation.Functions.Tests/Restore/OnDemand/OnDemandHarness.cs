using AmiAutomation.TestKit.Logging;
using System.Text;
using System.Text.Json;
using AmiAutomation.Core.Images;
using AmiAutomation.Core.Ledger;
using AmiAutomation.Functions.Restore;
using AmiAutomation.Functions.Tests.Common;
using AmiAutomation.Runtime.Hosting;
using AmiAutomation.Runtime.Metrics;
using Amazon.EC2.Model;

namespace AmiAutomation.Functions.Tests.Restore.OnDemand;

/// <summary>The restore harness with self-healing on, plus disabling an image the way the disable stage does and
/// invoking the function many times at once.</summary>
internal static class OnDemandHarness
{
    public const string Partner = "210987654321";
    public const string Org = "arn:aws:organizations::123456789012:organization/o-a1b2c3d4e5";

    public static RestoreHarness Create(bool onDemand = true)
    {
        var h = new RestoreHarness();
        h.Ec2.Options.SnapshotRestoreDuration = TimeSpan.FromSeconds(30);
        if (onDemand)
        {
            h.Environment[RestoreSettings.AutoEnableOnDemandVariable] = "true";
        }

        return h;
    }

    public static string AddSharedImage(this RestoreHarness h, string name = "web-server-2026-01-15") =>
        h.AddImage(b => b.Named(name).WithSnapshot(8).Tagged("team", "web").SharedWithAccount(Partner).SharedWithOrganization(Org));

    /// <summary>Disables like the disable stage: the ledger's disable record (permissions as they are) first, then DisableImage.</summary>
    public static async Task DisableAsync(this RestoreHarness h, string imageId, bool withRecord = true)
    {
        if (withRecord)
        {
            await h.Ledger.PutDisableRecordAsync(new DisableRecord
            {
                ImageId = imageId,
                Region = RestoreHarness.Region,
                Name = "web-server",
                Family = "web-server",
                State = ImageState.Available,
                LaunchPermissions = h.Ec2.LaunchPermissionsOf(RestoreHarness.Region, imageId),
                RunId = "run-disable-1",
                RecordedAt = h.Time.GetUtcNow(),
                Status = DisableRecordStatus.Disabled,
                DisabledAt = h.Time.GetUtcNow(),
            }, CancellationToken.None);
        }

        await h.Ec2.ClientFor(RestoreHarness.Region).DisableImageAsync(new DisableImageRequest { ImageId = imageId });
        Assert.Empty(h.Ec2.LaunchPermissionsOf(RestoreHarness.Region, imageId));
    }

    public static int LiveCalls(this RestoreHarness h, string action) => h.Ec2.Calls.All.Count(c => c.Action == action && !c.DryRun && c.Succeeded);

    /// <summary>Invokes <paramref name="count"/> copies of <paramref name="json"/> at once (each with its own context),
    /// advancing the fake clock while any waits. Returns outputs and each invocation's metrics and log.</summary>
    public static async Task<IReadOnlyList<(RestoreOutput Output, MetricsRecorder Metrics, RecordingLogger Logger)>> InvokeConcurrentlyAsync(this RestoreHarness h, string json, int count)
    {
        var runs = Enumerable.Range(0, count).Select(_ =>
        {
            var logger = new RecordingLogger();
            var metrics = new MetricsRecorder();
            var context = new InvocationContext
            {
                RequestId = "req-" + Guid.NewGuid().ToString("N")[..12],
                FunctionName = "stack-restore",
                InvokedFunctionArn = RestoreHarness.FunctionArn,
                Deadline = h.Time.GetUtcNow().AddMinutes(15),
                TimeProvider = h.Time,
                Logger = logger,
                Metrics = metrics,
            };
            return (Task: Task.Run(() => h.Function().InvokeAsync(Encoding.UTF8.GetBytes(json), context)), Metrics: metrics, Logger: logger);
        }).ToList();
        for (var i = 0; i < 10_000 && runs.Any(r => !r.Task.IsCompleted); i++)
        {
            h.Time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(1);
        }

        var results = new List<(RestoreOutput, MetricsRecorder, RecordingLogger)>();
        foreach (var run in runs)
        {
            results.Add((JsonSerializer.Deserialize(await run.Task, RestoreJsonContext.Default.RestoreOutput)!, run.Metrics, run.Logger));
        }

        return results;
    }
}
