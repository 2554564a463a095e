using AmiAutomation.TestKit.Moto;

namespace AmiAutomation.Lambda.Tests.EndToEnd;

/// <summary>One moto_server for the tests of this assembly that need EC2 over HTTP.</summary>
[CollectionDefinition(Name)]
public sealed class MotoCollection : ICollectionFixture<MotoServerFixture>
{
    public const string Name = "lambda-moto";
}
