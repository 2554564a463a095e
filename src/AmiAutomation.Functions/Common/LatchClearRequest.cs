using System.Text.Json.Serialization;

namespace AmiAutomation.Functions.Common;

/// <summary>The expire payload <c>{"clearLatch": {"reason": "…", "by": "…"}}</c>: clears the Recycle Bin latch and
/// runs no sweep. <see cref="Reason"/> is required; <see cref="By"/> defaults to the invocation's request id.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record LatchClearRequest
{
    public const int MaxReasonLength = 1000;
    public const int MaxByLength = 200;

    public string? Reason { get; init; }

    public string? By { get; init; }

    /// <summary>The problems with this request, in words (empty when valid).</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Reason))
        {
            problems.Add("clearLatch.reason is required: say what was investigated and why deregistering is safe again.");
        }
        else if (Reason.Length > MaxReasonLength || Reason.Any(char.IsControl))
        {
            problems.Add($"clearLatch.reason must be at most {MaxReasonLength} characters without control characters.");
        }

        if (By is not null && (By.Trim().Length is 0 or > MaxByLength || By.Any(char.IsControl)))
        {
            problems.Add($"clearLatch.by must be 1-{MaxByLength} characters without control characters.");
        }

        return problems;
    }
}
