using AmiAutomation.Functions.Common;

namespace AmiAutomation.Functions.Copy;

/// <summary>
/// What a copy invocation returns (and logs as its last line): the shared <see cref="RunSummary"/> (counts by action
/// and reason, outcomes, decisions, errors) plus what is particular to copies — the destination and new image of
/// each copy, stuck copies, invalid destination names.
/// </summary>
public sealed record CopyOutput
{
    /// <summary>The run's verdict (see <see cref="RunStatus"/>): <see cref="RunSummary.Status"/>, and <c>partial</c> when a
    /// copy EC2 reported failed was the event's subject.</summary>
    public string Status { get; init; } = RunStatus.Succeeded;

    /// <summary><c>event</c>, <c>manual</c> or <c>schedule</c>.</summary>
    public required string Trigger { get; init; }

    /// <summary><c>image-available</c>, <c>image-failed</c>, <c>no-op</c>, <c>manual</c> or <c>reconcile</c>.</summary>
    public required string Kind { get; init; }

    /// <summary>The image of an event or manual request.</summary>
    public string? ImageId { get; init; }

    /// <summary>The state the event reported.</summary>
    public string? EventState { get; init; }

    /// <summary>Why nothing was done, when nothing was.</summary>
    public string? NoOpReason { get; init; }

    public required CopyCounts Counts { get; init; }

    /// <summary>Every copy and finish attempted or planned (first <see cref="RunSummary.MaxListedDecisions"/>).</summary>
    public IReadOnlyList<CopyLine> Copies { get; init; } = [];

    /// <summary>Copies pending longer than COPY_STUCK_AFTER_MINUTES (reconcile only).</summary>
    public IReadOnlyList<StuckCopyLine> Stuck { get; init; } = [];

    /// <summary>Destination names that are not region names, as <c>ami-…: 'name'</c>.</summary>
    public IReadOnlyList<string> InvalidTargets { get; init; } = [];

    /// <summary>Tags left out to stay within EC2's 50 tags per image (the same keys on every attempt).</summary>
    public IReadOnlyList<TagsNotCopiedLine> TagsNotCopied { get; init; } = [];

    /// <summary>What the owner should act on without the run having failed (e.g. a copy finished without its source's
    /// shares because the source was gone and nothing was recorded).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>Reconcile: images not looked at further, by reason (loop guard, not selected, settled …), counted only.</summary>
    public IReadOnlyDictionary<string, int> Settled { get; init; } = new Dictionary<string, int>();

    public required RunSummary Summary { get; init; }
}
