namespace AmiAutomation.Cli.Planning;

/// <summary>
/// One family of a region as the functions count it (family tag, else the family rule on the name): its images,
/// newest first, so a reader sees which images are counted together for "newest K" and "last of family".
/// </summary>
public sealed record PlanFamily(string Family, int Count, IReadOnlyList<PlanFamilyImage> Images);
