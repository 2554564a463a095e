namespace AmiAutomation.Cli.Planning;

/// <summary>One AMI of a region with what each planned function would do to it, or why it keeps it.</summary>
public sealed record PlanRow
{
    public required string Region { get; init; }
    public required string ImageId { get; init; }
    public required string Name { get; init; }
    public required string Family { get; init; }
    public required DateTimeOffset CreationDate { get; init; }

    /// <summary>Whole days from creation to the plan's time.</summary>
    public required long AgeDays { get; init; }

    public required string State { get; init; }
    public DateTimeOffset? DeprecationTime { get; init; }

    /// <summary>One entry per planned function, in the order deprecate, expire, copy.</summary>
    public required IReadOnlyList<PlanCell> Functions { get; init; }

    /// <summary>True when some function would act on the image.</summary>
    public bool Acts => Functions.Any(f => f.Action != PlanCell.Keep);
}
