using System.Globalization;

namespace AmiAutomation.Benchmarks.Throttle;

/// <summary>The throttle figure as a Markdown table plus the calls of the execution phase.</summary>
internal static class ThrottleReport
{
    public static string Render(ThrottleResult r)
    {
        var c = CultureInfo.InvariantCulture;
        var failed = r.FailedCalls.Count == 0 ? "0" : string.Join(", ", r.FailedCalls.Select(kv => $"{kv.Key} ×{kv.Value}"));
        if (r.FailedDeregisterCalls.Count > 0)
        {
            failed += " (DeregisterImage call " + string.Join(", ", r.FailedDeregisterCalls.Select(f => string.Create(c, $"#{f.Position} at +{f.Seconds:F3} s"))) + ")";
        }

        var lines = new[]
        {
            string.Create(c, $"| Clock | Deregistrations | Outcomes | Failed calls | First → last DeregisterImage | Expected ({r.Deregistrations} − {r.Burst}) / {r.RefillPerSecond:0.#}/s | Achieved rate after the burst | vs sustained {r.RefillPerSecond:0.#}/s | Execution phase (simulated / wall) | Goal ≥ 0.9 and 0 failed |"),
            "|---|---:|---|---|---:|---:|---:|---:|---|---|",
            string.Create(c, $"| {(r.RealTime ? "real (system clock)" : "virtual (fast-forwarded)")} | {r.DeregisterCalls} / {r.Deregistrations} | {string.Join(", ", r.Outcomes.Select(kv => $"{kv.Key} {kv.Value}"))} | {failed} "
                + $"| {r.FirstToLast.TotalSeconds:F1} s | {r.Expected.TotalSeconds:F1} s | {r.AchievedRate:F3}/s | {r.RatioToSustained:F3} | {r.Execution.TotalSeconds:F1} s / {r.Wall.TotalSeconds:F1} s | {(r.Met ? "met" : "MISSED")} |"),
            string.Empty,
            string.Create(c, $"Calls of the execution phase: {string.Join(", ", r.CallsByAction.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key} {kv.Value}"))}; ledger writes {r.LedgerWrites} (a record before and a status update after each deregistration)."),
        };
        return string.Join('\n', lines);
    }
}
