using AmiAutomation.TestKit.Moto;

namespace AmiAutomation.Aws.Tests.Support;

/// <summary>One moto_server for every moto-backed test class of this assembly (they run one after another).</summary>
[CollectionDefinition(Name)]
public sealed class MotoCollection : ICollectionFixture<MotoServerFixture>
{
    public const string Name = "moto";
}
