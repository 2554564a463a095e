namespace AmiAutomation.Core.Families;

/// <summary>
/// The family rule the expire planner applies, handed to the executor so the re-check right before each
/// deregistration counts the family again: the same resolver (tag, then name rule) and the same newest K.
/// </summary>
/// <param name="Resolver">How an image's family is found (the policy's <c>CreateFamilyResolver()</c>).</param>
/// <param name="KeepNewest">The newest K available images of a family are never deregistered.</param>
public sealed record FamilyKeepRule(FamilyResolver Resolver, int KeepNewest)
{
    /// <summary>True when every image of a family has the family name inside its own name (the default rule and
    /// a <c>family</c>-group pattern; the family tag's value is matched separately), so EC2 can pre-filter by
    /// <c>name=*family*</c>. A strip pattern may cut from the middle of a name: then every owned image is read.</summary>
    public bool FamilyIsInName => Resolver.Pattern is null || Resolver.SelectsFamilyGroup;
}
