using AmiAutomation.Core.References;

namespace AmiAutomation.Aws.Inventory;

/// <summary>
/// Turns <see cref="Consumer"/>s into references of one kind. A value that is not an image id (an SSM alias nobody
/// resolved, garbage from an emulator) cannot protect anything, so it is collected and makes the source Truncated. So
/// does a consumer naming no image at all: AWS requires one on every launch configuration, Spot request and Spot Fleet
/// launch specification, so only a lying endpoint or a shape we do not know sends it, and what it launches is unknown.
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_SpotFleetLaunchSpecification.html ,
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_RequestSpotLaunchSpecification.html
/// </summary>
internal sealed class ConsumerCollector(ReferenceKind kind, List<ImageReference> references)
{
    private const int Listed = 5;
    private readonly List<string> _unresolved = [];
    private readonly List<string> _missing = [];

    public int Consumers { get; private set; }

    public void Add(Consumer consumer)
    {
        Consumers++;
        switch (consumer.Names)
        {
            case ConsumerImage.ImageId:
                references.Add(new ImageReference(consumer.ImageId!, kind, consumer.ResourceId));
                break;
            case ConsumerImage.Nothing:
                _missing.Add(consumer.ResourceId);
                break;
            default:
                _unresolved.Add($"{consumer.ResourceId} → {consumer.ImageId}");
                break;
        }
    }

    /// <summary>The problem to report when some consumer named an image that is not an image id; null when none did.</summary>
    public string? Unresolved() => Problem(_unresolved, "name an image that is not an image id");

    /// <summary>The problem to report when some consumer named no image id at all; null when all named one.</summary>
    public string? Missing() => Problem(_missing, "name no image id");

    /// <summary>Marks <paramref name="run"/> Truncated when some consumer could not be resolved; sets its item count.</summary>
    public void Finish(SourceRun run)
    {
        run.Items = Consumers;
        if (Missing() is { } missing)
        {
            run.Truncate(missing);
        }

        if (Unresolved() is { } problem)
        {
            run.Truncate(problem);
        }
    }

    private string? Problem(List<string> consumers, string what) => consumers.Count == 0
        ? null
        : $"{consumers.Count} {kind} consumer(s) {what}, so the images they launch are unknown: "
            + string.Join(", ", consumers.Take(Listed)) + (consumers.Count > Listed ? ", …" : string.Empty);
}
