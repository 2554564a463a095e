using AmiAutomation.Core.References;

namespace AmiAutomation.Aws.Inventory;

/// <summary>
/// Turns <see cref="Consumer"/>s into references of one kind. A value that is not an image id (an SSM alias nobody
/// resolved, garbage from an emulator) cannot protect anything, so it is collected and makes the source Truncated.
/// </summary>
internal sealed class ConsumerCollector(ReferenceKind kind, List<ImageReference> references)
{
    private const int Listed = 5;
    private readonly List<string> _unresolved = [];

    public int Consumers { get; private set; }

    public void Add(Consumer consumer)
    {
        Consumers++;
        if (string.IsNullOrEmpty(consumer.ImageId))
        {
            return;
        }

        if (consumer.ImageId.StartsWith("ami-", StringComparison.Ordinal))
        {
            references.Add(new ImageReference(consumer.ImageId, kind, consumer.ResourceId));
        }
        else
        {
            _unresolved.Add($"{consumer.ResourceId} → {consumer.ImageId}");
        }
    }

    /// <summary>The problem to report when some consumer named no readable image id; null when all did.</summary>
    public string? Unresolved() => _unresolved.Count == 0
        ? null
        : $"{_unresolved.Count} {kind} consumer(s) name an image that is not an image id, so the images they launch are unknown: "
            + string.Join(", ", _unresolved.Take(Listed)) + (_unresolved.Count > Listed ? ", …" : string.Empty);

    /// <summary>Marks <paramref name="run"/> Truncated when some consumer could not be resolved; sets its item count.</summary>
    public void Finish(SourceRun run)
    {
        run.Items = Consumers;
        if (Unresolved() is { } problem)
        {
            run.Truncate(problem);
        }
    }
}
