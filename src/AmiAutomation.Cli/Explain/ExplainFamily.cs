namespace AmiAutomation.Cli.Explain;

/// <summary>The image's family as the planners count it: its rank among the family's available images (1 = newest;
/// null when not ranked), how many there are, the newest few, the keepers "last of family" counts, and each function's K.</summary>
public sealed record ExplainFamily(
    string Name,
    int? Rank,
    int Ranked,
    int Keepers,
    int DeprecateKeepsNewest,
    int ExpireKeepsNewest,
    IReadOnlyList<string> NewestFirst);
