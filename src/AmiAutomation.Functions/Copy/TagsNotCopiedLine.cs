namespace AmiAutomation.Functions.Copy;

/// <summary>Tags left out because EC2 allows 50 per image: the source's tags not given to a new copy
/// (<see cref="TargetRegion"/> = the destination), or inherited tags removed from a full copy to finish it.</summary>
public sealed record TagsNotCopiedLine(string ImageId, string? TargetRegion, IReadOnlyList<string> Keys);
