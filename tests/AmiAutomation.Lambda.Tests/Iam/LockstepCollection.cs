namespace AmiAutomation.Lambda.Tests.Iam;

/// <summary>The test classes that read one run of <see cref="LockstepScenarios"/>.</summary>
[CollectionDefinition(Name)]
public sealed class LockstepCollection : ICollectionFixture<LockstepScenarios>
{
    public const string Name = "IAM lockstep";
}
