using AmiAutomation.Core.Restore;

namespace AmiAutomation.Functions.Restore;

/// <summary>A validated restore input: list the bin, restore <see cref="Target"/>, or enable the disabled images
/// <see cref="EnableImageIds"/> (dry run or not).</summary>
public sealed record RestoreRequest(bool IsList, RestoreTarget? Target, bool DryRun)
{
    /// <summary>Set for <c>{"enable": ["ami-…"]}</c>: the images to enable, in order, without duplicates.</summary>
    public IReadOnlyList<string>? EnableImageIds { get; init; }

    public static RestoreRequest List(bool dryRun) => new(true, null, dryRun);

    public static RestoreRequest For(RestoreTarget target, bool dryRun) => new(false, target, dryRun);

    public static RestoreRequest ForEnable(IReadOnlyList<string> imageIds, bool dryRun) => new(false, null, dryRun) { EnableImageIds = imageIds };
}
