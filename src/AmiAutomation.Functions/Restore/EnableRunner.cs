using AmiAutomation.Aws.Disabling;
using AmiAutomation.Core.Images;
using AmiAutomation.Functions.Common;
using AmiAutomation.Runtime.Hosting;
using Microsoft.Extensions.Logging;

namespace AmiAutomation.Functions.Restore;

/// <summary>
/// The restore function's <c>{"enable": [...]}</c> payload: <see cref="DisabledImageEnabler"/> for each image in turn
/// (a failure on one never stops the others), one log line and one output line per image.
/// </summary>
internal static class EnableRunner
{
    public static async Task<RestoreOutput> RunAsync(
        DisabledImageEnabler enabler, RestoreRequest request, string region, InvocationContext context, DateTimeOffset startedAt, TimeProvider time)
    {
        var lines = new List<EnableLine>();
        foreach (var imageId in request.EnableImageIds!)
        {
            var result = await enabler.EnableAsync(imageId, request.DryRun, context.CancellationToken);
            context.Logger.LogInformation(
                "Enable {ImageId} in {Region}: {Outcome}; re-applied {Reapplied}; skipped {Skipped}; held until {HeldUntil}; problems {Problems}",
                imageId, region, result.Outcome, Describe(result.LaunchPermissionsReapplied), Describe(result.LaunchPermissionsSkipped),
                result.HoldUntil, string.Join(" | ", result.Problems));
            if (result.Outcome == EnableOutcome.Enabled)
            {
                context.Metrics.Add(RestoreMetricNames.ImagesEnabled, 1);
            }

            if (!result.Succeeded)
            {
                context.Metrics.Add(MetricNames.ActionsFailed, 1);
            }

            lines.Add(ToLine(result));
        }

        context.Metrics.Add(MetricNames.RunsCompleted, 1);
        var failed = lines.Count(l => l.Problems.Count > 0 || l.Status is "failed" or "not-found" or "not-owned" or "wrong-state");
        return new RestoreOutput
        {
            Function = RestoreFunction.FunctionName,
            Region = region,
            RequestId = context.RequestId,
            Action = RestoreInput.EnableAction,
            DryRun = request.DryRun,
            StartedAt = startedAt,
            FinishedAt = time.GetUtcNow(),
            RunStatus = failed == 0 ? RunStatus.Succeeded : failed == lines.Count ? RunStatus.Failed : RunStatus.Partial,
            Message = request.DryRun
                ? $"Dry run: {lines.Count(l => l.Status == "dry-run")} of {lines.Count} image(s) can be enabled; nothing changed."
                : $"{lines.Count(l => l.Status == "enabled")} enabled, {lines.Count(l => l.Status == "already-available")} already available, {failed} with problems, of {lines.Count} image(s).",
            Enabled = lines,
            Count = lines.Count,
        };
    }

    private static EnableLine ToLine(EnableResult result) => new()
    {
        ImageId = result.ImageId,
        Status = result.Outcome switch
        {
            EnableOutcome.Enabled => "enabled",
            EnableOutcome.AlreadyAvailable => "already-available",
            EnableOutcome.DryRun => "dry-run",
            EnableOutcome.NotFound => "not-found",
            EnableOutcome.NotOwned => "not-owned",
            EnableOutcome.WrongState => "wrong-state",
            _ => "failed",
        },
        Reapplied = [.. result.LaunchPermissionsReapplied.Select(Text)],
        Skipped = [.. result.LaunchPermissionsSkipped.Select(Text)],
        HeldUntil = result.HoldUntil,
        Notes = result.Notes,
        Problems = result.Problems,
    };

    private static string Text(LaunchPermission permission) => $"{permission.Kind} {permission.Value}";

    private static string Describe(IReadOnlyList<LaunchPermission> permissions) =>
        permissions.Count == 0 ? "none" : string.Join(", ", permissions.Select(Text));
}
