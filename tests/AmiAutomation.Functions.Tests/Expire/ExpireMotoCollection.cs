using AmiAutomation.TestKit.Moto;

namespace AmiAutomation.Functions.Tests.Expire;

/// <summary>One moto_server for the expire function's integration tests.</summary>
[CollectionDefinition(Name)]
public sealed class ExpireMotoCollection : ICollectionFixture<MotoServerFixture>
{
    public const string Name = "expire-moto";
}
