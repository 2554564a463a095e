using AmiAutomation.Functions.Common;
using AmiAutomation.Functions.Composition;
using AmiAutomation.Runtime.Functions;
using AmiAutomation.Runtime.Hosting;
using Microsoft.Extensions.Logging;

namespace AmiAutomation.Functions.Expire;

/// <summary>
/// The expire payload <c>{"clearLatch": {"reason": "…"}}</c>: clears the region's Recycle Bin latch in the ledger,
/// recording who, why and when, and runs no sweep (the next scheduled or manual run deregisters again).
/// </summary>
/// <remarks>dynamodb:UpdateItem, dynamodb:GetItem on the ledger table.</remarks>
internal sealed class LatchClearing(FunctionServices services, string function)
{
    /// <exception cref="InvalidEventException">The payload carries anything besides clearLatch, or no reason.</exception>
    public async Task<RunSummary> ClearAsync(ManualSweepInput input, LatchClearRequest clear, InvocationContext context)
    {
        var problems = clear.Problems().ToList();
        if (input.DryRun is not null || input.Families is not null || input.ImageIds is not null)
        {
            problems.Add("clearLatch must be alone in the payload (no dryRun, families or imageIds): it runs no sweep.");
        }

        if (problems.Count > 0)
        {
            throw new InvalidEventException($"The {function} function rejected its input: {string.Join(" ", problems)}");
        }

        var now = services.Time.GetUtcNow();
        var by = clear.By?.Trim() ?? $"{function} payload (request {context.RequestId})";
        var request = new SweepRequest(string.IsNullOrWhiteSpace(input.Source) ? "manual" : input.Source.Trim(), DryRun: false, null, null);
        var summary = new RunSummaryBuilder(function, services.Region, context.RequestId, request, now);
        var cleared = await services.Ledger.ClearLatchAsync(services.Region, by, clear.Reason!.Trim(), now, context.CancellationToken);
        var latch = cleared ?? await services.Ledger.GetLatchAsync(services.Region, context.CancellationToken);
        summary.Latch = cleared is not null
            ? cleared.Describe()
            : "the Recycle Bin latch was not set; nothing cleared" + (latch is null ? string.Empty : $" (last record: {latch.Describe()})");
        SweepLog.Latch(context.Logger, function, summary.Latch);
        return summary.Build(services.Time.GetUtcNow());
    }
}
