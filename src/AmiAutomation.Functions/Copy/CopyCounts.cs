namespace AmiAutomation.Functions.Copy;

/// <summary>The copy function's headline numbers (the same as its EMF metrics).</summary>
public sealed record CopyCounts
{
    public int Started { get; init; }
    public int Finished { get; init; }
    public int Failed { get; init; }
    public int Deferred { get; init; }
    public int Stuck { get; init; }
    public int DryRun { get; init; }
    public int NotStarted { get; init; }

    /// <summary>Skipped decisions by primary reason.</summary>
    public IReadOnlyDictionary<string, int> Skipped { get; init; } = new Dictionary<string, int>();
}
