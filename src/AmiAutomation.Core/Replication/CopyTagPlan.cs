namespace AmiAutomation.Core.Replication;

/// <summary>The tags a new copy gets: whether EC2 copies the source's tags itself (<see cref="CopyImageTags"/>), the tags
/// sent with CopyImage, and the source's tags left out because EC2's 50-tag limit has no room for them (key order).</summary>
public sealed record CopyTagPlan(bool CopyImageTags, IReadOnlyDictionary<string, string> Tags, IReadOnlyList<string> Dropped);
