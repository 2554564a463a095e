using AmiAutomation.Core.Ledger;

namespace AmiAutomation.Core.Disabling;

/// <summary>
/// When each disabled image of a region was disabled, from the ledger's disable records (the planner's view of them).
/// EC2 reports no disable time, so an image without a confirmed record has no date and is never deregistered by the
/// disable stage. <see cref="Problem"/> set = the records could not be read: the stage disables nothing and deregisters
/// no disabled image (fail closed).
/// </summary>
public sealed record DisabledImageDates
{
    public static readonly DisabledImageDates NotRead = Unreadable("the ledger's disable records were not read");

    public IReadOnlyDictionary<string, DateTimeOffset> DisabledAt { get; init; } = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);

    public string? Problem { get; init; }

    /// <summary>Confirmed disables only (<see cref="DisableRecordStatus.Disabled"/> with a <see cref="DisableRecord.DisabledAt"/>):
    /// a pending record may belong to a DisableImage that never happened, an enabled one to an earlier episode.</summary>
    public static DisabledImageDates From(IEnumerable<DisableRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var dates = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        foreach (var record in records)
        {
            if (record is { Status: DisableRecordStatus.Disabled, DisabledAt: { } at })
            {
                dates[record.ImageId] = at;
            }
        }

        return new DisabledImageDates { DisabledAt = dates };
    }

    public static DisabledImageDates Unreadable(string problem) => new() { Problem = problem };
}
