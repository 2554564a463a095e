namespace AmiAutomation.Aws.RecycleBin.Rbin;

/// <summary>Retention: value 1–365, unit always <c>DAYS</c>. https://docs.aws.amazon.com/recyclebin/latest/APIReference/API_RetentionPeriod.html</summary>
internal sealed record RbinRetentionPeriod
{
    public int? RetentionPeriodValue { get; init; }

    public string? RetentionPeriodUnit { get; init; }
}
