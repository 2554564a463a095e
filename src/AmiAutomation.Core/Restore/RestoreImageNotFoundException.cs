namespace AmiAutomation.Core.Restore;

/// <summary>Nothing matching the restore target is in the Recycle Bin (or registered again). Lists near matches.</summary>
public sealed class RestoreImageNotFoundException : Exception
{
    public RestoreImageNotFoundException()
        : this("No matching AMI is in the Recycle Bin.")
    {
    }

    public RestoreImageNotFoundException(string message)
        : base(message)
    {
    }

    public RestoreImageNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public RestoreImageNotFoundException(RestoreTarget target, string region, IReadOnlyList<string> suggestions, IReadOnlyList<string> notes)
        : base(Compose(target, region, suggestions, notes))
    {
        Target = target;
        Suggestions = suggestions;
    }

    public RestoreTarget? Target { get; }

    public IReadOnlyList<string> Suggestions { get; } = [];

    private static string Compose(RestoreTarget target, string region, IReadOnlyList<string> suggestions, IReadOnlyList<string> notes)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(suggestions);
        ArgumentNullException.ThrowIfNull(notes);
        var message = $"No AMI matching {target} is in the Recycle Bin of {region}.";
        if (notes.Count > 0)
        {
            message += " " + string.Join(" ", notes);
        }

        message += suggestions.Count > 0
            ? $" Near matches: {string.Join(", ", suggestions)}."
            : " No near matches; invoke with {\"action\": \"list\"} to see what the Recycle Bin holds.";
        return message;
    }
}
