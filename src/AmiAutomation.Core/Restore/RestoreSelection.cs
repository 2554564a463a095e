namespace AmiAutomation.Core.Restore;

/// <summary>Which image a restore target resolved to, every match (newest first) and why others were passed over.</summary>
public sealed record RestoreSelection
{
    /// <summary>The image to restore (or to finish restoring); null when nothing matching can be restored.</summary>
    public RestoreCandidate? Chosen { get; init; }

    /// <summary>Every candidate that matched the target, newest deregistration first.</summary>
    public IReadOnlyList<RestoreCandidate> Matches { get; init; } = [];

    public IReadOnlyList<string> Notes { get; init; } = [];

    public bool Found => Chosen is not null;
}
