namespace AmiAutomation.Functions.Copy;

/// <summary>One copy or finish in a <see cref="CopyOutput"/>.</summary>
public sealed record CopyLine
{
    /// <summary>The source (Copy) or the copy (FinishCopy).</summary>
    public required string ImageId { get; init; }

    /// <summary><c>Copy</c> or <c>FinishCopy</c>.</summary>
    public required string Action { get; init; }

    public string? TargetRegion { get; init; }

    public string? NewImageId { get; init; }

    /// <summary>See <see cref="Common.OutcomeNames"/>.</summary>
    public required string Outcome { get; init; }

    public required string Reason { get; init; }

    public string? ErrorCode { get; init; }

    public string? Detail { get; init; }
}
