namespace AmiAutomation.Core.Families;

/// <summary>
/// The family rule the expire planner applies, handed to the executor so the re-check right before each
/// deregistration counts the family again: the same resolver (tag, then name rule) and the same newest K.
/// </summary>
/// <param name="Resolver">How an image's family is found (the policy's <c>CreateFamilyResolver()</c>).</param>
/// <param name="KeepNewest">The newest K available images of a family are never deregistered.</param>
public sealed record FamilyKeepRule(FamilyResolver Resolver, int KeepNewest)
{
    /// <summary>The EC2 <c>name</c> filter that lists at least every image of <paramref name="family"/> by name, or
    /// null to read every owned image (a strip pattern may cut from the middle of a name). Tagged members are listed
    /// separately by the family tag.</summary>
    public string? NameFilter(string family) => Resolver.NameFilter(family);
}
